import type { KioskDevices } from '../device-adapters';
import {
  DEVICE_KINDS,
  type HallServerConfig,
  type KioskConfig,
  type QueueService,
} from '../domain';
import {
  HallDeviceReporter,
  HallQueueService,
  fetchHolderSecret,
  type ReserveProblem,
} from '../stores/hall';
import { currentStatuses } from './devices';

/**
 * The kiosk's side of a hall server (issue 15), for a kiosk configured with `hallServer`: the
 * queue port over HTTP (its reserved blocks fetched now, not at the first citizen: the server may
 * be gone by then), and the devices' statuses reported on every change and every minute.
 */
export function connectToHall(
  hall: HallServerConfig,
  config: KioskConfig,
  devices: KioskDevices,
  /** Where a reserve number the hall refused is recorded for staff (the console's device events). */
  recordProblem: (event: { device: string; what: string }) => void,
): { queue: QueueService; holderSecret: () => Promise<string>; stop: () => void } {
  const queue = new HallQueueService({
    url: hall.url,
    token: hall.token,
    kioskId: config.kioskId,
    services: config.queue.services,
    calendar: { hours: config.officeHours, ...config.calendar },
    timeZone: config.hall.timeZone,
    onReserveRefused: (problem: ReserveProblem) => {
      console.warn(
        'A reserve number was refused by the hall server; it is kept for staff',
        problem,
      );
      recordProblem({
        device: '叫号系统 hall queue',
        what: `备用号 ${problem.number}（${problem.date}）未被大厅接收 / reserve number refused: ${problem.reason}`,
      });
    },
  });
  const reporter = new HallDeviceReporter({
    url: hall.url,
    token: hall.token,
    kioskId: config.kioskId,
  });
  const report = () => void reporter.update(currentStatuses(devices));
  const unsubscribes = DEVICE_KINDS.map((kind) => devices[kind].onStatus(report));
  report();
  return {
    queue,
    holderSecret: () => fetchHolderSecret({ url: hall.url, token: hall.token }),
    stop() {
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      reporter.close();
      void queue.close();
    },
  };
}
