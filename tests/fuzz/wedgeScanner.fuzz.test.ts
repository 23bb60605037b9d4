import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WedgeScanner } from '../../device-adapters/real/wedgeScanner';
import type { QueueTicket } from '../../domain';
import { parseKioskCode, ticketQrData } from '../../domain/kioskCodes';
import { fuzzRuns } from './fuzzRuns';
import { hostileChar } from './hostileText';

const MAX_GAP_MS = 30; // the scanner's defaults: a burst's gaps, the shortest code, the end pause
const MIN_LENGTH = 4;

/** One keydown: `key` undefined is what Chrome's autofill sends (an Event without a key). */
interface Key {
  key: string | undefined;
  gapMs: number;
}

/**
 * A scanner listening on a stand-in for the window that hands the listener over, so that a
 * throw inside it reaches the property instead of the event loop.
 */
async function listening() {
  let listener: ((event: Event) => void) | null = null;
  const target = {
    addEventListener: (_type: string, l: EventListenerOrEventListenerObject) => {
      listener = typeof l === 'function' ? l : (event) => l.handleEvent(event);
    },
    removeEventListener: () => (listener = null),
    dispatchEvent: () => true,
  } as unknown as EventTarget;
  const scanner = new WedgeScanner({ target });
  const codes: string[] = [];
  scanner.onCode((code) => {
    expect(code.source).toBe('wedge');
    codes.push(code.text);
  });
  await scanner.start();
  let clock = 1_000;
  const prevented: boolean[] = [];
  const type = (keys: readonly Key[]) => {
    for (const { key, gapMs } of keys) {
      vi.advanceTimersByTime(gapMs);
      clock += gapMs;
      const event = new Event('keydown', { cancelable: true });
      if (key !== undefined) Object.defineProperty(event, 'key', { value: key });
      Object.defineProperty(event, 'timeStamp', { value: clock });
      listener?.(event);
      prevented.push(event.defaultPrevented);
    }
  };
  const settle = () => vi.advanceTimersByTime(1_000);
  return { scanner, codes, prevented, type, settle };
}

const anyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constantFrom(...'BDY1:TA-0123456789abcdef'), weight: 6 },
  { arbitrary: hostileChar, weight: 2 },
  fc.constantFrom('Enter', 'Shift', 'Tab', 'Unidentified', 'Dead', 'Process', 'F1', ''),
  fc.constant(undefined),
);
const anyGap = fc.oneof(
  fc.integer({ min: 0, max: MAX_GAP_MS }),
  fc.integer({ min: 0, max: 400 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
);

/** A scanner's burst: printable ASCII, keys at most MAX_GAP_MS apart, Enter last. */
const burst = (text: string, gaps: readonly number[]): Key[] =>
  [...text, 'Enter'].map((key, i) => ({
    key,
    gapMs: i === 0 ? 500 : (gaps[i % gaps.length] ?? 5),
  }));

const burstGaps = fc.array(fc.integer({ min: 0, max: MAX_GAP_MS }), { minLength: 1, maxLength: 8 });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WedgeScanner', () => {
  it('takes any keys at any pace without a throw, and delivers only runs of typed characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: anyKey, gapMs: anyGap }), { maxLength: 60 }),
        async (keys) => {
          const { scanner, codes, type, settle } = await listening();
          type(keys);
          settle();
          await scanner.stop();
          const typed = keys.map((k) => (k.key?.length === 1 ? k.key : '')).join('');
          for (const code of codes) {
            expect(code.length).toBeGreaterThanOrEqual(MIN_LENGTH);
            expect(typed).toContain(code);
          }
        },
      ),
      { numRuns: fuzzRuns() },
    );
  });

  it('delivers a scanned code whole, once, among a person typing slowly before and after', async () => {
    const printable = fc
      .string({ unit: 'binary-ascii', minLength: MIN_LENGTH, maxLength: 80 })
      .map((s) => s.replace(/[^\x20-\x7e]/g, 'x'));
    const slowKeys = fc.array(
      fc.record({ key: anyKey, gapMs: fc.integer({ min: MAX_GAP_MS + 1, max: 400 }) }),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        slowKeys,
        printable,
        burstGaps,
        slowKeys,
        async (before, text, gaps, after) => {
          const { codes, type, settle } = await listening();
          type(before);
          settle();
          codes.length = 0;
          type(burst(text, gaps));
          type(after);
          settle();
          expect(codes).toEqual([text]);
        },
      ),
      { numRuns: fuzzRuns() },
    );
  });

  it('reads a ticket QR typed by a scanner back to the ticket', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), burstGaps, async (id, gaps) => {
        const { codes, type, settle } = await listening();
        type(burst(ticketQrData({ id } as QueueTicket), gaps));
        settle();
        expect(codes.map(parseKioskCode)).toEqual([{ kind: 'ticket', id }]);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('leaves a person typing alone: nothing delivered, no key kept from an input', async () => {
    const slow = fc.array(
      fc.record({ key: anyKey, gapMs: fc.integer({ min: MAX_GAP_MS + 1, max: 2_000 }) }),
      { maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(slow, async (keys) => {
        const { codes, prevented, type, settle } = await listening();
        type(keys);
        settle();
        expect(codes).toEqual([]);
        expect(prevented.filter(Boolean)).toEqual([]);
      }),
      { numRuns: fuzzRuns() },
    );
  });
});
