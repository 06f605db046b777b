/**
 * « Cette étape n'est pas claire »: the notes people leave on a guide's steps, kept on this
 * computer sealed with their own key (utils/feedback/store.ts), listed per guide for the
 * mediator to export to the guide's publisher (its `publisher.contact`), cleared once sent. They
 * are the mediator's, not the person's: the end of a session leaves them for the export.
 * Every comment is stripped of personal numbers here again, whatever the page did.
 */
import { browser } from 'wxt/browser';
import { type FeedbackNote, makeNote } from '../../../utils/feedback/notes';
import { createFeedbackStore, FEEDBACK_KEY } from '../../../utils/feedback/store';
import type { Guide } from '../../../utils/guides/format';
import { feedbackCipher } from '../../../utils/storage/data-key';
import type { BackgroundServices, Handlers } from '../define-background';

export type FeedbackGuide = {
  guideId: string;
  guideVersion: string;
  title?: Guide['title'];
  contact?: string;
  notes: FeedbackNote[];
};

export function feedbackHandlers(
  services: Pick<BackgroundServices, 'database'>,
  knownGuides: () => Promise<Guide[]>,
): Handlers {
  const store = createFeedbackStore(
    {
      read: async () => (await browser.storage.local.get(FEEDBACK_KEY))[FEEDBACK_KEY],
      write: (value) =>
        value === undefined
          ? browser.storage.local.remove(FEEDBACK_KEY)
          : browser.storage.local.set({ [FEEDBACK_KEY]: value }),
    },
    (create) => feedbackCipher(services.database(), { create }),
  );
  return {
    'pasapas:feedback-add': async (message) => {
      const { note, removed } = makeNote({ ...message, date: new Date() });
      await store.add(note);
      return { ok: true, removed };
    },
    'pasapas:feedback-list': async () => {
      const notes = await store.list();
      const guides = await knownGuides().catch(() => [] as Guide[]);
      const byGuide = new Map<string, FeedbackGuide>();
      for (const note of notes) {
        let entry = byGuide.get(note.guideId);
        if (!entry) {
          const guide = guides.find((g) => g.id === note.guideId);
          entry = { guideId: note.guideId, guideVersion: note.guideVersion, notes: [] };
          if (guide) {
            entry.title = guide.title;
            if (guide.publisher.contact) entry.contact = guide.publisher.contact;
          }
          byGuide.set(note.guideId, entry);
        }
        entry.notes.push(note);
      }
      return { guides: [...byGuide.values()] };
    },
    'pasapas:feedback-clear': async (message) => ({ ok: true, removed: await store.clear(message.guideId) }),
  };
}
