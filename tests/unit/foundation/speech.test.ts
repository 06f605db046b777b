// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../../utils/speech/sentences';
import { createSpeaker, type SynthLike, type UtteranceLike } from '../../../utils/speech/speaker';
import { buildTextIndex, rangeFor } from '../../../utils/speech/text-index';
import { pickVoice } from '../../../utils/speech/voices';

/** A fake speechSynthesis that "speaks" synchronously and reports word boundaries. */
function fakeSynth(voices: SynthLike['getVoices'] extends () => infer V ? V : never) {
  const spoken: UtteranceLike[] = [];
  let paused = false;
  const synth: SynthLike & { spoken: UtteranceLike[]; paused: () => boolean; finish(): void } = {
    spoken,
    paused: () => paused,
    getVoices: () => voices,
    speak(u) {
      spoken.push(u);
      u.onstart?.({});
      u.onboundary?.({ charIndex: 0, name: 'word' });
    },
    cancel() {
      for (const u of spoken.splice(0)) u.onerror?.({ error: 'interrupted' });
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    finish() {
      const u = spoken.at(-1);
      u?.onend?.({});
    },
  };
  return synth;
}
const utterance = (text: string): UtteranceLike => ({
  text,
  lang: '',
  rate: 1,
  voice: null,
  onstart: null,
  onend: null,
  onerror: null,
  onboundary: null,
});
const FR = { name: 'Amélie', lang: 'fr-FR', voiceURI: 'fr-1', localService: true };
const REMOTE_FR = { name: 'Cloud', lang: 'fr-FR', voiceURI: 'fr-cloud', localService: false };

describe('sentences', () => {
  test('splits on sentence ends but not on common abbreviations', () => {
    const s = splitSentences('Bonjour M. Dupont. Votre dossier n° 12 est prêt ! Merci');
    expect(s.map((x) => x.text)).toEqual(['Bonjour M. Dupont.', 'Votre dossier n° 12 est prêt !', 'Merci']);
    const text = 'Un. Deux.';
    for (const x of splitSentences(text)) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  test('cuts very long sentences at spaces, keeping offsets exact', () => {
    const long = `${'mot '.repeat(120)}fin.`;
    const parts = splitSentences(long, 100);
    expect(parts.length).toBeGreaterThan(4);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(long.slice(p.start, p.end)).toBe(p.text);
    }
  });
});

describe('voices', () => {
  test('never picks a network voice (text would leave the device)', () => {
    expect(pickVoice([REMOTE_FR], 'fr')).toBeUndefined();
    expect(pickVoice([REMOTE_FR, FR], 'fr')?.voiceURI).toBe('fr-1');
    expect(pickVoice([FR], 'ar')).toBeUndefined();
    expect(pickVoice([FR, { ...FR, voiceURI: 'fr-2' }], 'fr', 'fr-2')?.voiceURI).toBe('fr-2');
  });
});

describe('speaker', () => {
  test('reads sentence by sentence, reports progress with offsets, pauses, resumes and stops', () => {
    const synth = fakeSynth([FR]);
    const states: string[] = [];
    const progress: { start: number; word?: number }[] = [];
    const text = 'Première phrase. Deuxième phrase.';
    const speaker = createSpeaker(synth, utterance, {
      onState: (s) => states.push(s),
      onProgress: ({ sentence, word }) => progress.push({ start: sentence.start, word: word?.start }),
    });
    speaker.speak(text, { lang: 'fr', rate: 3 });
    expect(synth.spoken[0]?.text).toBe('Première phrase.');
    expect(synth.spoken[0]?.rate).toBe(2);
    expect(synth.spoken[0]?.lang).toBe('fr-FR');
    synth.finish();
    expect(synth.spoken[1]?.text).toBe('Deuxième phrase.');
    expect(progress).toContainEqual({ start: 17, word: 17 });
    speaker.pause();
    expect(synth.paused()).toBe(true);
    speaker.resume();
    expect(synth.paused()).toBe(false);
    speaker.stop();
    expect(states).toEqual(['speaking', 'paused', 'speaking', 'idle']);
  });
  test('says when no voice is installed, or when the browser cannot speak', () => {
    expect(createSpeaker(fakeSynth([]), utterance).speak('Bonjour.', { lang: 'fr', rate: 1 })).toBe(
      'no-voice',
    );
    expect(createSpeaker(undefined, undefined).speak('Bonjour.', { lang: 'fr', rate: 1 })).toBe(
      'unsupported',
    );
  });
  test('a real error stops reading and is reported', () => {
    const synth = fakeSynth([FR]);
    const states: string[] = [];
    const speaker = createSpeaker(synth, utterance, { onState: (s) => states.push(s) });
    speaker.speak('Une. Deux.', { lang: 'fr', rate: 1 });
    synth.spoken[0]?.onerror?.({ error: 'synthesis-failed' });
    expect(states.at(-1)).toBe('error');
  });
});

describe('text index', () => {
  test('maps offsets of the read text back to exact DOM ranges, skipping hidden parts and our own UI', () => {
    document.body.innerHTML =
      '<main><h1>Titre</h1><p>Votre <strong>numéro fiscal</strong> est en haut.</p><script>var x</script><div data-pasapas-host>nous</div></main>';
    const index = buildTextIndex(document.querySelector('main') as Element);
    expect(index.text).not.toContain('var x');
    expect(index.text).not.toContain('nous');
    const start = index.text.indexOf('numéro fiscal');
    const range = rangeFor(index, start, start + 'numéro fiscal'.length, document);
    expect(range?.toString()).toBe('numéro fiscal');
    const across = index.text.indexOf('Votre numéro');
    expect(rangeFor(index, across, across + 'Votre numéro'.length, document)?.toString()).toBe(
      'Votre numéro',
    );
  });
});
