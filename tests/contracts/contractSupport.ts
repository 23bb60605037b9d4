import { expect, vi } from 'vitest';
import {
  isDeviceError,
  type Device,
  type DeviceErrorCode,
  type DeviceKind,
  type DeviceStatus,
} from '../../device-adapters/device';

/** How long the contracts wait for something a harness set off to show in the adapter. */
export const OBSERVE_MS = 1000;

/** A short bound for calls that are meant to time out; real timers stay well under 200 ms. */
export const SHORT_TIMEOUT_MS = 60;

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (real timers) until the assertion holds, for adapters that learn of the world asynchronously. */
export async function eventually(assertion: () => void): Promise<void> {
  await vi.waitFor(assertion, { timeout: OBSERVE_MS, interval: 5 });
}

/** Asserts that the promise rejects with a DeviceError of this device and code, and returns it. */
export async function expectDeviceError(
  promise: Promise<unknown>,
  device: DeviceKind,
  code: DeviceErrorCode,
): Promise<void> {
  let caught: unknown = undefined;
  let settledWith: unknown = undefined;
  let rejected = false;
  try {
    settledWith = await promise;
  } catch (error) {
    rejected = true;
    caught = error;
  }
  expect(
    rejected,
    `expected a DeviceError '${code}', but the call resolved with ${JSON.stringify(settledWith)}`,
  ).toBe(true);
  expect(caught, `expected a DeviceError, got ${String(caught)}`).toBeInstanceOf(Error);
  expect(isDeviceError(caught), `expected a DeviceError, got ${String(caught)}`).toBe(true);
  if (isDeviceError(caught)) {
    expect({ device: caught.device, code: caught.code }).toEqual({ device, code });
  }
}

/** Follows a device's onStatus notifications into a list. */
export function followStatus(device: Device): {
  seen: DeviceStatus[];
  stop: () => void;
} {
  const seen: DeviceStatus[] = [];
  const stop = device.onStatus((status) => seen.push(status));
  return { seen, stop };
}

/** Tracks whether a promise has settled yet, without awaiting it. */
export function track<T>(promise: Promise<T>): { readonly settled: boolean; promise: Promise<T> } {
  const state = { settled: false };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return {
    get settled() {
      return state.settled;
    },
    promise,
  };
}
