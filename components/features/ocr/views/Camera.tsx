/** The camera inside the screen (the widget, the side panel and the extension's camera window). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RgbaImage } from '../../../../utils/ocr/index';
import { imagePixels } from '../reading';
import { Heading, type T, useFocusOnShow } from './parts';

export function Camera({
  t,
  onShot,
  onCancel,
}: {
  t: T;
  onShot: (p: RgbaImage) => void;
  /** `unavailable`: the camera could not start (refused, absent). */
  onCancel: (unavailable?: boolean) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  const heading = useFocusOnShow('camera');

  useEffect(() => {
    let alive = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 } }, audio: false })
      .then(async (s) => {
        if (!alive) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream.current = s;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        await v.play().catch(() => undefined);
        setReady(true);
      })
      .catch(() => alive && onCancel(true));
    return () => {
      alive = false;
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    };
  }, []);

  const shoot = async () => {
    const v = video.current;
    if (!v?.videoWidth) return;
    const pixels = await imagePixels(v as unknown as Blob);
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    onShot(pixels);
  };

  return (
    <>
      <Heading hRef={heading}>{t('ocr.cameraTitle')}</Heading>
      <p id="pp-ocr-camera-help">{t('ocr.cameraHelp')}</p>
      <div class="pp-ocr-camera">
        <video ref={video} muted playsInline aria-describedby="pp-ocr-camera-help" />
        <div class="pp-ocr-frame-guide" aria-hidden="true" />
      </div>
      <div class="pp-row">
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="ocr-shoot"
          disabled={!ready}
          onClick={shoot}
        >
          {t('ocr.cameraShoot')}
        </button>
        <button type="button" class="pp-button" onClick={() => onCancel()}>
          {t('ocr.cancel')}
        </button>
      </div>
    </>
  );
}
