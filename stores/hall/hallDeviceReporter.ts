import type { DeviceReport } from '../../domain';
import { HallClient, HallUnreachableError, type HallFetch } from './hallClient';

/**
 * Tells the hall server how this kiosk's devices are (POST /api/devices/status), so staff see
 * every kiosk's paper and faults in one list: on every change, and every minute besides (a
 * report lost while the server was down is made good by the next). Reports never pile up: only
 * the latest statuses are sent, one call at a time.
 */
export class HallDeviceReporter {
  readonly #client: HallClient;
  readonly #kioskId: string;
  readonly #now: () => Date;
  readonly #timer: ReturnType<typeof setInterval>;
  #statuses: Record<string, string> = {};
  #sending: Promise<void> | null = null;
  #again = false;
  #warned = false;
  /** Reports the server took, for tests and the logs. */
  sent = 0;

  constructor(options: {
    url: string;
    token: string;
    kioskId: string;
    fetch?: HallFetch;
    now?: () => Date;
    everyMs?: number;
    timeoutMs?: number;
  }) {
    this.#client = new HallClient({
      url: options.url,
      token: options.token,
      fetch: options.fetch ?? ((request: Request) => fetch(request)),
      timeoutMs: options.timeoutMs ?? 3_000,
    });
    this.#kioskId = options.kioskId;
    this.#now = options.now ?? (() => new Date());
    this.#timer = setInterval(() => void this.flush(), options.everyMs ?? 60_000);
  }

  /** The devices' statuses now (device → status): sent at once when they changed. */
  update(statuses: Readonly<Record<string, string>>): Promise<void> {
    const changed = JSON.stringify(statuses) !== JSON.stringify(this.#statuses);
    this.#statuses = { ...statuses };
    return changed ? this.flush() : Promise.resolve();
  }

  /** Sends the latest statuses (after the call under way, if any). Never rejects. */
  flush(): Promise<void> {
    if (Object.keys(this.#statuses).length === 0) return Promise.resolve();
    if (this.#sending) {
      this.#again = true;
      return this.#sending;
    }
    this.#sending = this.#send().finally(() => {
      this.#sending = null;
      if (this.#again) {
        this.#again = false;
        void this.flush();
      }
    });
    return this.#sending;
  }

  async #send(): Promise<void> {
    const report: DeviceReport = {
      kioskId: this.#kioskId,
      at: this.#now().toISOString(),
      devices: { ...this.#statuses },
    };
    try {
      await this.#client.call('POST', '/api/devices/status', report, [200, 201, 204]);
      this.sent += 1;
      this.#warned = false;
    } catch (error) {
      // Said once per outage, not every minute; the next report makes good what this one missed.
      if (!this.#warned || !(error instanceof HallUnreachableError))
        console.warn('Device status not reported to the hall server', error);
      this.#warned = true;
    }
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
