import { messagesFor } from './i18n';

/**
 * What the page is, for the deployment watchdog (deploy/watchdog): `booting` until the app is
 * mounted, `mounted`, or `out-of-service` while the out-of-service screen covers it. Kept on
 * `<html data-kiosk="…">`.
 */
export type KioskPageState = 'booting' | 'mounted' | 'out-of-service';

/**
 * The out-of-service screen: over everything (the app, the simulator), outside the app's root so
 * that it can show before the app mounts and survives the privacy wipe's remount. Several
 * reasons may hold it up at once (a blocked database, a boot past its time limit, an unusable
 * configuration); it goes when the last one is taken back. Each reason may carry a line for the
 * hall's staff, in small print under the citizen's message.
 */
export interface OutOfServiceScreen {
  show(reason: string, staffNote?: string | null): void;
  hide(reason: string): void;
  /** Whether a reason starting with `prefix` holds the screen up. */
  has(prefix: string): boolean;
  /** The app is mounted (or not): the watchdog's `mounted`. */
  setMounted(mounted: boolean): void;
  /** The hall's enquiry telephone, once the configuration is known. */
  setTelephone(telephone: string | undefined): void;
}

export function createOutOfServiceScreen(doc: Document = document): OutOfServiceScreen {
  const reasons = new Map<string, string | null>();
  let mounted = false;
  let telephone: string | undefined;
  let element: HTMLElement | null = null;

  const mark = () => {
    const state: KioskPageState =
      reasons.size > 0 ? 'out-of-service' : mounted ? 'mounted' : 'booting';
    doc.documentElement.dataset.kiosk = state;
  };

  const render = () => {
    mark();
    if (reasons.size === 0) {
      element?.remove();
      element = null;
      return;
    }
    if (!element) {
      element = doc.createElement('section');
      element.className = 'out-of-service';
      element.setAttribute('role', 'alert');
      doc.body.append(element);
    }
    // Chinese, and English when its catalog has come in (the same words twice are said once).
    const zh = messagesFor('zh-CN');
    const en = messagesFor('en');
    const line = (className: string, text: string) => {
      const p = doc.createElement('p');
      p.className = className;
      p.textContent = text;
      return p;
    };
    const lines = [line('out-of-service__message', zh.outOfService)];
    if (en !== zh) lines.push(line('out-of-service__message out-of-service__en', en.outOfService));
    if (telephone) lines.push(line('out-of-service__call', zh.outOfServiceCall(telephone)));
    for (const note of new Set(reasons.values()))
      if (note) lines.push(line('out-of-service__staff', note));
    element.replaceChildren(...lines);
  };

  mark();
  return {
    show(reason, staffNote = null) {
      reasons.set(reason, staffNote);
      render();
    },
    hide(reason) {
      if (reasons.delete(reason)) render();
    },
    has(prefix) {
      return [...reasons.keys()].some((reason) => reason.startsWith(prefix));
    },
    setMounted(now) {
      mounted = now;
      mark();
    },
    setTelephone(value) {
      telephone = value;
      if (reasons.size > 0) render();
    },
  };
}
