import type { Device, DeviceKind, DeviceStatus, Unsubscribe } from '../device';

/** A device's status and its listeners: told of changes only, never of the current value. */
export class StatusCell {
  #status: DeviceStatus;
  #listeners = new Set<(status: DeviceStatus) => void>();

  constructor(initial: DeviceStatus) {
    this.#status = initial;
  }

  get value(): DeviceStatus {
    return this.#status;
  }

  /** Changes the status and tells the listeners; tells whether it changed. */
  set(status: DeviceStatus): boolean {
    if (status === this.#status) return false;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
    return true;
  }

  subscribe(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The status half of a driver: `status` and `onStatus()` over a StatusCell the driver sets. */
export abstract class StatusDevice<K extends DeviceKind> implements Device {
  readonly kind: K;
  readonly #status: StatusCell;

  constructor(kind: K, initial: DeviceStatus) {
    this.kind = kind;
    this.#status = new StatusCell(initial);
  }

  get status(): DeviceStatus {
    return this.#status.value;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#status.subscribe(listener);
  }

  /** Changes the status and tells the listeners; tells whether it changed. */
  protected setStatus(status: DeviceStatus): boolean {
    return this.#status.set(status);
  }
}
