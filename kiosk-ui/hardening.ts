/**
 * Citizen screens are touch-only: no context menu, text selection, drag, or zoom by pinch,
 * double tap, ctrl+wheel or ctrl+plus. CSS (touch-action, user-select) does most of it; these
 * listeners close the gaps CSS cannot. Returns the function that removes them.
 */
export function hardenForKiosk(target: Window = window): () => void {
  const prevent = (event: Event) => event.preventDefault();
  const preventZoomWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  const preventZoomKeys = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key))
      event.preventDefault();
  };
  const preventMultiTouch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const listeners: Array<[string, EventListener, AddEventListenerOptions]> = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['wheel', preventZoomWheel as EventListener, { capture: true, passive: false }],
    ['keydown', preventZoomKeys as EventListener, { capture: true }],
    ['touchmove', preventMultiTouch as EventListener, { capture: true, passive: false }],
  ];
  for (const [type, listener, options] of listeners)
    target.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners)
      target.removeEventListener(type, listener, options);
  };
}
