// The decode benchmark's page: the same frames through each QR decoder, bundled by Vite as the
// kiosk is. bench/decode.mjs drives it through window.decodeBench.
import { Html5QrcodeShim } from 'html5-qrcode/esm/code-decoder';
import { Html5QrcodeSupportedFormats, type Logger } from 'html5-qrcode/esm/core';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import workerUrl from '../../device-adapters/real/qrDecodeWorker?worker&url';
import { nativeDecoder, zxingDecoder, type QrDecoder } from '../../device-adapters/real/qrDecoders';
import { FRAMES, HEIGHT, SLIP_PAYLOAD, WIDTH, renderFrame } from './frames';

export type DecoderId = 'html5-qrcode' | 'native' | 'zxing-wasm' | 'zxing-wasm-worker' | 'grab';

export interface DecodeRun {
  /** Milliseconds per decode, every frame × repetition. */
  times: number[];
  /** Per frame: whether it was read right (QR frames) or wrongly read (frames with none). */
  frames: { name: string; hasQr: boolean; read: boolean; wrong: boolean }[];
}

const quiet: Logger = {
  log() {},
  warn() {},
  logError() {},
  logErrors() {},
};

/** html5-qrcode's decoding core as its camera loop calls it: decodeAsync(canvas), ZXing in JS. */
function html5QrcodeDecoder(): QrDecoder & { canvas: HTMLCanvasElement } {
  const shim = new Html5QrcodeShim([Html5QrcodeSupportedFormats.QR_CODE], false, false, quiet);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  canvas.getContext('2d', { willReadFrequently: true }); // as html5-qrcode makes its canvas
  return {
    canvas,
    async decode() {
      try {
        return [(await shim.decodeAsync(canvas)).text];
      } catch {
        return []; // ZXing-js throws when there is no code in the picture
      }
    },
    close() {},
  };
}

/** ZXing in the kiosk's own decode worker, as browserCameraPlatform creates it. */
function workerDecoder(): QrDecoder {
  const worker = new Worker(new URL(workerUrl, location.href), { type: 'module' });
  worker.postMessage({ wasmUrl: new URL(wasmUrl, location.href).href });
  return {
    decode(frame) {
      return new Promise<string[]>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<{ texts?: string[]; error?: string }>) =>
          event.data.error ? reject(new Error(event.data.error)) : resolve(event.data.texts ?? []);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage({ frame }, [frame.data.buffer]);
      });
    },
    close() {
      worker.terminate();
    },
  };
}

const frames = FRAMES.map((spec, i) => ({ spec, image: renderFrame(spec, 1000 + i) }));
const copy = (image: ImageData) => new ImageData(new Uint8ClampedArray(image.data), WIDTH, HEIGHT);

async function open(id: DecoderId): Promise<(QrDecoder & { canvas?: HTMLCanvasElement }) | null> {
  switch (id) {
    case 'html5-qrcode':
      return html5QrcodeDecoder();
    case 'native':
      return nativeDecoder();
    case 'zxing-wasm':
      return zxingDecoder({ url: new URL(wasmUrl, location.href).href });
    case 'zxing-wasm-worker':
      return workerDecoder();
    case 'grab':
      return null;
  }
}

/**
 * The main thread's share of each camera frame in CameraScanner: draw the picture into its
 * OffscreenCanvas and read the pixels back (browserCameraPlatform's grab()).
 */
async function grabTimes(repetitions: number): Promise<number[]> {
  const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  const bitmaps = await Promise.all(frames.map((f) => createImageBitmap(f.image)));
  const times: number[] = [];
  for (const bitmap of bitmaps) {
    ctx.drawImage(bitmap, 0, 0, WIDTH, HEIGHT); // warm-up, not timed
    ctx.getImageData(0, 0, WIDTH, HEIGHT);
  }
  for (let r = 0; r < repetitions; r += 1)
    for (const bitmap of bitmaps) {
      const t0 = performance.now();
      ctx.drawImage(bitmap, 0, 0, WIDTH, HEIGHT);
      ctx.getImageData(0, 0, WIDTH, HEIGHT);
      times.push(performance.now() - t0);
    }
  return times;
}

async function run(id: DecoderId, repetitions: number): Promise<DecodeRun | null> {
  if (id === 'grab') return { times: await grabTimes(repetitions), frames: [] };
  const decoder = await open(id);
  if (!decoder) return null;
  try {
    // Loads and compiles (WebAssembly, the JIT's hot paths) on every frame once; not timed.
    for (const { image } of frames) {
      if (decoder.canvas) decoder.canvas.getContext('2d')?.putImageData(image, 0, 0);
      await decoder.decode(copy(image));
    }
    const times: number[] = [];
    const results: DecodeRun['frames'] = [];
    for (const { spec, image } of frames) {
      let read = false;
      let wrong = false;
      if (decoder.canvas) decoder.canvas.getContext('2d')?.putImageData(image, 0, 0);
      for (let r = 0; r < repetitions; r += 1) {
        const frame = copy(image);
        const t0 = performance.now();
        const texts = await decoder.decode(frame);
        times.push(performance.now() - t0);
        if (texts.includes(SLIP_PAYLOAD)) read = true;
        if (texts.some((t) => t !== SLIP_PAYLOAD)) wrong = true;
      }
      results.push({ name: spec.name, hasQr: spec.qr !== null, read, wrong });
    }
    return { times, frames: results };
  } finally {
    decoder.close();
  }
}

declare global {
  interface Window {
    decodeBench?: {
      frames: string[];
      hasBarcodeDetector: boolean;
      run: typeof run;
      show: typeof show;
    };
  }
}

/** Shows frame `index` on the page's canvas, for a person to look at (`decodeBench.show(3)`). */
function show(index: number): void {
  const preview = document.getElementById('preview');
  const frame = frames[index];
  if (preview instanceof HTMLCanvasElement && frame)
    preview.getContext('2d')?.putImageData(frame.image, 0, 0);
}
show(0);

window.decodeBench = {
  frames: FRAMES.map((f) => f.name),
  hasBarcodeDetector: 'BarcodeDetector' in globalThis,
  run,
  show,
};
