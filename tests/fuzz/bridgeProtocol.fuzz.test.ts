import fc from 'fast-check';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceError, type DeviceStatus } from '../../device-adapters';
import { TEST_PERSONS } from '../../device-adapters/mock';
import { BridgeConnection } from '../../device-adapters/real/bridgeConnection';
import { BridgeFaceVerifier } from '../../device-adapters/real/bridgeFaceVerifier';
import { BridgeIdCardReader } from '../../device-adapters/real/bridgeIdCardReader';
import {
  bridgeMessageSchema,
  completionError,
  idCardRecordSchema,
  type BridgeMessage,
} from '../../device-adapters/real/bridgeProtocol';
import { FakeBridge } from '../unit/real/fakeBridge';
import { DEVICE_ERROR_CODES, isDeviceErrorCode } from './deviceErrors';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileText } from './hostileText';
import { DEVICE_STATUSES } from './deviceErrors';

const STATUSES: readonly DeviceStatus[] = DEVICE_STATUSES;
const COMPLETION_CODES = [
  'success',
  'timeout',
  'canceled',
  'deviceNotReady',
  'hardwareError',
  'failed',
];
const MESSAGE_NAMES = [
  'IdCard.Read',
  'IdCard.MediaInserted',
  'IdCard.MediaRemoved',
  'Common.StatusChanged',
  'Face.Verify',
];

/** A connection to the fake bridge, open, that the test answers itself (the bridge is stalled). */
async function connected() {
  const bridge = new FakeBridge();
  bridge.stall();
  const connection = new BridgeConnection('ws://127.0.0.1:9871', bridge.connect);
  for (let i = 0; i < 10 && !connection.open; i += 1) await Promise.resolve();
  if (!connection.open) throw new Error('the fake bridge did not open');
  return { bridge, connection };
}

let open: BridgeConnection[] = [];
afterEach(() => {
  for (const connection of open) connection.close();
  open = [];
});

const record = TEST_PERSONS[0]?.record;
if (!record) throw new Error('no test person');

/** A card record as a bridge might send it: right, one field spoilt or gone, or anything. */
const anyRecord: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...TEST_PERSONS.map((p) => p.record)), weight: 3 },
  fc
    .tuple(fc.constantFrom(...Object.keys(record)), fc.option(fc.jsonValue(), { nil: undefined }))
    .map(([field, value]) => ({ ...record, [field]: value })),
  fc.jsonValue(),
);

/** A completion's payload: codes right or wrong, an error code or not, a record, a score. */
const completionPayload = fc.record(
  {
    completionCode: fc.oneof(
      { arbitrary: fc.constantFrom('success', ...COMPLETION_CODES), weight: 6 },
      hostileText(12),
      fc.jsonValue(),
    ),
    errorCode: fc.oneof(
      { arbitrary: fc.constantFrom(...DEVICE_ERROR_CODES), weight: 4 },
      hostileText(12),
      fc.jsonValue(),
    ),
    record: anyRecord,
    score: fc.jsonValue(),
  },
  { requiredKeys: ['completionCode'] },
);

const json = fc.jsonValue({ maxDepth: 3 });

/** A frame from the bridge: a completion (for the pending command or another), an event, noise. */
type Frame =
  | {
      kind: 'completion' | 'other-request' | 'unsolicited';
      name: string;
      payload: unknown;
      cut: number | null;
    }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string };

const message = (kind: fc.Arbitrary<'completion' | 'other-request' | 'unsolicited'>) =>
  fc.record({
    kind,
    name: fc.oneof(fc.constantFrom(...MESSAGE_NAMES), hostileText(12)),
    payload: fc.oneof(
      { arbitrary: completionPayload, weight: 4 },
      fc.record({
        device: fc.constantFrom('idCard', 'face', 'x'),
        status: fc.constantFrom(...STATUSES, 'x'),
      }),
      json,
    ),
    // Now and then a frame cut short, as a dropped connection leaves it.
    cut: fc.option(fc.nat(), { freq: 4 }),
  });

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: message(fc.constant('completion')), weight: 4 },
  message(fc.constantFrom('other-request', 'unsolicited')),
  fc.record({ kind: fc.constant('json' as const), value: json }),
  fc.record({ kind: fc.constant('text' as const), text: anyText }),
);

function render(f: Frame, requestId: number): string {
  if (f.kind === 'json') return JSON.stringify(f.value);
  if (f.kind === 'text') return f.text;
  const header =
    f.kind === 'unsolicited'
      ? { type: 'unsolicited', name: f.name }
      : {
          type: 'completion',
          name: f.name,
          requestId: f.kind === 'completion' ? requestId : requestId + 1,
        };
  const whole = JSON.stringify({ header, payload: f.payload });
  return f.cut === null ? whole : whole.slice(0, f.cut % whole.length);
}

const frames = fc.array(frame, { maxLength: 8 });

describe('device bridge protocol', () => {
  it('completionError maps any codes onto a code the flows know', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...COMPLETION_CODES), anyText),
        fc.option(fc.oneof(fc.constantFrom(...DEVICE_ERROR_CODES), anyText), { nil: undefined }),
        (completionCode, errorCode) => {
          expect(isDeviceErrorCode(completionError(completionCode, errorCode))).toBe(true);
        },
      ),
      { numRuns: fuzzRuns() },
    );
  });

  it('the connection takes any frames without a throw, reports the bad ones, and still works', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (sent) => {
        const { bridge, connection } = await connected();
        open.push(connection);
        const problems: string[] = [];
        const unsolicited: BridgeMessage[] = [];
        const completions: (BridgeMessage | null)[] = [];
        connection.onProblem((p) => problems.push(p));
        connection.onUnsolicited((m) => unsolicited.push(m));
        const requestId = connection.command('Test.Echo', {}, (m) => completions.push(m));

        let malformed = 0;
        for (const f of sent) {
          const data = render(f, requestId);
          bridge.sendRaw(data); // a throw here fails the property with its stack
          try {
            if (!v.safeParse(bridgeMessageSchema, JSON.parse(data)).success) malformed += 1;
          } catch {
            malformed += 1;
          }
        }
        expect(problems.length).toBe(malformed);
        expect(problems.filter((p) => !/\S/.test(p))).toEqual([]);
        expect(unsolicited.filter((m) => m.header.type !== 'unsolicited')).toEqual([]);

        // Whatever came before, the pending command still gets (at most) one completion.
        bridge.sendRaw(
          JSON.stringify({
            header: { type: 'completion', name: 'Test.Echo', requestId },
            payload: {},
          }),
        );
        expect(completions).toHaveLength(1);
        expect(completions[0]?.header.requestId).toBe(requestId);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a read ends in a record of the protocol or a DeviceError, whatever the bridge answers', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (sent) => {
        const { bridge, connection } = await connected();
        open.push(connection);
        const reader = new BridgeIdCardReader(connection);
        const face = new BridgeFaceVerifier(connection);
        const stop = new AbortController();
        const read = reader.read({ signal: stop.signal }).then(
          (card) => ({ ok: true as const, card }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        bridge.placeCard(record);
        const command = bridge.received.at(-1);
        expect(command?.header.name).toBe('IdCard.Read');
        for (const f of sent) bridge.sendRaw(render(f, command?.header.requestId ?? 0));
        stop.abort(); // nothing conclusive came: the caller gives up, as a flow's timeout would
        const outcome = await read;
        if (outcome.ok) {
          expect(v.safeParse(idCardRecordSchema, outcome.card).success).toBe(true);
        } else {
          expect(outcome.error).toBeInstanceOf(DeviceError);
          expect((outcome.error as DeviceError).device).toBe('idCard');
          expect(isDeviceErrorCode((outcome.error as DeviceError).code)).toBe(true);
        }
        expect(STATUSES).toContain(reader.status);
        expect(STATUSES).toContain(face.status);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a face verification ends in a numeric score or a DeviceError, whatever the bridge answers', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (sent) => {
        const { bridge, connection } = await connected();
        open.push(connection);
        const face = new BridgeFaceVerifier(connection);
        const stop = new AbortController();
        const verified = face.verify(record.photo, { signal: stop.signal }).then(
          (match) => ({ ok: true as const, match }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        const command = bridge.received.at(-1);
        expect(command?.header.name).toBe('Face.Verify');
        for (const f of sent) bridge.sendRaw(render(f, command?.header.requestId ?? 0));
        stop.abort();
        const outcome = await verified;
        if (outcome.ok) {
          expect(typeof outcome.match.score).toBe('number');
        } else {
          expect(outcome.error).toBeInstanceOf(DeviceError);
          expect(isDeviceErrorCode((outcome.error as DeviceError).code)).toBe(true);
        }
      }),
      { numRuns: fuzzRuns() },
    );
  });
});
