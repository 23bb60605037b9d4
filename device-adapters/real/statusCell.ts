import type { DeviceStatus, Unsubscribe } from '../device';

/** A driver's status and its listeners: told of changes only, never of the current value. */
export class StatusCell {
  #status: DeviceStatus;
  #listeners = new Set<(status: DeviceStatus) => void>();

  constructor(initial: DeviceStatus) {
    this.#status = initial;
  }

  get value(): DeviceStatus {
    return this.#status;
  }

  set(status: DeviceStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }

  subscribe(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
