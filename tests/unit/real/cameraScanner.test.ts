import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'uqr';
import {
  CameraScanner,
  type CameraScannerPlatform,
} from '../../../device-adapters/real/cameraScanner';
import { zxingDecoder, type QrDecoder } from '../../../device-adapters/real/qrDecoders';
import { describeCodeScannerContract } from '../../contracts/codeScanner.contract';

/** A frame showing a QR code, drawn from uqr's matrix: what a camera would see, minus the noise. */
function qrFrame(text: string, scale = 4): ImageData {
  const matrix = encode(text).data;
  const border = 4;
  const size = (matrix.length + border * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1)
        for (let dx = 0; dx < scale; dx += 1) {
          const i = (((y + border) * scale + dy) * size + (x + border) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }),
  );
  return { data, width: size, height: size, colorSpace: 'srgb' } as ImageData;
}

const wasm = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
const realDecoder = () =>
  zxingDecoder({ bytes: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });

/** A camera the test points at whatever it likes. */
function fakeCamera(
  options: { decoder?: () => Promise<QrDecoder>; open?: () => Promise<void> } = {},
) {
  const state = { showing: null as ImageData | null, opened: 0, closed: 0, decoders: 0 };
  const platform: CameraScannerPlatform = {
    async openCamera() {
      await options.open?.();
      state.opened += 1;
      return { grab: () => state.showing, close: () => void (state.closed += 1) };
    },
    async createDecoder() {
      state.decoders += 1;
      return (options.decoder ?? realDecoder)();
    },
  };
  return { platform, state };
}

afterEach(() => vi.useRealTimers());

describeCodeScannerContract('camera (ZXing WebAssembly)', () => {
  const { platform, state } = fakeCamera();
  return {
    scanner: new CameraScanner(platform, { frameMs: 10 }),
    scan: (text) => {
      state.showing = qrFrame(text);
      return new Promise((r) => setTimeout(() => ((state.showing = null), r(undefined)), 120));
    },
    goOffline: null,
    dispose: () => {},
  };
});

describe('CameraScanner', () => {
  it('decodes a real QR frame with ZXing and reports it once, not once a frame', async () => {
    const { platform, state } = fakeCamera();
    const scanner = new CameraScanner(platform, { frameMs: 10 });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(`${c.source}:${c.text}`));
    await scanner.start();
    state.showing = qrFrame('BDY1:A:3f2a');
    await vi.waitFor(() => expect(codes).toEqual(['camera:BDY1:A:3f2a']));
    await new Promise((r) => setTimeout(r, 100));
    expect(codes).toHaveLength(1);
    await scanner.stop();
    expect(state).toMatchObject({ opened: 1, closed: 1 });
  });

  it('restarts its decoder on a schedule, closing the old one', async () => {
    vi.useFakeTimers();
    let closed = 0;
    const { platform, state } = fakeCamera({
      decoder: async () => ({ decode: async () => [], close: () => void (closed += 1) }),
    });
    const scanner = new CameraScanner(platform, { frameMs: 100, restartMs: 10 * 60_000 });
    await scanner.start();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(scanner.restarts).toBe(3);
    expect(state.decoders).toBe(4);
    expect(closed).toBe(3);
    await scanner.stop();
    expect(closed).toBe(4);
  });

  it('a decoder that fails is replaced and the camera keeps running', async () => {
    let calls = 0;
    const { platform, state } = fakeCamera({
      decoder: async () => ({
        decode: async () => {
          calls += 1;
          if (calls === 1) throw new Error('worker crashed');
          return ['OK-CODE'];
        },
        close: () => {},
      }),
    });
    const scanner = new CameraScanner(platform, { frameMs: 10 });
    const codes: string[] = [];
    scanner.onCode((c) => codes.push(c.text));
    await scanner.start();
    state.showing = qrFrame('x');
    await vi.waitFor(() => expect(codes).toEqual(['OK-CODE']));
    expect(scanner.status).toBe('online');
    expect(state.decoders).toBe(2);
    await scanner.stop();
  });

  it('a refused camera is permission-denied; a missing one is offline', async () => {
    const denied = fakeCamera({
      open: async () => Promise.reject(Object.assign(new Error('no'), { name: 'NotAllowedError' })),
    });
    await expect(new CameraScanner(denied.platform).start()).rejects.toMatchObject({
      code: 'permission-denied',
    });
    const missing = fakeCamera({
      open: async () => Promise.reject(Object.assign(new Error('no'), { name: 'NotFoundError' })),
    });
    const scanner = new CameraScanner(missing.platform);
    await expect(scanner.start()).rejects.toMatchObject({ code: 'offline' });
    expect(scanner.status).toBe('offline');
  });
});
