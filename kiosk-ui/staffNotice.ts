import type { Locale } from '../domain';
import { watchStoragePause, storagePaused } from '../stores/shared/storageHealth';
import { messagesFor } from './i18n';
import type { SessionActor } from './session';

/**
 * Small print for the hall's staff, at the top edge of attract and only there (a citizen in a
 * visit never sees it): the configuration fields that failed validation and were replaced, and
 * a full storage that pauses the flows that write. Outside the app's root, so the privacy wipe's
 * remount leaves it. Returns the function that removes it.
 */
export function showStaffNotice(
  session: SessionActor,
  options: { locale: Locale; rejected: readonly string[] },
  doc: Document = document,
): () => void {
  const t = messagesFor(options.locale);
  const element = doc.createElement('aside');
  element.className = 'staff-notice';
  element.setAttribute('aria-label', t.staff.label);
  element.hidden = true;
  doc.body.append(element);

  const update = () => {
    const lines: string[] = [];
    if (options.rejected.length > 0)
      lines.push(t.staff.configRejected(options.rejected.join('、')));
    if (storagePaused()) lines.push(t.staff.storageFull);
    element.replaceChildren(
      ...lines.map((text) => {
        const p = doc.createElement('p');
        p.textContent = text;
        return p;
      }),
    );
    element.hidden = lines.length === 0 || !session.getSnapshot().matches('attract');
  };
  update();
  const watching = session.subscribe(update);
  const unwatchPause = watchStoragePause(update);
  // The pause ends on its own after a while; attract shows it gone at the next look.
  const timer = setInterval(update, 60_000);
  return () => {
    watching.unsubscribe();
    unwatchPause();
    clearInterval(timer);
    element.remove();
  };
}
