import type { Unsubscribe } from '../device';
import { Listeners } from '../shared/listeners';
import type { ReceiptTransportEvents } from './receiptTransport';

/** The listeners of each transport event. */
export class TransportEvents {
  readonly #listeners: {
    [E in keyof ReceiptTransportEvents]: Listeners<ReceiptTransportEvents[E]>;
  } = {
    connected: new Listeners(),
    disconnected: new Listeners(),
    data: new Listeners(),
    error: new Listeners(),
  };

  on<E extends keyof ReceiptTransportEvents>(
    event: E,
    listener: (value: ReceiptTransportEvents[E]) => void,
  ): Unsubscribe {
    return (this.#listeners[event] as Listeners<ReceiptTransportEvents[E]>).add(listener);
  }

  emit<E extends keyof ReceiptTransportEvents>(event: E, value: ReceiptTransportEvents[E]): void {
    (this.#listeners[event] as Listeners<ReceiptTransportEvents[E]>).emit(value);
  }
}
