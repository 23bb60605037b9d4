import type { Unsubscribe } from '../device';

/** A set of listeners told in the order they subscribed; one that unsubscribes while told is skipped. */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.#listeners]) {
      if (this.#listeners.has(listener)) listener(value);
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
