import { describe, expect, it } from 'vitest';
import { WedgeScanner } from '../../../device-adapters/real/wedgeScanner';

// Found by tests/fuzz/wedgeScanner.fuzz.test.ts (seed -1195945616): Chrome's autofill sends
// keydown events that are plain Events without a key (crbug.com/581537), and the scanner's
// listener threw "Cannot read properties of undefined (reading 'length')" on them.

/** A target that hands over its listener, so that a throw inside it fails the test. */
function captured() {
  let listener: ((event: Event) => void) | null = null;
  const target = {
    addEventListener: (_type: string, l: (event: Event) => void) => (listener = l),
    removeEventListener: () => (listener = null),
    dispatchEvent: () => true,
  } as unknown as EventTarget;
  const press = (key: string | undefined, at: number) => {
    const event = new Event('keydown', { cancelable: true });
    if (key !== undefined) Object.defineProperty(event, 'key', { value: key });
    Object.defineProperty(event, 'timeStamp', { value: at });
    listener?.(event);
  };
  return { target, press };
}

describe('WedgeScanner and keydown events without a key', () => {
  it('ignores them, and a scan around them still arrives whole', async () => {
    const { target, press } = captured();
    const scanner = new WedgeScanner({ target });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(c.text));
    await scanner.start();
    expect(() => press(undefined, 1000)).not.toThrow();
    [...'BDY1:T:abcdef12'].forEach((key, i) => press(key, 2000 + i * 5));
    press(undefined, 2080);
    press('Enter', 2085);
    expect(codes).toEqual(['BDY1:T:abcdef12']);
    await scanner.stop();
  });
});
