import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * What our frame on a web page (`session.html`, placed by the page script in the page's panel)
 * gives the feature views it shows: which place of the panel it fills, whether it claimed that
 * place (a frame the page made itself did not, and must stay inert), and how to tell its page what
 * happened — an event name or its height, never a value.
 */
export type SessionFrame = {
  view: 'banner' | 'tab';
  claimed: boolean;
  /** The page script gave this frame focus (the PIN was asked as the person left a field). */
  takeFocus: boolean;
  tell(message: { event?: string; height?: number }): void;
  /** The extension's whole end of session, asked with this frame's claimed place (absent: unclaimed). */
  endAll?: () => Promise<unknown>;
};

export const SessionFrameContext = createContext<SessionFrame | null>(null);

export function useSessionFrame(): SessionFrame {
  const frame = useContext(SessionFrameContext);
  if (!frame) throw new Error('SessionFrame missing: render inside <SessionFrameContext.Provider>');
  return frame;
}
