import fc from 'fast-check';
import {
  DEVICE_KINDS,
  DeviceError,
  type DeviceErrorCode,
  type DeviceStatus,
} from '../../device-adapters';

/** Every DeviceErrorCode; the type check below fails when device.ts gains one this list lacks. */
export const DEVICE_ERROR_CODES = [
  'timeout',
  'cancelled',
  'offline',
  'busy',
  'hardware-error',
  'card-removed',
  'read-failed',
  'no-face',
  'mismatch',
  'liveness-failed',
  'paper-out',
  'jam',
  'cover-open',
  'permission-denied',
  'not-supported',
  'storage-full',
] as const satisfies readonly DeviceErrorCode[];

type Unlisted = Exclude<DeviceErrorCode, (typeof DEVICE_ERROR_CODES)[number]>;
export const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** Every DeviceStatus; the type check below fails when the status type gains one this lacks. */
export const DEVICE_STATUSES = [
  'online',
  'offline',
  'busy',
  'paper-low',
  'paper-out',
  'jam',
  'cover-open',
  'hardware-error',
] as const satisfies readonly DeviceStatus[];

type UnlistedStatus = Exclude<DeviceStatus, (typeof DEVICE_STATUSES)[number]>;
export const everyStatusListed: [UnlistedStatus] extends [never] ? true : UnlistedStatus = true;

export const isDeviceErrorCode = (code: unknown): code is DeviceErrorCode =>
  (DEVICE_ERROR_CODES as readonly unknown[]).includes(code);

/**
 * What a failed device call rejects with: mostly a DeviceError of any code (printers may mark
 * one `uncertain`), now and then something no adapter should throw but a bug might.
 */
export const deviceFailure: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc
      .record({
        device: fc.constantFrom(...DEVICE_KINDS),
        code: fc.constantFrom(...DEVICE_ERROR_CODES),
        uncertain: fc.boolean(),
      })
      .map(({ device, code, uncertain }) =>
        Object.assign(
          new DeviceError(device, code, `fuzz: ${code}`),
          uncertain ? { uncertain } : {},
        ),
      ),
    weight: 8,
  },
  fc.constantFrom<unknown>(
    new Error('a bug in an adapter'),
    new TypeError('undefined is not a function'),
    'a string',
    undefined,
    null,
    { code: 42 },
    { code: 'not-a-known-code' },
  ),
);
