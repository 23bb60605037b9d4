import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import workerUrl from './qrDecodeWorker?worker&url';
import type { CameraScannerPlatform } from './cameraScanner';
import { nativeDecoder, type QrDecoder } from './qrDecoders';

/**
 * The browser side of the camera scanner: getUserMedia, frames through an OffscreenCanvas, and
 * the native detector or ZXing in a module worker. `scriptUrl` vouches for the worker's URL
 * under Trusted Types.
 */
export function browserCameraPlatform(
  scriptUrl: (url: string) => string | TrustedScriptURLLike,
): CameraScannerPlatform {
  return {
    async openCamera() {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'user' },
        audio: false,
      });
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      const canvas = new OffscreenCanvas(video.videoWidth || 640, video.videoHeight || 480);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      return {
        grab() {
          if (!context || video.readyState < 2) return null;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        },
        close() {
          stream.getTracks().forEach((track) => track.stop());
          video.srcObject = null;
        },
      };
    },
    async createDecoder(): Promise<QrDecoder> {
      const native = await nativeDecoder();
      if (native) return native;
      const worker = new Worker(scriptUrl(new URL(workerUrl, location.href).href) as string, {
        type: 'module',
      });
      worker.postMessage({ wasmUrl: new URL(wasmUrl, location.href).href });
      return {
        decode(frame) {
          return new Promise<string[]>((resolve, reject) => {
            worker.onmessage = (event: MessageEvent<{ texts?: string[]; error?: string }>) =>
              event.data.error
                ? reject(new Error(event.data.error))
                : resolve(event.data.texts ?? []);
            worker.onerror = (event) => reject(new Error(event.message));
            worker.postMessage({ frame }, [frame.data.buffer]);
          });
        },
        close() {
          worker.terminate();
        },
      };
    },
  };
}

/** A TrustedScriptURL, as far as this module needs to know it. */
export interface TrustedScriptURLLike {
  toString(): string;
}
