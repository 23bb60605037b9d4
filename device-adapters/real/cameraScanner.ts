import type { CodeScanner, ScannedCode } from '../codeScanner';
import { DeviceError, type Unsubscribe } from '../device';
import { StatusDevice } from '../shared/statusCell';
import type { QrDecoder } from './qrDecoders';

/** What the camera scanner needs of the browser; tests hand in fakes. */
export interface CameraScannerPlatform {
  openCamera(): Promise<{ grab(): ImageData | null; close(): void }>;
  /** The native detector where the browser has one, else a decoder in a worker. */
  createDecoder(): Promise<QrDecoder>;
}

export interface CameraScannerOptions {
  /** Time between frames looked at; at most one frame is being decoded at any time. */
  frameMs?: number;
  /** ZXing in WebAssembly is reported to grow memory over long runs: start it afresh this often. */
  restartMs?: number;
  /** The same code seen again within this time is the same scan. */
  repeatMs?: number;
}

/**
 * Codes shown to the camera, for the flows that wait for one: the camera runs only between
 * start() and an awaited stop(), which releases the stream and the decoder (html5-qrcode issues
 * #35 and #661 are about scanners left running). html5-qrcode itself is not used here: its
 * decoding runs ZXing in JavaScript on the main thread, which blocks taps on a kiosk's CPU; the
 * benchmark compares it with this decoder on the same images.
 */
export class CameraScanner extends StatusDevice<'scanner'> implements CodeScanner {
  readonly #platform: CameraScannerPlatform;
  readonly #frameMs: number;
  readonly #restartMs: number;
  readonly #repeatMs: number;
  #listeners = new Set<(code: ScannedCode) => void>();
  #camera: { grab(): ImageData | null; close(): void } | null = null;
  #decoder: QrDecoder | null = null;
  #loop: ReturnType<typeof setInterval> | undefined;
  #restart: ReturnType<typeof setInterval> | undefined;
  #inFlight = false;
  #last: { text: string; at: number } | null = null;
  /** How many times the decoder was started afresh (for the soak benchmark). */
  restarts = 0;

  constructor(platform: CameraScannerPlatform, options: CameraScannerOptions = {}) {
    super('scanner', 'online');
    this.#platform = platform;
    this.#frameMs = options.frameMs ?? 150;
    this.#restartMs = options.restartMs ?? 10 * 60_000;
    this.#repeatMs = options.repeatMs ?? 2_000;
  }

  get running(): boolean {
    return this.#camera !== null;
  }

  onCode(listener: (code: ScannedCode) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.#camera) return;
    try {
      this.#camera = await this.#platform.openCamera();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const code = name === 'NotAllowedError' ? 'permission-denied' : 'offline';
      this.setStatus(code === 'offline' ? 'offline' : 'hardware-error');
      throw new DeviceError(
        'scanner',
        code,
        `the camera could not be opened: ${name || String(error)}`,
        { cause: error },
      );
    }
    this.#decoder = await this.#platform.createDecoder();
    this.setStatus('online');
    this.#loop = setInterval(() => void this.#look(), this.#frameMs);
    this.#restart = setInterval(() => void this.#renewDecoder(), this.#restartMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#loop);
    clearInterval(this.#restart);
    this.#camera?.close();
    this.#camera = null;
    this.#decoder?.close();
    this.#decoder = null;
    this.#last = null;
  }

  async #renewDecoder(): Promise<void> {
    const old = this.#decoder;
    this.#decoder = await this.#platform.createDecoder();
    old?.close();
    this.restarts += 1;
  }

  async #look(): Promise<void> {
    if (this.#inFlight || !this.#camera || !this.#decoder) return;
    const frame = this.#camera.grab();
    if (!frame) return;
    this.#inFlight = true;
    try {
      const texts = await this.#decoder.decode(frame);
      const now = Date.now();
      for (const text of texts) {
        if (this.#last && this.#last.text === text && now - this.#last.at < this.#repeatMs)
          continue;
        this.#last = { text, at: now };
        for (const listener of [...this.#listeners]) listener({ text, source: 'camera', at: now });
      }
      if (this.status === 'hardware-error') this.setStatus('online');
    } catch {
      // A decoder that failed is replaced; the camera keeps running.
      this.setStatus('hardware-error');
      await this.#renewDecoder();
    } finally {
      this.#inFlight = false;
    }
  }
}
