import { useEffect, useState } from 'preact/hooks';
import type { ExportResult } from '../../../utils/guides/studio';
import { publishableZip } from '../../../utils/guides/studio/publish';
import { publicKeyFile, type SigningKeyInfo } from '../../../utils/guides/studio/signing-key';
import type { Params } from '../../../utils/i18n';

type T = (key: string, params?: Params) => string;
type Answer<V> = ({ ok: true } & V) | { ok: false; code?: string } | null;

/** A file given to the person as a download (the side panel's own page). */
export function download(fileName: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Signing and publishing: the mediator's key (made once, kept by the background, its private part
 * never leaves it), the signed guide, the public key file, and the folder to put on a web host.
 * The guide is exported (and so checked) before anything is signed.
 */
export function SignPanel({
  exportNow,
  background,
  publisher,
  t,
  say,
}: {
  exportNow(): ExportResult | null;
  background(message: unknown): Promise<unknown>;
  publisher: string;
  t: T;
  say(message: string): void;
}) {
  const [key, setKey] = useState<SigningKeyInfo | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    background({ type: 'pasapas:studio-key', action: 'status' })
      .then((a) => {
        const answer = a as Answer<{ key: SigningKeyInfo | null }>;
        if (live) setKey(answer?.ok ? answer.key : null);
      })
      .catch(() => live && setKey(null));
    return () => {
      live = false;
    };
  }, []);

  const create = async () => {
    setBusy(true);
    const answer = (await background({ type: 'pasapas:studio-key', action: 'create' }).catch(
      () => null,
    )) as Answer<{ key: SigningKeyInfo }>;
    setBusy(false);
    if (answer?.ok && answer.key) {
      setKey(answer.key);
      say(t('studio.keyCreated', { keyId: answer.key.keyId }));
    } else say(t('studio.keyFailed'));
  };

  /** The exported guide, signed by the background; null (and said why) when it cannot be. */
  const signed = async (): Promise<{ id: string; text: string; fileName: string } | null> => {
    const exported = exportNow();
    if (!exported?.ok) return null;
    const answer = (await background({ type: 'pasapas:studio-sign', text: exported.text }).catch(
      () => null,
    )) as Answer<{ text: string }>;
    if (!answer?.ok) {
      say(t('studio.signFailed'));
      return null;
    }
    return { id: exported.guide.id, text: answer.text, fileName: exported.fileName };
  };

  const signAndDownload = async () => {
    const guide = await signed();
    if (!guide) return;
    download(guide.fileName, guide.text, 'application/json');
    say(t('studio.signed', { file: guide.fileName }));
  };

  const publish = async () => {
    if (!key) return;
    const guide = await signed();
    if (!guide) return;
    const { bytes } = await publishableZip({
      guides: [guide],
      publicKey: publicKeyFile(key),
      name: publisher.trim() || guide.id,
    });
    const fileName = `${guide.id}-a-publier.zip`;
    download(fileName, bytes, 'application/zip');
    say(t('studio.published', { file: fileName }));
  };

  if (key === undefined) return null;
  return (
    <section class="pp-stack" aria-labelledby="pp-studio-sign" data-testid="studio-sign">
      <h2 class="pp-subtitle" id="pp-studio-sign">
        {t('studio.sign')}
      </h2>
      {key === null ? (
        <>
          <p>{t('studio.keyIntro')}</p>
          <button
            type="button"
            class="pp-button"
            data-action="studio-create-key"
            disabled={busy}
            onClick={create}
          >
            {t('studio.createKey')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="studio-key">{t('studio.keyIs', { keyId: key.keyId })}</p>
          {!key.protected && <p class="pp-message">{t('studio.keyUnprotected')}</p>}
          <div class="pp-row">
            <button
              type="button"
              class="pp-button pp-button--primary"
              data-action="studio-sign"
              onClick={signAndDownload}
            >
              {t('studio.signDownload')}
            </button>
            <button
              type="button"
              class="pp-button"
              data-action="studio-public-key"
              onClick={() => {
                const name = `cle-publique-${key.keyId}.json`;
                download(name, `${JSON.stringify(publicKeyFile(key), null, 2)}\n`, 'application/json');
                say(t('studio.publicKeySaved', { file: name }));
              }}
            >
              {t('studio.publicKey')}
            </button>
            <button type="button" class="pp-button" data-action="studio-publish" onClick={publish}>
              {t('studio.publish')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
