import fc from 'fast-check';
import { TEST_PERSONS } from '../../device-adapters/mock';
import type { CaptureSide, CapturedImage } from '../../device-adapters';
import type {
  AllocateResult,
  Appointment,
  AppointmentSlot,
  BookResult,
  CheckInResult,
  IdCardRecord,
  PriorityReason,
  QueueServiceConfig,
  QueueTicket,
} from '../../domain';
import {
  appointmentMachine,
  cardStepMachine,
  printStepMachine,
  type PrintActorOutput,
  type PrintJob,
  idCopyMachine,
  queueMachine,
  type AllocateInput,
  type AppointmentEvent,
  type AppointmentSetup,
  type BookInput,
  type IdCopyEvent,
  type PlacesLeft,
  type QueueEvent,
  type QueueSetup,
} from '../../machines';
import { settle, type DeviceDesk, type Settle } from './deviceDesk';
import { hostileText } from './hostileText';
import { TODAY } from './idNumbers';

/**
 * One step of a visit: the citizen presses something (sensible or not), or presses one of the
 * things the screen offers now (`choose` picks among the flow's candidate gestures that the
 * current state takes, so that visits get deep), or the oldest device call answers.
 */
export type Step<E> = { user: E } | { choose: number } | { device: Settle };

/** Visits as steps; a gesture is one or more events (typing a phone number is eleven). */
export const stepsOf = <E>(gesture: fc.Arbitrary<E[]>, maxLength = 60): fc.Arbitrary<Step<E>[]> =>
  fc
    .array(
      fc.oneof(
        { arbitrary: gesture.map((events) => events.map((user) => ({ user }))), weight: 2 },
        { arbitrary: fc.nat().map((choose) => [{ choose }]), weight: 3 },
        { arbitrary: settle.map((device) => [{ device }]), weight: 2 },
      ),
      // fast-check keeps arrays short by default; a visit needs room to get deep.
      { maxLength, size: 'max' },
    )
    .map((gestures) => gestures.flat());

const one = <E>(event: fc.Arbitrary<E>, weight: number) => ({
  arbitrary: event.map((e) => [e]),
  weight,
});

const CARDS: readonly IdCardRecord[] = TEST_PERSONS.map((p) => p.record);

/** The card step, reading at `desk` one of the test persons' cards. */
const cardReaderAt = (desk: DeviceDesk) =>
  cardStepMachine.provide({
    actors: { readIdCard: desk.actor<IdCardRecord, unknown>('readIdCard', () => CARDS) },
  });

/** The print step, printing at `desk` as `name`. */
const printerAt = (desk: DeviceDesk, name: string) =>
  printStepMachine.provide({
    actors: { print: desk.actor<PrintActorOutput, PrintJob>(name, () => [undefined]) },
  });
const PRIORITIES: readonly (PriorityReason | null)[] = [
  'age',
  'disability',
  'military',
  'appointment',
  null,
];
const CODES = ['tax', 'estate', 'social-security', 'business-registration'] as const;
const clock = (h: number, m: number) =>
  `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** Up to four services with their own codes and prefix letters, as a valid configuration has. */
export const services: fc.Arbitrary<QueueServiceConfig[]> = fc
  .uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 4 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code, i) =>
        fc.record({
          code: fc.constant(code),
          name: fc.constant({ 'zh-CN': code, en: code }),
          prefix: fc.constant('ABCD'.charAt(i)),
          windows: fc.constant({ 'zh-CN': '1号窗口', en: 'Window 1' }),
          windowCount: fc.integer({ min: 1, max: 5 }),
          materials: fc.constant([]),
          averageHandlingMinutes: fc.integer({ min: 1, max: 60 }),
          requiresIdCard: fc.boolean(),
          dailyMax: fc.integer({ min: 1, max: 999 }),
          issuingWindows: fc.constant([{ start: '08:30', end: '17:00', quota: 100 }]),
        }),
      ),
    ),
  );

const ticketFor = (
  service: QueueServiceConfig,
  sequence: number,
  priority: PriorityReason | null,
): QueueTicket => ({
  id: `3f2a9c1e-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  serviceCode: service.code,
  date: TODAY,
  number: `${service.prefix}${String(sequence).padStart(3, '0')}`,
  sequence,
  priority,
  issuedAt: `${TODAY}T10:00:00.000Z`,
  waitingAhead: sequence - 1,
  maskedId: null,
  printed: false,
});

// ——— 取号 ———

export interface QueueWorld {
  setup: QueueSetup;
  reprint: boolean;
}

export const queueWorld: fc.Arbitrary<QueueWorld> = fc.record({
  setup: fc.record({
    services,
    today: fc.constant(TODAY),
    time: fc.constantFrom('02:00', '08:29', '10:00', '16:59'),
    windowsOpen: fc.boolean(),
    nextWorkingDay: fc.constantFrom(null, '2099-01-02'),
    priorityAge: fc.integer({ min: 50, max: 90 }),
  }),
  reprint: fc.boolean(),
});

/** What the queue service may answer: a number, or each of its refusals. */
function allocations(input: AllocateInput, world: QueueWorld): AllocateResult[] {
  return [
    { ok: true, ticket: ticketFor(input.service, 7, input.priority), reprint: world.reprint },
    { ok: false, refusal: { reason: 'outside-issuing-hours', nextWindowStart: '13:00' } },
    { ok: false, refusal: { reason: 'window-quota-used', nextWindowStart: null } },
    { ok: false, refusal: { reason: 'daily-max-reached' } },
    { ok: false, refusal: { reason: 'unknown-service' } },
  ];
}

/** 取号 with its calls at `desk`, answered from the world of the run under way. */
export const queueFlow = (world: () => QueueWorld, desk: DeviceDesk) =>
  queueMachine.provide({
    actors: {
      prepareQueue: desk.actor<QueueSetup, unknown>('prepareQueue', () => [world().setup]),
      readCard: cardReaderAt(desk),
      allocateTicket: desk.actor<AllocateResult, AllocateInput>('allocateTicket', (input) =>
        allocations(input, world()),
      ),
      printTicket: printerAt(desk, 'printTicket'),
    },
  });

/** What 取号's screens offer besides back and done. */
export const queueCandidates = (world: QueueWorld): QueueEvent[][] => [
  ...world.setup.services.map((s) => [{ type: 'user.selectService' as const, code: s.code }]),
  ...PRIORITIES.map((priority) => [{ type: 'user.choosePriority' as const, priority }]),
  [{ type: 'user.skipCard' }],
  [{ type: 'user.retry' }],
  [{ type: 'user.book' }],
];

/**
 * A code the setup may not offer: a real service's code this setup leaves out (a stale button,
 * a service staff withdrew), near misses of one, names every JavaScript object has, or anything
 * (a hostile event). Drawn now and then, it may still name a service the setup offers.
 */
export const strayServiceCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...CODES,
    'withdrawn',
    'TAX',
    ' tax',
    'tax ',
    'tax\u200b',
    'ｔａｘ',
    '',
    '__proto__',
    'constructor',
    'toString',
  ),
  hostileText(12),
);

/** A service code: mostly one the setup offers, sometimes a stray one. */
const serviceCode = (services: readonly QueueServiceConfig[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...services.map((s) => s.code)), weight: 4 },
    { arbitrary: strayServiceCode, weight: 1 },
  );

/** 取号's and 预约's first tap: a service code, offered or stray. */
const selectService = (services: readonly QueueServiceConfig[]) =>
  serviceCode(services).map((code) => ({ type: 'user.selectService' as const, code }));

/** Every event 取号 declares, with any service code. */
export const queueGesture = (world: QueueWorld): fc.Arbitrary<QueueEvent[]> =>
  fc.oneof(
    one(selectService(world.setup.services), 4),
    one(
      fc
        .constantFrom(...PRIORITIES)
        .map((priority) => ({ type: 'user.choosePriority' as const, priority })),
      3,
    ),
    one(fc.constantFrom<QueueEvent>({ type: 'user.skipCard' }, { type: 'user.retry' }), 3),
    one(
      fc.constantFrom<QueueEvent>(
        { type: 'user.done' },
        { type: 'user.book' },
        { type: 'user.back' },
      ),
      1,
    ),
  );

// ——— 预约 and 签到 ———

export interface AppointmentWorld {
  setup: AppointmentSetup;
  places: PlacesLeft;
  /** The flow's input code: a slip's QR, another code, or none. */
  code: string | null;
}

const SLOTS: readonly AppointmentSlot[] = [9, 10, 11, 14, 15].flatMap((h) => [
  { start: clock(h, 0), end: clock(h, 30) },
  { start: clock(h, 30), end: clock(h + 1, 0) },
]);

export const appointmentWorld: fc.Arbitrary<AppointmentWorld> = fc
  .record({
    services,
    days: fc.uniqueArray(fc.constantFrom('2099-01-02', '2099-01-05', '2099-01-06', '2099-01-07'), {
      minLength: 1,
      maxLength: 3,
    }),
    slots: fc.subarray([...SLOTS], { minLength: 1 }),
    placeCounts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
    code: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      fc.uuid().map((id) => `BDY1:A:${id}`),
      hostileText(20),
    ),
  })
  .map(({ services, days, slots, placeCounts, code }) => ({
    setup: { services, today: TODAY, days, slots },
    places: Object.fromEntries(
      days.map((day, d) => [
        day,
        Object.fromEntries(
          slots.map((s, i) => [s.start, placeCounts[(d + i) % placeCounts.length] ?? 0]),
        ),
      ]),
    ),
    code,
  }));

const appointmentOf = (input: BookInput): Appointment => ({
  id: '3f2a9c1e-0000-4000-8000-00000000a001',
  serviceCode: input.service.code,
  date: input.date,
  slot: input.slot,
  maskedId: '1101**********0131',
  maskedPhone: '138****1234',
  bookedAt: `${TODAY}T10:00:00.000Z`,
  ticketId: null,
});

function bookings(input: BookInput): BookResult[] {
  const appointment = appointmentOf(input);
  return [
    { ok: true, appointment },
    { ok: false, reason: 'slot-full' },
    { ok: false, reason: 'unknown-service' },
    { ok: false, reason: 'already-booked', appointment },
  ];
}

/** Check-in answers; one checked-in ticket is for a service the setup no longer offers. */
function checkIns(world: AppointmentWorld): CheckInResult[] {
  const slot = world.setup.slots[0] ?? { start: '09:00', end: '09:30' };
  const withdrawn = { ...(world.setup.services[0] as QueueServiceConfig), code: 'withdrawn' };
  const withdrawnAppointment = appointmentOf({
    service: withdrawn,
    date: TODAY,
    slot,
    card: CARDS[0] as IdCardRecord,
    phone: '',
  });
  return [
    {
      ok: true,
      appointment: withdrawnAppointment,
      ticket: ticketFor(withdrawn, 5, 'appointment'),
    },
    ...world.setup.services.map((service): CheckInResult => {
      const slot = world.setup.slots[0] ?? { start: '09:00', end: '09:30' };
      const appointment = appointmentOf({
        service,
        date: TODAY,
        slot,
        card: CARDS[0] as IdCardRecord,
        phone: '',
      });
      return { ok: true, appointment, ticket: ticketFor(service, 4, 'appointment') };
    }),
    { ok: false, reason: 'unknown-appointment' },
    { ok: false, reason: 'too-early', opensAt: '09:30' },
    { ok: false, reason: 'too-late' },
    { ok: false, reason: 'other-day', date: '2099-01-05' },
  ];
}

/** 预约 with its calls at `desk`, answered from the world of the run under way. */
export const appointmentFlow = (world: () => AppointmentWorld, desk: DeviceDesk) =>
  appointmentMachine.provide({
    actors: {
      prepareAppointments: desk.actor<AppointmentSetup, unknown>('prepareAppointments', () => [
        world().setup,
      ]),
      loadPlaces: desk.actor<PlacesLeft, { service: QueueServiceConfig; days: readonly string[] }>(
        'loadPlaces',
        () => [world().places],
      ),
      readCard: cardReaderAt(desk),
      bookAppointment: desk.actor<BookResult, BookInput>('bookAppointment', bookings),
      printSlip: printerAt(desk, 'printSlip'),
      checkInByCard: desk.actor<CheckInResult, { card: IdCardRecord }>('checkInByCard', () =>
        checkIns(world()),
      ),
      checkInByCode: desk.actor<CheckInResult, { appointmentId: string }>('checkInByCode', () =>
        checkIns(world()),
      ),
      printTicket: printerAt(desk, 'printTicket'),
    },
  });

const typed = (keys: string) => [...keys].map((digit) => ({ type: 'user.digit' as const, digit }));

/** What 预约's screens offer besides back and done; the keypad types a whole number at once. */
export const appointmentCandidates = (world: AppointmentWorld): AppointmentEvent[][] => [
  ...world.setup.services.map((s) => [{ type: 'user.selectService' as const, code: s.code }]),
  ...world.setup.days.flatMap((date) =>
    world.setup.slots.map((slot) => [
      { type: 'user.selectSlot' as const, date, start: slot.start },
    ]),
  ),
  typed('13812345678'),
  typed('1381234567'),
  [{ type: 'user.deleteDigit' }],
  [{ type: 'user.confirm' }],
  [{ type: 'user.checkIn' }],
  [{ type: 'user.retry' }],
];

/** Every event 预约 declares: any service code, slots among those the setup offers, digits any character. */
export const appointmentGesture = (world: AppointmentWorld): fc.Arbitrary<AppointmentEvent[]> =>
  fc.oneof(
    one(selectService(world.setup.services), 3),
    one(
      fc
        .tuple(fc.constantFrom(...world.setup.days), fc.constantFrom(...world.setup.slots))
        .map(([date, slot]) => ({ type: 'user.selectSlot' as const, date, start: slot.start })),
      3,
    ),
    // A whole number typed on the keypad: a mobile number, one digit short, or with a stray key.
    {
      arbitrary: fc
        .oneof(
          fc.constantFrom('13812345678', '19900001111', '1381234567', '12345678901'),
          hostileText(11),
        )
        .map(typed),
      weight: 3,
    },
    one(
      fc
        .oneof(fc.constantFrom(...'0123456789'), hostileText(2))
        .map((digit) => ({ type: 'user.digit' as const, digit })),
      1,
    ),
    one(fc.constantFrom<AppointmentEvent>({ type: 'user.confirm' }, { type: 'user.retry' }), 4),
    one(
      fc.constantFrom<AppointmentEvent>({ type: 'user.deleteDigit' }, { type: 'user.checkIn' }),
      1,
    ),
    one(fc.constantFrom<AppointmentEvent>({ type: 'user.done' }, { type: 'user.back' }), 1),
  );

// ——— 身份证复印 ———

export interface IdCopyWorld {
  images: CapturedImage[];
}

export const idCopyWorld: fc.Arbitrary<IdCopyWorld> = fc.record({
  images: fc.array(
    fc.record({
      dataUrl: fc.constantFrom('data:image/png;base64,AAAA', 'data:image/svg+xml,%3Csvg%2F%3E'),
      width: fc.integer({ min: 1, max: 4000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** 身份证复印 with its calls at `desk`, answered from the world of the run under way. */
export const idCopyFlow = (world: () => IdCopyWorld, desk: DeviceDesk) =>
  idCopyMachine.provide({
    actors: {
      captureImage: desk.actor<CapturedImage, { side: CaptureSide }>(
        'captureImage',
        () => world().images,
      ),
      printCopy: printerAt(desk, 'printCopy'),
    },
  });

/** What 身份证复印's screens offer besides back and done. */
export const idCopyCandidates: IdCopyEvent[][] = [
  [{ type: 'user.capture' }],
  [{ type: 'user.print' }],
  [{ type: 'user.retry' }],
  [{ type: 'user.retake' }],
];

export const idCopyGesture: fc.Arbitrary<IdCopyEvent[]> = fc.oneof(
  one(
    fc.constantFrom<IdCopyEvent>(
      { type: 'user.capture' },
      { type: 'user.print' },
      { type: 'user.retry' },
    ),
    4,
  ),
  one(
    fc.constantFrom<IdCopyEvent>(
      { type: 'user.retake' },
      { type: 'user.done' },
      { type: 'user.back' },
    ),
    1,
  ),
);
