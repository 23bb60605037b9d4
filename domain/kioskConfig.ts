import * as v from 'valibot';
import { isCalendarDate } from './calendarDate';
import { DEFAULT_HALL_TIME_ZONE, isTimeZone } from './hallClock';
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
    /**
     * The hall's public web address (its 政务服务网 pages): a printed guide's QR opens
     * `<publicUrl>/guide/<item code>` on a phone.
     */
    publicUrl: v.optional(
      v.pipe(v.string(), v.url('a web address'), v.startsWith('https://', 'an https:// address')),
    ),
    /**
     * The hall's IANA time zone: every hall-time reckoning (today, the time, office hours,
     * appointment days, a day's numbers) reads the hall's clock, not the machine's.
     */
    timeZone: v.optional(
      v.pipe(
        v.string(),
        v.check(
          (zone: string) => isTimeZone(zone),
          'not a time zone this browser knows (write e.g. Asia/Shanghai)',
        ),
      ),
      DEFAULT_HALL_TIME_ZONE,
    ),
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
  /** After `rounds` failed face-check rounds a card is refused at this kiosk for `hours`. */
  faceLockout: v.optional(
    v.object({
      rounds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)), 3),
      hours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720)), 24),
    }),
    () => ({ rounds: 3, hours: 24 }),
  ),
  /**
   * The hall server (issue 15) this kiosk shares its queue and appointments with: its address
   * (absolute, or a path such as `/` for the kiosk's own origin) and this kiosk's token. Absent:
   * the kiosk keeps its own queue in this browser.
   */
  hallServer: v.optional(
    v.object({
      url: v.pipe(
        v.string(),
        v.check(
          isHallServerUrl,
          'the hall server is an http:// or https:// address, or a path starting with /',
        ),
      ),
      token: v.pipe(
        v.string(),
        v.regex(/^[\x21-\x7e]{8,200}$/, 'the kiosk token: 8–200 visible characters, no spaces'),
      ),
    }),
  ),
  /** Days tickets, appointments and face refusals are kept before they are erased. */
  retentionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)), 30),
});

export type KioskConfig = v.InferOutput<typeof kioskConfigSchema>;
export type HallServerConfig = NonNullable<KioskConfig['hallServer']>;

/** An absolute http(s) address, or a path on the kiosk's own origin (`/`, `/hall/`). */
function isHallServerUrl(url: string): boolean {
  if (/^\/(?!\/)/.test(url)) return !/\s/.test(url);
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
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
    publicUrl: 'https://zwfw.example.gov.cn',
    timeZone: DEFAULT_HALL_TIME_ZONE,
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
  faceLockout: { rounds: 3, hours: 24 },
  retentionDays: 30,
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

/** The device profile a configuration names, when it names one this build knows. */
export function deviceProfileOf(input: unknown): DeviceProfile | null {
  const devices = isRecord(input) ? input.devices : undefined;
  return devices === 'mock' || devices === 'real' ? devices : null;
}

/**
 * A configuration taken field by field: what was rejected fell back to `fallback`'s value, and
 * `rejected` names each rejected field by its dot path. Unusable without a readable `devices`:
 * a hall's terminal is never switched to simulated devices by a typo.
 */
export type ConfigResolution =
  | { usable: true; config: KioskConfig; rejected: string[]; problems: string[] }
  | { usable: false; rejected: string[]; problems: string[] };

/**
 * Checks a configuration and, when it fails, keeps every field that passed: a bad
 * `officeHours.open` loses only that field (the fallback's value stands in), a bad queue service
 * loses only that service, a rejected optional field its default. A rule over several fields
 * (the lunch break inside the hours) rejects the object that holds them. `devices` never falls back.
 */
export function resolveKioskConfig(
  input: unknown,
  fallback: KioskConfig = DEFAULT_KIOSK_CONFIG,
): ConfigResolution {
  const strict = parseKioskConfig(input);
  if (strict.ok) return { usable: true, config: strict.config, rejected: [], problems: [] };
  const { problems } = strict;
  if (!isRecord(input)) return { usable: false, rejected: ['(the whole file)'], problems };
  if (deviceProfileOf(input) === null) {
    const rejected = ['devices', ...resolveFields(input, fallback).rejected];
    return { usable: false, rejected: [...new Set(rejected)], problems };
  }
  const { config, rejected } = resolveFields(input, fallback);
  return config
    ? { usable: true, config, rejected, problems }
    : { usable: false, rejected, problems };
}

type Key = string | number;

/**
 * A JSON copy of each field the schema knows; a field that cannot be copied (nested beyond what
 * JSON.stringify can walk) is left out and named rejected: it falls back like any bad field.
 */
function copyKnownFields(input: Record<string, unknown>): {
  draft: Record<string, unknown>;
  rejected: string[];
} {
  const draft: Record<string, unknown> = {};
  const rejected: string[] = [];
  for (const key of Object.keys(kioskConfigSchema.entries)) {
    if (!Object.hasOwn(input, key)) continue;
    try {
      const text = JSON.stringify(input[key]);
      if (text !== undefined) draft[key] = JSON.parse(text) as unknown;
    } catch {
      rejected.push(key);
    }
  }
  return { draft, rejected };
}

function resolveFields(
  input: Record<string, unknown>,
  fallback: KioskConfig,
): { config: KioskConfig | null; rejected: string[] } {
  // A JSON copy of the fields the schema knows: the file's own object is left as it came, and an
  // unknown field (however deep) is dropped as the schema would drop it.
  const { draft, rejected } = copyKnownFields(input);
  const replaced = new Set<string>();
  for (let round = 0; round < 200; round += 1) {
    const result = v.safeParse(kioskConfigSchema, draft);
    if (result.success) return { config: result.output, rejected: [...new Set(rejected)] };
    let keys: Key[] = (result.issues[0].path ?? []).map((item) => item.key as Key);
    // A field already put back that still fails is not the trouble: its object is.
    while (keys.length > 0 && replaced.has(keys.join('.'))) keys = keys.slice(0, -1);
    if (keys.length === 0) break;
    keys = putBack(draft, keys, fallback);
    if (keys.length === 0) break;
    replaced.add(keys.join('.'));
    rejected.push(keys.join('.'));
  }
  return { config: null, rejected: [...new Set(rejected)] };
}

/**
 * Puts the fallback's value at `keys`, or takes out an array item or an optional field that has
 * none; returns the path it changed (a parent's, when the field itself could not be changed).
 */
function putBack(draft: Record<string, unknown>, keys: readonly Key[], fallback: unknown): Key[] {
  const parent = valueAt(draft, keys.slice(0, -1));
  const key = keys[keys.length - 1];
  if (key === undefined || typeof parent !== 'object' || parent === null) {
    return keys.length > 1 ? putBack(draft, keys.slice(0, -1), fallback) : [];
  }
  const stand = valueAt(fallback, keys);
  if (stand !== undefined) {
    (parent as Record<Key, unknown>)[key] = JSON.parse(JSON.stringify(stand)) as unknown;
    return [...keys];
  }
  if (Array.isArray(parent) && typeof key === 'number') {
    parent.splice(key, 1);
    return [...keys];
  }
  if (key in parent) {
    Reflect.deleteProperty(parent, key);
    return [...keys];
  }
  // Required, absent and with nothing to stand in: the object holding it goes.
  return keys.length > 1 ? putBack(draft, keys.slice(0, -1), fallback) : [];
}

function valueAt(root: unknown, keys: readonly Key[]): unknown {
  let value = root;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
