import { useEffect, useRef } from 'preact/hooks';
import { useMessages, useSend } from '../session';

/** The last seconds before a timeout: a countdown and one large button to stay. */
export function IdleWarning({ seconds }: { seconds: number }) {
  const t = useMessages();
  const send = useSend();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="overlay">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-countdown"
      >
        <h2 id="idle-title">{t.idle.title}</h2>
        <p id="idle-countdown" class="dialog__countdown" aria-live="polite">
          {t.idle.countdown(seconds)}
        </p>
        <button
          ref={button}
          type="button"
          class="primary-button primary-button--huge"
          onClick={() => send({ type: 'user.continue' })}
        >
          {t.idle.continue}
        </button>
      </div>
    </div>
  );
}
