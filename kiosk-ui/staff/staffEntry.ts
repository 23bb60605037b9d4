import type { ConsoleServices } from './consoleServices';

/** A finger that wanders further than this is scrolling or swiping, not holding. */
const WANDER_PX = 24;

/**
 * The console's hidden door: holding the hall name (any element marked `data-staff-entry`) for
 * five seconds. Nothing on a citizen's screen says so; a tap, a short press or a swipe does what
 * it always did. The console itself is a chunk of its own, loaded at the first opening.
 */
export function installStaffEntry(
  services: () => Promise<ConsoleServices>,
  holdMs: number,
  doc: Document = document,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let start: { x: number; y: number } | null = null;
  let opening: Promise<void> | null = null;
  let openConsole: (() => void) | null = null;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    start = null;
  };
  const open = () => {
    cancel();
    if (openConsole) return openConsole();
    opening ??= Promise.all([services(), import('./openConsole')])
      .then(([ready, { mountConsole }]) => {
        openConsole = mountConsole(ready, doc);
        openConsole();
      })
      .catch((error: unknown) => console.error('The staff console could not be opened', error))
      .finally(() => (opening = null));
  };
  const down = (event: PointerEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest('[data-staff-entry]')) return;
    cancel();
    start = { x: event.clientX, y: event.clientY };
    timer = setTimeout(open, holdMs);
  };
  const move = (event: PointerEvent) => {
    if (!start) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > WANDER_PX) cancel();
  };
  doc.addEventListener('pointerdown', down, true);
  doc.addEventListener('pointermove', move, true);
  for (const type of ['pointerup', 'pointercancel'] as const)
    doc.addEventListener(type, cancel, true);
  return () => {
    cancel();
    doc.removeEventListener('pointerdown', down, true);
    doc.removeEventListener('pointermove', move, true);
    for (const type of ['pointerup', 'pointercancel'] as const)
      doc.removeEventListener(type, cancel, true);
  };
}
