import { clockOf, type KioskConfig, type QueueService } from '../domain';

/** A store that erases what it no longer needs to keep. */
interface Purgeable {
  purge(retentionDays: number): Promise<void>;
}

const HOUR = 3_600_000;

/**
 * Erases tickets, appointments and face refusals older than `config.retentionDays`, and face
 * lock-outs that ended: at start, then once each hall day (checked hourly). Never throws: a
 * kiosk whose storage cannot be tidied still serves.
 */
export function keepRetention(
  config: KioskConfig,
  stores: { queue: QueueService; faceLockout: Purgeable | null },
  now: () => Date = () => new Date(),
): () => void {
  let purgedFor: string | null = null;
  const purge = () => {
    const { date } = clockOf(now(), config.hall.timeZone);
    if (date === purgedFor) return;
    purgedFor = date;
    const days = config.retentionDays;
    void Promise.all([stores.queue.purge(date, days), stores.faceLockout?.purge(days)]).catch(
      (error: unknown) => {
        purgedFor = null;
        console.error('Old records could not be erased; trying again in an hour', error);
      },
    );
  };
  purge();
  const timer = setInterval(purge, HOUR);
  return () => clearInterval(timer);
}
