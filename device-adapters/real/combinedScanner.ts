import type { CodeScanner, ScannedCode } from '../codeScanner';
import { isWorking } from '../../domain/deviceStatus';
import type { DeviceStatus, Unsubscribe } from '../device';
import { StatusDevice } from '../shared/statusCell';

/**
 * Several scanners as one, as kiosks pair a handheld scanner with the camera: codes from any of
 * them, working while at least one works. A part that fails to start is left off, not fatal;
 * only when none starts does start() fail, with the first part's error.
 */
export class CombinedScanner extends StatusDevice<'scanner'> implements CodeScanner {
  readonly #parts: readonly CodeScanner[];

  constructor(parts: readonly CodeScanner[]) {
    if (parts.length === 0) throw new Error('CombinedScanner needs at least one scanner');
    super('scanner', combined(parts));
    this.#parts = parts;
    for (const part of parts) part.onStatus(() => this.setStatus(combined(parts)));
  }

  get running(): boolean {
    return this.#parts.some((part) => part.running);
  }

  onCode(listener: (code: ScannedCode) => void): Unsubscribe {
    const undo = this.#parts.map((part) => part.onCode(listener));
    return () => undo.forEach((unsubscribe) => unsubscribe());
  }

  async start(): Promise<void> {
    const results = await Promise.allSettled(this.#parts.map((part) => part.start()));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length === results.length) throw failures[0];
  }

  async stop(): Promise<void> {
    await Promise.all(this.#parts.map((part) => part.stop()));
  }
}

/** The first working part's status, else the first part's (why it does not work). */
function combined(parts: readonly CodeScanner[]): DeviceStatus {
  const statuses = parts.map((part) => part.status);
  return statuses.find(isWorking) ?? (statuses[0] as DeviceStatus);
}
