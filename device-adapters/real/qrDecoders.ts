import { prepareZXingModule, readBarcodes, type ZXingModuleOverrides } from 'zxing-wasm/reader';

/** Decodes the QR codes in one camera frame. */
export interface QrDecoder {
  decode(frame: ImageData): Promise<string[]>;
  /** Frees what the decoder holds (a worker, a WebAssembly instance). */
  close(): void;
}

/**
 * ZXing compiled to WebAssembly. Its .wasm is served by the kiosk itself (never a CDN): the
 * caller gives either its URL (browser, worker) or its bytes (Node tests, benchmarks).
 */
export async function zxingDecoder(
  wasm: { url: string } | { bytes: ArrayBuffer },
): Promise<QrDecoder> {
  const overrides: ZXingModuleOverrides =
    'url' in wasm
      ? {
          locateFile: (path: string, prefix: string) =>
            path.endsWith('.wasm') ? wasm.url : prefix + path,
        }
      : { wasmBinary: wasm.bytes };
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    async decode(frame) {
      const results = await readBarcodes(frame, {
        formats: ['QRCode'],
        maxNumberOfSymbols: 4,
        tryHarder: true,
      });
      return results.filter((r) => r.isValid).map((r) => r.text);
    },
    close() {},
  };
}

/** The browser's own BarcodeDetector (Chromium on ChromeOS, macOS and Android), when it reads QR. */
export async function nativeDecoder(): Promise<QrDecoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  const formats: string[] = await Detector.getSupportedFormats().catch(() => []);
  if (!formats.includes('qr_code')) return null;
  const detector = new Detector({ formats: ['qr_code'] });
  return {
    async decode(frame) {
      return (await detector.detect(frame)).map((code) => code.rawValue);
    },
    close() {},
  };
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): {
    detect(image: ImageData): Promise<Array<{ rawValue: string }>>;
  };
  getSupportedFormats(): Promise<string[]>;
}
