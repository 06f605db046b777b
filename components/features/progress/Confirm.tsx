import { useEffect, useRef } from 'preact/hooks';

/** A yes/no question in place of the button that asked it; "no" comes first and takes focus. */
export function Confirm({
  text,
  yes,
  no,
  onYes,
  onNo,
  testId,
}: {
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="pp-progress-confirm pp-stack" data-testid={testId}>
      <p>{text}</p>
      <div class="pp-row">
        <button type="button" class="pp-button" ref={ref} onClick={onNo} data-action="confirm-no">
          {no}
        </button>
        <button type="button" class="pp-button pp-button--primary" onClick={onYes} data-action="confirm-yes">
          {yes}
        </button>
      </div>
    </div>
  );
}
