/**
 * Runs `run` in the browser's next idle period, at the latest after `timeoutMs`; where there is
 * no requestIdleCallback, after `fallbackMs`.
 */
export function whenIdle(run: () => void, timeoutMs: number, fallbackMs = 500): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => run(), { timeout: timeoutMs });
  else setTimeout(run, fallbackMs);
}
