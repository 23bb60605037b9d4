import { useMessages, useSend } from '../session';
import { CardReminder } from './CardReminder';

export function GoodbyeScreen() {
  const t = useMessages();
  const send = useSend();
  return (
    <main class="goodbye" aria-labelledby="goodbye-title">
      <h1 id="goodbye-title" class="screen-title">
        {t.goodbye.title}
      </h1>
      <CardReminder />
      <p class="goodbye__reminder">{t.goodbye.reminder}</p>
      <button type="button" class="primary-button" onClick={() => send({ type: 'user.finish' })}>
        {t.goodbye.done}
      </button>
    </main>
  );
}
