import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeScanner, ScannedCode } from '../../device-adapters/codeScanner';
import { delay, eventually, followStatus } from './contractSupport';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around a code scanner under test, as a fake device can stage it.
 * Every method may act asynchronously: the contract waits (up to 1 s) to see its effect in the adapter.
 */
export interface CodeScannerHarness {
  /** The adapter under test: status 'online', not running. */
  scanner: CodeScanner;
  /**
   * Someone presents a code carrying this text (ASCII only, as wedge scanners type it): typed by
   * a wedge scanner, or shown to the camera. Whether the adapter delivers it is what the contract checks.
   */
  scan(text: string): Awaitable<void>;
  /**
   * The scanner is disconnected (unplugged, camera lost). Null for a scanner that cannot know
   * it: a keyboard-wedge scanner is only keystrokes, so it must stay 'online' and say nothing.
   */
  goOffline: (() => Awaitable<void>) | null;
  /** Releases timers, streams and listeners. */
  dispose(): Awaitable<void>;
}

/** How long the contract waits to be sure a code was not delivered. */
const QUIET_MS = 40;

const TICKET_URL = 'https://example.gov.cn/q?t=A001&h=7f3a';

export function describeCodeScannerContract(
  name: string,
  makeHarness: () => Awaitable<CodeScannerHarness>,
): void {
  describe(`CodeScanner contract: ${name}`, () => {
    let world: CodeScannerHarness;
    let scanner: CodeScanner;
    let codes: ScannedCode[];

    beforeEach(async () => {
      world = await makeHarness();
      scanner = world.scanner;
      codes = [];
      scanner.onCode((code) => codes.push(code));
    });
    afterEach(async () => {
      await scanner.stop();
      await world.dispose();
    });

    it('starts online as a scanner that is not running', () => {
      expect(scanner.kind).toBe('scanner');
      expect(scanner.status).toBe('online');
      expect(scanner.running).toBe(false);
    });

    it('delivers nothing before start()', async () => {
      await world.scan(TICKET_URL);
      await delay(QUIET_MS);
      expect(codes).toEqual([]);
    });

    it('delivers a scanned code with its exact text, a source and a time once started', async () => {
      await scanner.start();
      expect(scanner.running).toBe(true);
      const before = Date.now();
      await world.scan(TICKET_URL);
      await eventually(() => expect(codes).toHaveLength(1));
      const [code] = codes;
      expect(code?.text).toBe(TICKET_URL);
      expect(['camera', 'wedge']).toContain(code?.source);
      expect(code?.at).toBeGreaterThanOrEqual(before - 1000);
      expect(code?.at).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('delivers successive codes in order to every listener', async () => {
      const second: string[] = [];
      scanner.onCode((code) => second.push(code.text));
      await scanner.start();
      await world.scan('A001');
      await eventually(() => expect(second).toEqual(['A001']));
      await world.scan('B002');
      await eventually(() => expect(second).toEqual(['A001', 'B002']));
      expect(codes.map((code) => code.text)).toEqual(['A001', 'B002']);
    });

    it('stops calling an onCode listener once unsubscribed', async () => {
      const late: string[] = [];
      const unsubscribe = scanner.onCode((code) => late.push(code.text));
      unsubscribe();
      await scanner.start();
      await world.scan('A001');
      await eventually(() => expect(codes).toHaveLength(1));
      expect(late).toEqual([]);
    });

    it('delivers nothing once stop() has resolved', async () => {
      await scanner.start();
      await scanner.stop();
      expect(scanner.running).toBe(false);
      await world.scan(TICKET_URL);
      await delay(QUIET_MS);
      expect(codes).toEqual([]);
    });

    it('can be started again after stop()', async () => {
      await scanner.start();
      await scanner.stop();
      await scanner.start();
      await world.scan('C003');
      await eventually(() => expect(codes.map((code) => code.text)).toEqual(['C003']));
    });

    it('takes start() while running and stop() while stopped as no-ops', async () => {
      await scanner.stop();
      expect(scanner.running).toBe(false);
      await scanner.start();
      await scanner.start();
      expect(scanner.running).toBe(true);
      await world.scan('D004');
      await eventually(() => expect(codes).toHaveLength(1));
      await delay(QUIET_MS);
      expect(codes).toHaveLength(1);
      await scanner.stop();
      expect(scanner.running).toBe(false);
    });

    it("goes 'offline' and tells onStatus listeners (or, if it cannot know, stays 'online')", async () => {
      const status = followStatus(scanner);
      if (!world.goOffline) {
        await delay(QUIET_MS);
        expect(scanner.status).toBe('online');
        expect(status.seen).toEqual([]);
        return;
      }
      await world.goOffline();
      await eventually(() => expect(scanner.status).toBe('offline'));
      expect(status.seen).toContain('offline');
    });

    it('does not call an onStatus listener for the current status, nor after unsubscribing', async () => {
      const status = followStatus(scanner);
      await delay(20);
      expect(status.seen).toEqual([]);
      status.stop();
      if (!world.goOffline) return;
      await world.goOffline();
      await eventually(() => expect(scanner.status).toBe('offline'));
      expect(status.seen).toEqual([]);
    });
  });
}
