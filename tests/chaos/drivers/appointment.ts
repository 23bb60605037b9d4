import type { ContextFrom, EventFrom } from 'xstate';
import type { AppointmentMachine } from '../../../machines';
import {
  busy,
  giveUp,
  otherCard,
  ownCard,
  takePaper,
  tapper,
  topBack,
  wait,
  type Act,
  type DriverView,
  type FlowDriver,
} from './types';

type Context = ContextFrom<AppointmentMachine>;
const tap = tapper<EventFrom<AppointmentMachine>>();

const events: EventFrom<AppointmentMachine>[] = [
  { type: 'user.selectService', code: 'tax' },
  { type: 'user.selectSlot', date: '2000-01-01', start: '09:00' },
  { type: 'user.digit', digit: '1' },
  { type: 'user.deleteDigit' },
  { type: 'user.confirm' },
  { type: 'user.checkIn' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** A slot shown on screen: with places left when `open`, any (a full one too) otherwise. */
function slot({ context, rng }: DriverView<Context>, open: boolean): Act | null {
  const shown = Object.entries(context.places ?? {}).flatMap(([date, slots]) =>
    Object.entries(slots)
      .filter(([, left]) => !open || left > 0)
      .map(([start]) => ({ date, start })),
  );
  if (shown.length === 0) return null;
  // Citizens mostly take one of the first days shown.
  const soon = shown.filter((s) => s.date === shown[0]?.date || rng.chance(0.3));
  const { date, start } = rng.pick(soon.length > 0 ? soon : shown);
  return tap({ type: 'user.selectSlot', date, start });
}

/** The next key on the keypad: the citizen's own number, with a slip of the finger now and then. */
function typing({ context, visitor, rng }: DriverView<Context>): Act {
  if (!visitor.phone.startsWith(context.phone)) return tap({ type: 'user.deleteDigit' });
  if (context.phone.length >= visitor.phone.length) return tap({ type: 'user.confirm' });
  const digit = rng.chance(0.04) ? String(rng.int(0, 9)) : visitor.phone[context.phone.length];
  return tap({ type: 'user.digit', digit: digit ?? '0' });
}

/** 预约 and 签到: service, slot, card, mobile number, confirm, slip; or check in by card. */
export const appointmentDriver: FlowDriver<Context> = {
  events,
  focused: ['enterPhone'],
  states: {
    loading: busy,
    loadingPlaces: busy,
    booking: busy,
    printingSlip: busy,
    checkingIn: busy,
    checkingInByCode: busy,
    printingTicket: busy,
    unavailable: [
      [4, tap({ type: 'user.retry' })],
      [2, topBack],
    ],
    chooseService: [
      [
        8,
        ({ context, rng, visitor }) =>
          visitor.checkIn === null && context.setup && context.setup.services.length > 0
            ? tap({ type: 'user.selectService', code: rng.pick(context.setup.services).code })
            : null,
      ],
      [12, ({ visitor }) => (visitor.checkIn ? tap({ type: 'user.checkIn' }) : null)],
      [0.5, tap({ type: 'user.checkIn' })],
      [1, topBack],
    ],
    chooseSlot: [
      [9, (view) => slot(view, true)],
      [0.5, (view) => slot(view, false)],
      [1, topBack],
    ],
    identify: [
      [8, ownCard],
      [1, otherCard],
      [1, topBack],
      [1, wait],
    ],
    identifyFailed: [
      [4, tap({ type: 'user.retry' })],
      [3, ownCard],
      [1, topBack],
    ],
    cardRefused: [
      [3, tap({ type: 'user.retry' })],
      [2, otherCard],
      [3, topBack],
      [1, giveUp('the card is refused')],
    ],
    enterPhone: [
      [20, typing],
      [0.5, tap({ type: 'user.deleteDigit' })],
      [0.5, tap({ type: 'user.confirm' })],
      [1, topBack],
    ],
    confirm: [
      [8, tap({ type: 'user.confirm' })],
      [1, topBack],
    ],
    bookingFailed: [
      [4, tap({ type: 'user.retry' })],
      [2, topBack],
    ],
    alreadyBooked: [
      [5, tap({ type: 'user.confirm' })],
      [5, tap({ type: 'user.done' })],
    ],
    slipFailed: [
      [5, tap({ type: 'user.retry' })],
      [4, tap({ type: 'user.done' })],
    ],
    booked: [
      [5, takePaper],
      [8, tap({ type: 'user.done' })],
    ],
    checkInIdentify: [
      [8, ownCard],
      [1, otherCard],
      [1, topBack],
      [1, wait],
    ],
    checkInFailed: [
      [4, tap({ type: 'user.retry' })],
      [2, ownCard],
      [2, topBack],
    ],
    checkInRefused: [
      [5, tap({ type: 'user.done' })],
      [2, topBack],
    ],
    ticketFailed: [
      [5, tap({ type: 'user.retry' })],
      [4, tap({ type: 'user.done' })],
    ],
    checkedIn: [
      [5, takePaper],
      [8, tap({ type: 'user.done' })],
    ],
  },
};
