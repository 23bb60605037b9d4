import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createMockDevices } from '../../../device-adapters/mock';
import {
  DEFAULT_KIOSK_CONFIG,
  type HolderKeys,
  type KioskConfig,
  type QueueService,
} from '../../../domain';
import { deviceErrorCode } from '../../../machines/deviceFailure';
import { wireQueueFlow } from '../../../kiosk-ui/flows/queue/wiring';
import {
  STORAGE_PAUSE_MS,
  StorageFullError,
  guardStore,
  isQuotaError,
  pauseStorage,
  requestPersistentStorage,
  resumeStorage,
  storagePaused,
  watchStoragePause,
} from '../../../stores/shared/storageHealth';
import { taxService } from '../../support/queueServices';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  resumeStorage();
  vi.restoreAllMocks();
});

describe('a full storage is its own failure: 暂停服务, not "load paper and retry"', () => {
  it('is told apart from every other failure, also wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Error('aborted', { cause: quota() }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(deviceErrorCode(quota())).toBe('storage-full');
    expect(deviceErrorCode(new StorageFullError())).toBe('storage-full');
    // Before, a DOMException (numeric code) counted as a hardware error: still so for the rest.
    expect(deviceErrorCode(new DOMException('x', 'AbortError'))).toBe('hardware-error');
  });

  it('a store call that ran out of space fails with storage-full and pauses the writing flows', async () => {
    const told: boolean[] = [];
    const stop = watchStoragePause((paused) => told.push(paused));
    const store = guardStore({
      write: async () => Promise.reject(quota()),
      read: async () => 'fine',
      other: async () => Promise.reject(new Error('something else')),
    });
    await expect(store.other()).rejects.toThrow('something else');
    expect(storagePaused()).toBe(false);
    await expect(store.write()).rejects.toBeInstanceOf(StorageFullError);
    expect(storagePaused()).toBe(true);
    expect(told).toEqual([true]);
    // Reads still answer; a store guarded to refuse while paused does not.
    expect(await store.read()).toBe('fine');
    const refusing = guardStore({ read: async () => 'fine' }, { refuseWhilePaused: true });
    await expect(refusing.read()).rejects.toMatchObject({ code: 'storage-full' });
    stop();
  });

  it('the pause lifts after a while, so a freed disk is used again', () => {
    const now = 1_000_000;
    pauseStorage(quota(), now);
    expect(storagePaused(now + STORAGE_PAUSE_MS - 1)).toBe(true);
    expect(storagePaused(now + STORAGE_PAUSE_MS)).toBe(false);
  });

  it('取号: a quota error on allocation says storage-full, and the next 取号 is paused at once', async () => {
    const { devices } = createMockDevices({ instant: true });
    const allocate = vi.fn(async () => Promise.reject(quota()));
    const queue = { allocate } as unknown as QueueService;
    const holderKeys: HolderKeys = { daily: async () => 'k', stable: async () => 'k' };
    // Office hours all day every day: the flow offers numbers whatever the time the test runs.
    const config = JSON.parse(
      JSON.stringify({
        ...DEFAULT_KIOSK_CONFIG,
        officeHours: { days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' },
        queue: { priorityAge: 60, services: [taxService()] },
      }),
    ) as KioskConfig;
    const machine = wireQueueFlow(devices, queue, config, holderKeys);
    const first = createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
    await waitFor(first, (s) => s.matches('chooseService'));
    first.send({ type: 'user.selectService', code: 'tax' });
    first.send({ type: 'user.skipCard' });
    first.send({ type: 'user.choosePriority', priority: null });
    await waitFor(first, (s) => s.matches('allocationFailed'));
    expect(first.getSnapshot().context.failure).toBe('storage-full');

    const second = createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
    await waitFor(second, (s) => s.matches('unavailable'));
    expect(second.getSnapshot().context.failure).toBe('storage-full');
    expect(allocate).toHaveBeenCalledTimes(1);
  });
});

describe('persistent storage', () => {
  it('is asked for once, and a refusal or an error changes nothing', async () => {
    const persist = vi.fn(async () => false);
    const persisted = vi.fn(async () => false);
    expect(await requestPersistentStorage({ persist, persisted })).toBe(false);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(
      await requestPersistentStorage({
        persist: async () => Promise.reject(new Error('no')),
        persisted,
      }),
    ).toBe(false);
    // Already persistent: not asked again.
    const again = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persist: again, persisted: async () => true })).toBe(
      true,
    );
    expect(again).not.toHaveBeenCalled();
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});
