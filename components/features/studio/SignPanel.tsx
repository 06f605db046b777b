import { useEffect, useState } from 'preact/hooks';
import type { ExportResult } from '../../../utils/guides/studio';
import { publishableZip } from '../../../utils/guides/studio/publish';
import { publicKeyFile, type SigningKeyInfo } from '../../../utils/guides/studio/signing-key';
import { DownloadButton, type DownloadFile } from './DownloadButton';
import type { StudioClient } from './studio-client';
import type { T } from './t';

/**
 * Signing and publishing: the mediator's key (made once, kept by the background, its private part
 * never leaves it), the signed guide, the public key file, and the folder to put on a web host.
 * The guide is exported (and so checked) before anything is signed.
 */
export function SignPanel({
  exportNow,
  client,
  publisher,
  t,
  say,
}: {
  exportNow(): ExportResult | null;
  client: StudioClient;
  publisher: string;
  t: T;
  say(message: string): void;
}) {
  const [key, setKey] = useState<SigningKeyInfo | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.keyStatus().then((answer) => {
      if (live) setKey(answer?.ok ? answer.key : null);
    });
    return () => {
      live = false;
    };
  }, []);

  const create = async () => {
    setBusy(true);
    const answer = await client.createKey();
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
    const answer = await client.sign(exported.text);
    if (!answer?.ok) {
      say(t('studio.signFailed'));
      return null;
    }
    return { id: exported.guide.id, text: answer.text, fileName: exported.fileName };
  };

  const signedFile = async (): Promise<DownloadFile | null> => {
    const guide = await signed();
    return guide && { fileName: guide.fileName, data: guide.text, type: 'application/json' };
  };

  const publishedFile = async (): Promise<DownloadFile | null> => {
    if (!key) return null;
    const guide = await signed();
    if (!guide) return null;
    const { bytes } = await publishableZip({
      guides: [guide],
      publicKey: publicKeyFile(key),
      name: publisher.trim() || guide.id,
    });
    return { fileName: `${guide.id}-a-publier.zip`, data: bytes, type: 'application/zip' };
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
            <DownloadButton
              primary
              action="studio-sign"
              file={signedFile}
              saved={(file) => t('studio.signed', { file })}
              say={say}
            >
              {t('studio.signDownload')}
            </DownloadButton>
            <DownloadButton
              action="studio-public-key"
              file={() => ({
                fileName: `cle-publique-${key.keyId}.json`,
                data: `${JSON.stringify(publicKeyFile(key), null, 2)}\n`,
                type: 'application/json',
              })}
              saved={(file) => t('studio.publicKeySaved', { file })}
              say={say}
            >
              {t('studio.publicKey')}
            </DownloadButton>
            <DownloadButton
              action="studio-publish"
              file={publishedFile}
              saved={(file) => t('studio.published', { file })}
              say={say}
            >
              {t('studio.publish')}
            </DownloadButton>
          </div>
        </>
      )}
    </section>
  );
}
