import type { InstanceLocks } from '../../stores/queue';

/**
 * Web Locks for Node, where `navigator.locks` is missing: one per simulated browser (origin).
 * Enough for the queue store: exclusive locks by name, held while the callback's promise runs,
 * and `query()` listing the held ones.
 */
export class FakeLocks implements InstanceLocks {
  readonly #held = new Set<string>();

  async request(
    name: string,
    _options: { mode: 'exclusive' },
    callback: () => Promise<void>,
  ): Promise<unknown> {
    if (this.#held.has(name))
      throw new Error(`FakeLocks: "${name}" is held; waiting for a lock is not simulated`);
    this.#held.add(name);
    try {
      return await callback();
    } finally {
      this.#held.delete(name);
    }
  }

  async query(): Promise<{ held: { name: string }[] }> {
    return { held: [...this.#held].map((name) => ({ name })) };
  }
}
