import { useEffect, useState } from 'preact/hooks';
import type { ReadSource, ReadTarget } from '../../../utils/speech/page-reader';
import { createSpeaker, type SpeakerState, waitForVoices } from '../../../utils/speech/speaker';
import { type VoiceLike, voicesFor } from '../../../utils/speech/voices';
import { useServices } from '../../app/services';

/** Read aloud: the selection, the page's main content or the field the person was in. */
export default function SpeechTab() {
  const { t, settings, update, lang, speech, pageReader, announce, speechRequest } = useServices();
  const [state, setState] = useState<SpeakerState>(speech ? 'idle' : 'unsupported');
  const [message, setMessage] = useState('');
  const [voices, setVoices] = useState<VoiceLike[]>([]);
  const [current, setCurrent] = useState<ReadTarget | undefined>();

  useEffect(() => {
    if (!speech) return;
    let alive = true;
    waitForVoices(speech.synth).then((list) => alive && setVoices(list));
    return () => {
      alive = false;
      activeSpeaker?.stop();
      pageReader?.clear();
    };
  }, [speech, pageReader]);

  // Highlighting follows the target being read; a new speaker per target keeps offsets right.
  useEffect(() => {
    if (!current) return;
    const s = createSpeaker(speech?.synth, speech?.makeUtterance, {
      onState: (next) => {
        setState(next);
        if (next === 'idle' || next === 'error') pageReader?.clear();
        if (next === 'no-voice') setMessage(t('speech.noVoice'));
        if (next === 'error') setMessage(t('speech.status.error'));
      },
      onProgress: ({ sentence, word }) => pageReader?.highlight(current.index, sentence, word),
    });
    activeSpeaker = s;
    const text = current.required ? `${current.text}. ${t('speech.fieldRequired')}` : current.text;
    s.speak(text, { lang: lang.value, rate: settings.value.speechRate, voiceURI: settings.value.voiceURI });
    return () => s.stop();
  }, [current]);

  const read = (source: ReadSource) => {
    setMessage('');
    if (!pageReader || !speech) {
      setMessage(t('speech.unsupported'));
      return;
    }
    const target = pageReader.target(source);
    if ('error' in target) {
      const key = {
        'no-selection': 'speech.noSelection',
        'no-field': 'speech.noField',
        nothing: 'speech.nothing',
      }[target.error];
      setMessage(t(key));
      announce(t(key));
      return;
    }
    setCurrent({ ...target });
  };

  // A reading asked from the popup or elsewhere is performed here, where its controls are.
  const requested = speechRequest?.value;
  useEffect(() => {
    if (!requested || !speechRequest) return;
    speechRequest.value = undefined;
    read(requested);
  }, [requested]);

  const ofLang = voicesFor(voices, lang.value);
  const busy = state === 'speaking' || state === 'paused';

  return (
    <div class="pp-stack" data-testid="speech-tab">
      <p>{t('speech.intro')}</p>
      <div class="pp-stack">
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="read-page"
          onClick={() => read('page')}
        >
          {t('speech.readPage')}
        </button>
        <button
          type="button"
          class="pp-button"
          data-action="read-selection"
          onClick={() => read('selection')}
        >
          {t('speech.readSelection')}
        </button>
        <button type="button" class="pp-button" data-action="read-field" onClick={() => read('field')}>
          {t('speech.readField')}
        </button>
      </div>
      <div class="pp-row">
        {state === 'paused' ? (
          <button
            type="button"
            class="pp-button"
            data-action="resume"
            onClick={() => activeSpeaker?.resume()}
          >
            {t('speech.resume')}
          </button>
        ) : (
          <button
            type="button"
            class="pp-button"
            data-action="pause"
            disabled={state !== 'speaking'}
            onClick={() => activeSpeaker?.pause()}
          >
            {t('speech.pause')}
          </button>
        )}
        <button
          type="button"
          class="pp-button"
          data-action="stop"
          disabled={!busy}
          onClick={() => {
            activeSpeaker?.stop();
            pageReader?.clear();
          }}
        >
          {t('speech.stop')}
        </button>
      </div>
      <label class="pp-stack">
        <span>{t('speech.rateValue', { rate: settings.value.speechRate })}</span>
        <input
          type="range"
          min="0.5"
          max="2"
          step="0.25"
          value={settings.value.speechRate}
          aria-label={t('speech.rate')}
          onChange={(e) => update({ speechRate: Number((e.currentTarget as HTMLInputElement).value) })}
        />
      </label>
      <label class="pp-stack">
        <span>{t('speech.voice')}</span>
        <select
          value={settings.value.voiceURI ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            update({ voiceURI: value || undefined });
          }}
        >
          <option value="">{t('speech.voiceAuto')}</option>
          {ofLang.map((v) => (
            <option key={v.voiceURI} value={v.voiceURI}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <p class="pp-status" role="status" data-speech-state={state}>
        {state === 'speaking' || state === 'paused' || state === 'idle' ? t(`speech.status.${state}`) : ''}
      </p>
      {message && (
        <div class="pp-message pp-message--error" data-testid="speech-message">
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

// One speaker reads at a time across re-renders: the pause/stop buttons act on it.
let activeSpeaker: ReturnType<typeof createSpeaker> | undefined;
