import type { Lang } from '../i18n';
import { type Sentence, splitSentences } from './sentences';
import { pickVoice, type VoiceLike } from './voices';

/** The parts of the Web Speech API we use, so unit tests can pass a fake. */
export type SynthLike = {
  speak(u: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): VoiceLike[];
  addEventListener?(type: 'voiceschanged', cb: () => void): void;
  removeEventListener?(type: 'voiceschanged', cb: () => void): void;
};
export type UtteranceLike = {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((e: unknown) => void) | null;
  onend: ((e: unknown) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  onboundary: ((e: { charIndex: number; charLength?: number; name?: string }) => void) | null;
};

export type SpeakerState = 'idle' | 'speaking' | 'paused' | 'no-voice' | 'unsupported' | 'error';

export type SpeakerEvents = {
  onState?(state: SpeakerState): void;
  /** Called with offsets in the whole text: the sentence being read, and the word when the browser reports it. */
  onProgress?(p: { sentence: Sentence; word?: { start: number; end: number } }): void;
};

export type SpeakOptions = { lang: Lang; rate: number; voiceURI?: string };

export type Speaker = {
  speak(text: string, options: SpeakOptions): SpeakerState;
  pause(): void;
  resume(): void;
  stop(): void;
  readonly state: SpeakerState;
};

const LANG_TAGS: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar' };

/**
 * Reads text sentence by sentence. Each sentence is its own utterance: Chrome stops long ones
 * after about 15 seconds, and it gives us the sentence to highlight even when the voice reports
 * no word boundaries.
 */
export function createSpeaker(
  synth: SynthLike | undefined,
  makeUtterance: ((text: string) => UtteranceLike) | undefined,
  events: SpeakerEvents = {},
): Speaker {
  let state: SpeakerState = synth && makeUtterance ? 'idle' : 'unsupported';
  let run = 0;
  const set = (next: SpeakerState) => {
    state = next;
    events.onState?.(next);
  };

  return {
    get state() {
      return state;
    },
    speak(text, options) {
      if (!synth || !makeUtterance) {
        set('unsupported');
        return state;
      }
      const voice = pickVoice(synth.getVoices(), options.lang, options.voiceURI);
      if (!voice) {
        set('no-voice');
        return state;
      }
      synth.cancel();
      const current = ++run;
      const sentences = splitSentences(text);
      if (sentences.length === 0) {
        set('idle');
        return state;
      }
      const speakAt = (i: number) => {
        const sentence = sentences[i];
        if (current !== run) return;
        if (!sentence) {
          set('idle');
          return;
        }
        const u = makeUtterance(sentence.text);
        u.lang = LANG_TAGS[options.lang];
        u.voice = voice;
        u.rate = Math.min(2, Math.max(0.5, options.rate));
        u.onstart = () => {
          if (current === run) events.onProgress?.({ sentence });
        };
        u.onboundary = (e) => {
          if (current !== run || e.name === 'sentence') return;
          const wordStart = sentence.start + e.charIndex;
          const length = e.charLength ?? /^\S*/.exec(sentence.text.slice(e.charIndex))?.[0].length ?? 0;
          events.onProgress?.({ sentence, word: { start: wordStart, end: wordStart + length } });
        };
        u.onend = () => speakAt(i + 1);
        u.onerror = (e) => {
          if (current !== run) return;
          // 'interrupted' and 'canceled' come from our own stop(): not an error for the person.
          if (e.error === 'interrupted' || e.error === 'canceled') return;
          run++;
          set('error');
        };
        synth.speak(u);
      };
      set('speaking');
      speakAt(0);
      return state;
    },
    pause() {
      if (state !== 'speaking' || !synth) return;
      synth.pause();
      set('paused');
    },
    resume() {
      if (state !== 'paused' || !synth) return;
      synth.resume();
      set('speaking');
    },
    stop() {
      run++;
      synth?.cancel();
      if (state === 'speaking' || state === 'paused') set('idle');
    },
  };
}

/** Voices load asynchronously in Chrome: wait briefly for them before saying none is installed. */
export function waitForVoices(synth: SynthLike, timeoutMs = 1500): Promise<VoiceLike[]> {
  const now = synth.getVoices();
  if (now.length > 0 || !synth.addEventListener) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener?.('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    synth.addEventListener?.('voiceschanged', done);
  });
}
