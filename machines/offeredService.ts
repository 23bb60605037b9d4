import type { QueueServiceConfig } from '../domain';

/**
 * The service of this code among those the flow's setup offers, or null: a stale button, a
 * hostile event or an appointment whose service staff withdrew names none, and is refused.
 */
export function offeredService(
  setup: { services: readonly QueueServiceConfig[] } | null,
  code: string,
): QueueServiceConfig | null {
  return setup?.services.find((s) => s.code === code) ?? null;
}
