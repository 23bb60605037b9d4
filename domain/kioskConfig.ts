import * as v from 'valibot';
import { isCalendarDate } from './calendarDate';
import { LOCALES } from './locale';

/** HH:MM on a 24-hour clock. */
const clockTime = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is written HH:MM, 00:00 to 23:59'),
);

const localizedText = v.object({
  'zh-CN': v.pipe(v.string(), v.nonEmpty('the Chinese text may not be empty')),
  en: v.pipe(v.string(), v.nonEmpty('the English text may not be empty')),
});

const seconds = (min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.minValue(min, `at least ${min} seconds`),
    v.maxValue(max, `at most ${max} seconds`),
  );

const milliseconds = (min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer('a whole number of milliseconds'),
    v.minValue(min, `at least ${min} ms`),
    v.maxValue(max, `at most ${max} ms`),
  );

const officeHoursSchema = v.pipe(
  v.object({
    /** ISO weekdays the windows open: 1 = Monday … 7 = Sunday. */
    days: v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))),
      v.nonEmpty('at least one weekday'),
    ),
    open: clockTime,
    close: clockTime,
    lunch: v.optional(v.object({ start: clockTime, end: clockTime })),
  }),
  v.check((h) => h.open < h.close, 'the windows must open before they close'),
  v.check(
    (h) =>
      !h.lunch || (h.open < h.lunch.start && h.lunch.start < h.lunch.end && h.lunch.end < h.close),
    'the lunch break must lie inside the opening hours',
  ),
);

const sessionSchema = v.pipe(
  v.object({
    idleSeconds: seconds(20, 600),
    elderlyIdleSeconds: seconds(20, 900),
    warningSeconds: seconds(5, 60),
    goodbyeSeconds: seconds(3, 60),
  }),
  v.check(
    (s) => s.warningSeconds < s.idleSeconds,
    'the warning must be shorter than the idle timeout',
  ),
  v.check(
    (s) => s.elderlyIdleSeconds >= s.idleSeconds,
    'elderly mode may not time out sooner than normal mode',
  ),
);

const calendarDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
  v.check(isCalendarDate, 'not a real calendar date'),
);

const queueServiceSchema = v.pipe(
  v.object({
    code: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and - only')),
    name: localizedText,
    prefix: v.pipe(v.string(), v.regex(/^[A-Z]$/, 'one capital letter A–Z')),
    windows: localizedText,
    windowCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
    materials: v.array(localizedText),
    averageHandlingMinutes: v.pipe(v.number(), v.minValue(1), v.maxValue(240)),
    requiresIdCard: v.boolean(),
    dailyMax: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(999, 'at most 999 a day (A001–A999)'),
    ),
    issuingWindows: v.pipe(
      v.array(
        v.pipe(
          v.object({
            start: clockTime,
            end: clockTime,
            quota: v.pipe(v.number(), v.integer(), v.minValue(1)),
          }),
          v.check((w) => w.start < w.end, 'an issuing window must start before it ends'),
        ),
      ),
      v.nonEmpty('at least one issuing window'),
    ),
  }),
);

const queueSchema = v.pipe(
  v.object({
    /** Citizens at or over this age get a priority ticket (绿色通道). */
    priorityAge: v.pipe(v.number(), v.integer(), v.minValue(50), v.maxValue(90)),
    services: v.array(queueServiceSchema),
  }),
  v.check(
    (q) => new Set(q.services.map((s) => s.prefix)).size === q.services.length,
    'each queue service needs its own prefix letter',
  ),
  v.check(
    (q) => new Set(q.services.map((s) => s.code)).size === q.services.length,
    'each queue service needs its own code',
  ),
);

/**
 * How long the kiosk waits on each device before the call ends in 'timeout': a citizen putting a
 * card on the reader, the face check, a document camera capture, a receipt, a document print.
 */
export const DEFAULT_DEVICE_TIMEOUTS = {
  cardReadMs: 60_000,
  faceMs: 30_000,
  captureMs: 15_000,
  receiptPrintMs: 30_000,
  documentPrintMs: 120_000,
};

const deviceTimeoutsSchema = v.object({
  cardReadMs: v.optional(milliseconds(5_000, 300_000), DEFAULT_DEVICE_TIMEOUTS.cardReadMs),
  faceMs: v.optional(milliseconds(5_000, 120_000), DEFAULT_DEVICE_TIMEOUTS.faceMs),
  captureMs: v.optional(milliseconds(3_000, 60_000), DEFAULT_DEVICE_TIMEOUTS.captureMs),
  receiptPrintMs: v.optional(milliseconds(5_000, 120_000), DEFAULT_DEVICE_TIMEOUTS.receiptPrintMs),
  documentPrintMs: v.optional(
    milliseconds(10_000, 600_000),
    DEFAULT_DEVICE_TIMEOUTS.documentPrintMs,
  ),
});

const usbId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff));

/** What the real devices need to be found: where the device bridge listens, which receipt printer. */
const DEFAULT_HARDWARE = {
  bridgeUrl: 'ws://127.0.0.1:9871/budayang',
  receiptPrinter: { model: 'generic-80-gb18030' },
  cameraScanner: false,
  licencePaper: 'blank' as const,
};

const hardwareSchema = v.object({
  bridgeUrl: v.pipe(
    v.string(),
    v.regex(
      /^ws:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//,
      'the device bridge listens on ws://127.0.0.1',
    ),
  ),
  receiptPrinter: v.object({
    model: v.pipe(v.string(), v.nonEmpty()),
    vendorId: v.optional(usbId),
    productId: v.optional(usbId),
  }),
  /** Whether the camera also reads codes (beside the handheld scanner), between visits too. */
  cameraScanner: v.optional(v.boolean(), false),
  /**
   * The business licence stock: 'blank' security paper (the kiosk prints border and title too) or
   * 'preprinted' with them (the kiosk prints only the registration facts).
   */
  licencePaper: v.optional(v.picklist(['blank', 'preprinted']), 'blank'),
});

export const kioskConfigSchema = v.object({
  kioskId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and - only')),
  hall: v.object({
    name: localizedText,
    address: v.optional(localizedText),
    /** The hall's enquiry telephone, given to a citizen the kiosk cannot help at night. */
    telephone: v.optional(
      v.pipe(v.string(), v.regex(/^[0-9+()\- ]{3,24}$/, 'digits, spaces, +, - and () only')),
    ),
    /** Where the staffed windows are, for a citizen sent to one. */
    windows: v.optional(localizedText),
  }),
  officeHours: officeHoursSchema,
  /** Which devices the terminal drives: simulated ones, or the hardware attached to it. */
  devices: v.picklist(['mock', 'real']),
  defaultLocale: v.picklist(LOCALES),
  session: sessionSchema,
  /** Staff enter each year's public holidays and make-up working days (调休). */
  calendar: v.optional(
    v.object({ holidays: v.array(calendarDate), makeupWorkdays: v.array(calendarDate) }),
    {
      holidays: [],
      makeupWorkdays: [],
    },
  ),
  queue: v.optional(queueSchema, { priorityAge: 60, services: [] }),
  hardware: v.optional(hardwareSchema, () => DEFAULT_HARDWARE),
  /** The bound of each device call; a field left out keeps its default. */
  deviceTimeouts: v.optional(deviceTimeoutsSchema, () => ({ ...DEFAULT_DEVICE_TIMEOUTS })),
});

export type KioskConfig = v.InferOutput<typeof kioskConfigSchema>;
export type OfficeHours = KioskConfig['officeHours'];
export type SessionTiming = KioskConfig['session'];
export type DeviceProfile = KioskConfig['devices'];
export type DeviceTimeouts = KioskConfig['deviceTimeouts'];

export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  kioskId: 'kiosk-01',
  hall: {
    name: { 'zh-CN': '县政务服务中心', en: 'County Government Service Centre' },
    telephone: '0000-12345',
    windows: { 'zh-CN': '一楼综合受理窗口', en: 'the service windows on the ground floor' },
  },
  officeHours: {
    days: [1, 2, 3, 4, 5],
    open: '09:00',
    close: '17:00',
    lunch: { start: '12:00', end: '13:30' },
  },
  devices: 'mock',
  defaultLocale: 'zh-CN',
  session: { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 },
  calendar: { holidays: [], makeupWorkdays: [] },
  queue: { priorityAge: 60, services: [] },
  hardware: DEFAULT_HARDWARE,
  deviceTimeouts: DEFAULT_DEVICE_TIMEOUTS,
};

export type ConfigResult = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

/** Checks a configuration from outside (a file, an import); every problem is named with its path. */
export function parseKioskConfig(input: unknown): ConfigResult {
  const result = v.safeParse(kioskConfigSchema, input);
  if (result.success) return { ok: true, config: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
