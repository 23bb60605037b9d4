import { fromPromise } from 'xstate';
import {
  clockOf,
  isWithinOfficeHours,
  maskIdNumber,
  nextOpeningDay,
  type HolderKeys,
  type KioskConfig,
  type QueueService,
  type WorkingCalendar,
} from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { isTicketJob, printStepFor, queueMachine, type QueueSetup } from '../../../machines';
import { wiredCardStep } from '../../steps/cardWiring';
import { queueTicketReceipt } from '../queue/queueTicket';
import { guardStore, refuseWhileStorageFull } from '../../../stores/shared/storageHealth';

export function workingCalendarOf(config: KioskConfig): WorkingCalendar {
  return { hours: config.officeHours, ...config.calendar };
}

/** The 取号 flow wired to this kiosk's reader, receipt printer, queue store and clock. */
export function wireQueueFlow(
  devices: KioskDevices,
  queueStore: QueueService,
  config: KioskConfig,
  keys: HolderKeys,
) {
  // A write refused for want of space pauses the flows that write: 取号 says 暂停服务.
  const queue = guardStore(queueStore);
  const holderKeys = guardStore(keys);
  const calendar = workingCalendarOf(config);
  const timeouts = config.deviceTimeouts;
  return queueMachine.provide({
    actors: {
      prepareQueue: fromPromise(async (): Promise<QueueSetup> => {
        refuseWhileStorageFull();
        const { date, time } = clockOf(new Date(), config.hall.timeZone);
        return {
          services: config.queue.services,
          today: date,
          time,
          windowsOpen: isWithinOfficeHours(calendar, date, time),
          nextWorkingDay: nextOpeningDay(calendar, date, time),
          priorityAge: config.queue.priorityAge,
        };
      }),
      readCard: wiredCardStep(devices, timeouts.cardReadMs),
      allocateTicket: fromPromise(async ({ input, signal }) => {
        const { date, time } = clockOf(new Date(), config.hall.timeZone);
        const result = await queue.allocate({
          serviceCode: input.service.code,
          date,
          time,
          // The card's key for this hall day: "one ticket per card" needs no more, and another
          // day's tickets of the same card cannot be linked to these.
          holderKey: input.card ? await holderKeys.daily(input.card.idNumber, date) : null,
          maskedId: input.card ? maskIdNumber(input.card.idNumber) : null,
          priority: input.priority,
        });
        // The citizen left while the number was being allocated: nobody will see it, the next
        // citizen of the service gets it (a number is never skipped).
        if (signal.aborted && result.ok && !result.reprint) await queue.release(result.ticket.id);
        return result;
      }),
      // The number is handed out before anything reaches the printer, so a reload after this never
      // gives it to another citizen. A ticket on its way is printed even if the citizen taps 首页:
      // cut off half-way it would be a number nobody holds, or paper nobody knows about.
      printTicket: printStepFor(isTicketJob, async ({ ticket, service }) => {
        const receipt = queueTicketReceipt(
          ticket,
          service,
          config.hall.name['zh-CN'],
          ticket.printed,
          config.hall.timeZone,
        );
        await queue.markHandedOut(ticket.id);
        await devices.receipt.print(receipt, { timeoutMs: timeouts.receiptPrintMs });
        await queue.markPrinted(ticket.id);
      }),
    },
  });
}
