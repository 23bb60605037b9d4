import { useEffect } from 'preact/hooks';
import { useMessages, useMode, useSession } from '../session';
import { speak } from '../speech';

/** How often the reminder is said again while the card lies on the reader. */
const REPEAT_MS = 12_000;

/**
 * 请取走您的身份证: on every screen where a visit ends (attract, goodbye, a flow's last screen)
 * while a card lies on the reader. The largest words on the screen, blinking (steady for a
 * citizen who asked for less motion) and spoken, in every mode, until the card is taken.
 */
export function CardReminder() {
  const cardOnReader = useSession((s) => s.context.cardOnReader);
  return cardOnReader ? <Reminder /> : null;
}

function Reminder() {
  const t = useMessages();
  const { locale } = useMode();
  const words = t.cardReminder.take;
  useEffect(() => {
    speak(words, locale);
    const again = setInterval(() => speak(words, locale), REPEAT_MS);
    return () => clearInterval(again);
  }, [words, locale]);
  return (
    <p class="card-reminder" role="alert">
      <span class="card-reminder__icon" aria-hidden="true" />
      {words}
    </p>
  );
}
