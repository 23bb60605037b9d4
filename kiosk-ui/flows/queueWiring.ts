import { fromPromise } from 'xstate';
import {
  clockOf,
  isWithinOfficeHours,
  maskIdNumber,
  nextOpeningDay,
  type KioskConfig,
  type QueueService,
  type WorkingCalendar,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import { queueMachine, type QueueSetup } from '../../machines';
import { queueTicketReceipt } from '../printing/queueTicket';

export const QUEUE_TIMEOUTS = { cardReadMs: 60_000, ticketPrintMs: 30_000 } as const;

/**
 * A one-way key for "one open ticket per card": SHA-256 of the kiosk and the number, so the
 * queue store can tell the same card again without ever holding the number.
 */
export async function holderKeyOf(kioskId: string, idNumber: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${kioskId}:${idNumber}`),
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function workingCalendarOf(config: KioskConfig): WorkingCalendar {
  return { hours: config.officeHours, ...config.calendar };
}

/** The 取号 flow wired to this kiosk's reader, receipt printer, queue store and clock. */
export function wireQueueFlow(devices: KioskDevices, queue: QueueService, config: KioskConfig) {
  const calendar = workingCalendarOf(config);
  return queueMachine.provide({
    actors: {
      prepareQueue: fromPromise(async (): Promise<QueueSetup> => {
        const { date, time } = clockOf(new Date());
        return {
          services: config.queue.services,
          today: date,
          time,
          windowsOpen: isWithinOfficeHours(calendar, date, time),
          nextWorkingDay: nextOpeningDay(calendar, date, time),
          priorityAge: config.queue.priorityAge,
        };
      }),
      readIdCard: fromPromise(({ signal }) =>
        devices.idCard.read({ timeoutMs: QUEUE_TIMEOUTS.cardReadMs, signal }),
      ),
      allocateTicket: fromPromise(async ({ input }) => {
        const { date, time } = clockOf(new Date());
        return queue.allocate({
          serviceCode: input.service.code,
          date,
          time,
          holderKey: input.card ? await holderKeyOf(config.kioskId, input.card.idNumber) : null,
          maskedId: input.card ? maskIdNumber(input.card.idNumber) : null,
          priority: input.priority,
        });
      }),
      printTicket: fromPromise(async ({ input, signal }) => {
        const receipt = queueTicketReceipt(
          input.ticket,
          input.service,
          config.hall.name['zh-CN'],
          input.ticket.printed,
        );
        await devices.receipt.print(receipt, { timeoutMs: QUEUE_TIMEOUTS.ticketPrintMs, signal });
        await queue.markPrinted(input.ticket.id);
      }),
    },
  });
}
