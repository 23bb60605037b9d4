// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { WedgeScanner } from '../../../device-adapters/real/wedgeScanner';
import { describeCodeScannerContract } from '../../contracts/codeScanner.contract';

/** Key events with chosen time stamps, as a scanner or a person would type them. */
function typeInto(target: EventTarget, text: string, gapMs: number, startAt = 1000, enter = true) {
  let at = startAt;
  const events: Event[] = [];
  for (const key of enter ? [...text, 'Enter'] : [...text]) {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: at });
    target.dispatchEvent(event);
    events.push(event);
    at += gapMs;
  }
  return events;
}

describeCodeScannerContract('wedge', () => {
  const target = new EventTarget();
  let clock = 0;
  return {
    scanner: new WedgeScanner({ target }),
    scan: (text) => {
      typeInto(target, text, 5, (clock += 10_000));
    },
    goOffline: null,
    dispose: () => {},
  };
});

describe('WedgeScanner', () => {
  it('takes a fast burst ending in Enter as a scan and keeps its keys from inputs', async () => {
    const target = new EventTarget();
    const scanner = new WedgeScanner({ target });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(`${c.source}:${c.text}`));
    await scanner.start();
    const events = typeInto(target, 'BDY1:T:abc', 8);
    expect(codes).toEqual(['wedge:BDY1:T:abc']);
    expect(events.slice(1).every((e) => e.defaultPrevented)).toBe(true);
  });

  it('leaves a person typing alone', async () => {
    const target = new EventTarget();
    const scanner = new WedgeScanner({ target });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(c.text));
    await scanner.start();
    const events = typeInto(target, 'hello', 150);
    expect(codes).toEqual([]);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  it('ends a burst without Enter after a pause', async () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const scanner = new WedgeScanner({ target });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(c.text));
    await scanner.start();
    typeInto(target, '123456', 5, 1000, false);
    expect(codes).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(codes).toEqual(['123456']);
    vi.useRealTimers();
  });

  it('too short a burst is not a code; nothing is heard once stopped', async () => {
    const target = new EventTarget();
    const scanner = new WedgeScanner({ target });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(c.text));
    await scanner.start();
    typeInto(target, 'ab', 5);
    await scanner.stop();
    typeInto(target, 'ABCDEF', 5, 5000);
    expect(codes).toEqual([]);
  });
});
