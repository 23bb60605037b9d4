import { fromPromise } from 'xstate';
import {
  DEFAULT_APPOINTMENT_RULES,
  appointmentSlots,
  clockOf,
  isWorkingDay,
  maskIdNumber,
  maskPhone,
  nextWorkingDays,
  type HolderKeys,
  type KioskConfig,
  type QueueService,
} from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import {
  appointmentMachine,
  isSlipJob,
  isTicketJob,
  printStepFor,
  type AppointmentSetup,
} from '../../../machines';
import { wiredCardStep } from '../../steps/cardWiring';
import { appointmentSlipReceipt } from './appointmentSlip';
import { queueTicketReceipt } from '../queue/queueTicket';
import { workingCalendarOf } from '../queue/wiring';
import { guardStore, refuseWhileStorageFull } from '../../../stores/shared/storageHealth';

/** The 预约 flow wired to the reader, the receipt printer, the queue store and the clock. */
export function wireAppointmentFlow(
  devices: KioskDevices,
  queueStore: QueueService,
  config: KioskConfig,
  keys: HolderKeys,
) {
  // A write refused for want of space pauses the flows that write: 预约 says 暂停服务.
  const queue = guardStore(queueStore);
  const holderKeys = guardStore(keys);
  const calendar = workingCalendarOf(config);
  const rules = DEFAULT_APPOINTMENT_RULES;
  const timeouts = config.deviceTimeouts;
  const hall = config.hall.name['zh-CN'];
  const print = (receipt: Parameters<KioskDevices['receipt']['print']>[0], signal: AbortSignal) =>
    devices.receipt.print(receipt, { timeoutMs: timeouts.receiptPrintMs, signal });
  return appointmentMachine.provide({
    actors: {
      prepareAppointments: fromPromise(async (): Promise<AppointmentSetup> => {
        refuseWhileStorageFull();
        const { date, time } = clockOf(new Date(), config.hall.timeZone);
        // Before the windows open, today is bookable too (a citizen at 2 a.m. books this morning).
        const today = isWorkingDay(calendar, date) && time < config.officeHours.open ? [date] : [];
        return {
          services: config.queue.services,
          today: date,
          days: [...today, ...nextWorkingDays(calendar, date, rules.daysAhead - today.length)],
          slots: appointmentSlots(config.officeHours, rules.slotMinutes),
        };
      }),
      loadPlaces: fromPromise(({ input }) => queue.placesLeft(input.service.code, input.days)),
      readCard: wiredCardStep(devices, timeouts.cardReadMs),
      bookAppointment: fromPromise(async ({ input }) =>
        queue.book({
          serviceCode: input.service.code,
          date: input.date,
          slot: input.slot,
          // A stable key: the same card checks in days later. The masked number is for the slip.
          holderKey: await holderKeys.stable(input.card.idNumber, 'appointment'),
          maskedId: maskIdNumber(input.card.idNumber),
          maskedPhone: maskPhone(input.phone),
        }),
      ),
      printSlip: printStepFor(isSlipJob, ({ appointment, service }, signal) =>
        print(appointmentSlipReceipt(appointment, service, hall), signal),
      ),
      checkInByCard: fromPromise(async ({ input }) => {
        const { date, time } = clockOf(new Date(), config.hall.timeZone);
        return queue.checkIn({
          holderKey: await holderKeys.stable(input.card.idNumber, 'appointment'),
          today: date,
          now: time,
          ticketKey: await holderKeys.daily(input.card.idNumber, date),
          maskedId: maskIdNumber(input.card.idNumber),
        });
      }),
      checkInByCode: fromPromise(async ({ input }) => {
        const { date, time } = clockOf(new Date(), config.hall.timeZone);
        return queue.checkIn({ appointmentId: input.appointmentId, today: date, now: time });
      }),
      // A check-in ticket is the appointment's from the start; printed again (a second check-in
      // with the same card or slip) it says 补打.
      printTicket: printStepFor(isTicketJob, async ({ ticket, service }, signal) => {
        await print(
          queueTicketReceipt(ticket, service, hall, ticket.printed, config.hall.timeZone),
          signal,
        );
        await queue.markPrinted(ticket.id);
      }),
    },
  });
}
