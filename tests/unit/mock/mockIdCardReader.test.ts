import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDeviceError, type DeviceStatus } from '../../../device-adapters/device';
import { MockIdCardReader, findTestPerson } from '../../../device-adapters/mock';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDeviceError(error) ? error.code : `not a DeviceError: ${String(error)}`;
  }
}

describe('MockIdCardReader under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes 400 ms to read by default, busy meanwhile', async () => {
    const reader = new MockIdCardReader();
    const statuses: DeviceStatus[] = [];
    reader.onStatus((status) => statuses.push(status));
    reader.insert('adult');
    let record: unknown;
    void reader.read().then((value) => (record = value));
    await vi.advanceTimersByTimeAsync(399);
    expect(record).toBeUndefined();
    expect(reader.status).toBe('busy');
    await vi.advanceTimersByTimeAsync(1);
    expect(record).toEqual(findTestPerson('adult').record);
    expect(statuses).toEqual(['busy', 'online']);
  });

  it('waits 15 s for a card by default, then times out', async () => {
    const reader = new MockIdCardReader();
    const reading = codeOf(reader.read());
    await vi.advanceTimersByTimeAsync(14_999);
    reader.insert('adult');
    await vi.advanceTimersByTimeAsync(1);
    await expect(reading).resolves.toBe('timeout');
  });

  it('reads at once with readMs 0, without advancing the clock', async () => {
    const reader = new MockIdCardReader({ readMs: 0 });
    reader.insert('elderly-70');
    await expect(reader.read()).resolves.toEqual(findTestPerson('elderly-70').record);
  });

  it("fails with 'card-removed' when the card is removed during the read", async () => {
    const reader = new MockIdCardReader();
    reader.insert('adult');
    const reading = codeOf(reader.read());
    await vi.advanceTimersByTimeAsync(200);
    reader.remove();
    await expect(reading).resolves.toBe('card-removed');
    expect(reader.status).toBe('online');
  });

  it("pulls the card halfway through the next read on 'pull-mid-read', once", async () => {
    const reader = new MockIdCardReader();
    const presence: string[] = [];
    reader.onCard((event) => presence.push(event));
    reader.insert('adult');
    reader.inject('pull-mid-read');
    expect(reader.faults).toEqual(['pull-mid-read']);
    const reading = codeOf(reader.read());
    await vi.advanceTimersByTimeAsync(199);
    expect(reader.cardPresent).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    await expect(reading).resolves.toBe('card-removed');
    expect(reader.cardPresent).toBe(false);
    expect(presence).toEqual(['inserted', 'removed']);
    expect(reader.faults).toEqual([]);
    reader.insert('adult');
    const again = reader.read();
    await vi.advanceTimersByTimeAsync(400);
    await expect(again).resolves.toEqual(findTestPerson('adult').record);
  });

  it("fails every read with 'read-failed' while 'read-error' lasts, without changing status", async () => {
    const reader = new MockIdCardReader({ readMs: 0 });
    reader.insert('adult');
    reader.inject('read-error');
    expect(reader.status).toBe('online');
    await expect(codeOf(reader.read())).resolves.toBe('read-failed');
    await expect(codeOf(reader.read())).resolves.toBe('read-failed');
    reader.clear();
    await expect(reader.read()).resolves.toEqual(findTestPerson('adult').record);
  });

  it("fails a read under way with 'offline' or 'hardware-error' when that fault comes", async () => {
    const reader = new MockIdCardReader();
    reader.insert('adult');
    const reading = codeOf(reader.read());
    await vi.advanceTimersByTimeAsync(100);
    reader.inject('hardware-error');
    await expect(reading).resolves.toBe('hardware-error');
    expect(reader.status).toBe('hardware-error');
    reader.clear();
    expect(reader.status).toBe('online');
    const next = reader.read();
    await vi.advanceTimersByTimeAsync(400);
    await expect(next).resolves.toEqual(findTestPerson('adult').record);
  });

  it('adds the slow fault to the reading time', async () => {
    const reader = new MockIdCardReader();
    reader.insert('adult');
    reader.inject({ slow: 1000 });
    let done = false;
    void reader.read().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1399);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('delivers a card that fails validation exactly as inserted', async () => {
    const reader = new MockIdCardReader({ readMs: 0 });
    for (const id of ['invalid-check', 'invalid-date', 'expired']) {
      reader.insert(id);
      await expect(reader.read()).resolves.toEqual(findTestPerson(id).record);
    }
  });

  it('replaces a card in the field: removed, then inserted, and the new card is fresh', async () => {
    const reader = new MockIdCardReader({ readMs: 0 });
    const presence: string[] = [];
    reader.onCard((event) => presence.push(event));
    reader.insert('adult');
    await reader.read();
    reader.insert('minor-15');
    expect(presence).toEqual(['inserted', 'removed', 'inserted']);
    await expect(reader.read()).resolves.toEqual(findTestPerson('minor-15').record);
  });

  it('refuses a mistyped person slug, naming the ones there are', () => {
    const reader = new MockIdCardReader();
    expect(() => reader.insert('nobody')).toThrow(/No test person 'nobody'; there are: adult, /);
  });

  it('takes a record of its own, too', async () => {
    const reader = new MockIdCardReader({ readMs: 0 });
    const record = { ...findTestPerson('adult').record, name: '测试' };
    reader.insert(record);
    expect(reader.card).toEqual(record);
    await expect(reader.read()).resolves.toEqual(record);
  });
});
