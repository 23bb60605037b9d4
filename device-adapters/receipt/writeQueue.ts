/**
 * Runs writes one after another, in the order they were asked for: two jobs' bytes must never
 * interleave on the wire. A failed write fails its own caller only; the next still runs.
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run(write: () => Promise<void>): Promise<void> {
    const result = this.#tail.then(write);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
