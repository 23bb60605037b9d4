import * as v from 'valibot';
import type { DeviceErrorCode } from '../device';

/**
 * The local device bridge's JSON protocol (docs/device-bridge.md), in the spirit of XFS4IoT:
 * commands, completions, and unsolicited events, each a header and a payload.
 */
export const bridgeMessageSchema = v.object({
  header: v.object({
    type: v.picklist(['completion', 'unsolicited']),
    name: v.string(),
    requestId: v.optional(v.number()),
  }),
  payload: v.optional(v.record(v.string(), v.unknown()), {}),
});

export type BridgeMessage = v.InferOutput<typeof bridgeMessageSchema>;

export const completionSchema = v.object({
  completionCode: v.picklist([
    'success',
    'timeout',
    'canceled',
    'deviceNotReady',
    'hardwareError',
    'failed',
  ]),
  errorCode: v.optional(v.string()),
});

const dateText = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A card record as the bridge sends it; the same shape the mock reader yields. */
export const idCardRecordSchema = v.object({
  cardType: v.picklist(['resident', 'foreign-permanent', 'hmt-residence-permit']),
  name: v.pipe(v.string(), v.nonEmpty()),
  nameEn: v.optional(v.string()),
  sex: v.picklist(['M', 'F']),
  nation: v.optional(v.string()),
  birthDate: v.string(),
  address: v.optional(v.string()),
  idNumber: v.pipe(v.string(), v.length(18)),
  issuer: v.string(),
  validFrom: v.string(),
  validTo: v.union([dateText, v.literal('长期')]),
  photo: v.optional(v.pipe(v.string(), v.startsWith('data:'))),
});

/** The completion of `IdCard.Status`: whether a card lies in the reader's field. */
export const cardStatusSchema = v.object({
  completionCode: v.string(),
  media: v.optional(v.picklist(['present', 'notPresent'])),
});

export const statusChangedSchema = v.object({
  device: v.picklist(['idCard', 'face']),
  status: v.picklist(['online', 'offline', 'busy', 'hardware-error']),
});

/** How a completion's codes map onto the codes flows branch on. */
export function completionError(
  completionCode: string,
  errorCode: string | undefined,
): DeviceErrorCode {
  const known: readonly DeviceErrorCode[] = [
    'card-removed',
    'read-failed',
    'no-face',
    'mismatch',
    'liveness-failed',
  ];
  if (errorCode && (known as readonly string[]).includes(errorCode))
    return errorCode as DeviceErrorCode;
  switch (completionCode) {
    case 'timeout':
      return 'timeout';
    case 'canceled':
      return 'cancelled';
    case 'deviceNotReady':
      return 'offline';
    default:
      return 'hardware-error';
  }
}
