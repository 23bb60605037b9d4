/// <reference lib="webworker" />
// Decodes camera frames off the main thread, so that ZXing's 140–250 ms a frame on a low-end CPU
// never delays a tap. The page posts { wasmUrl } once, then { frame: ImageData } one at a time.
import { zxingDecoder, type QrDecoder } from './qrDecoders';

let decoder: Promise<QrDecoder> | null = null;

self.onmessage = async (event: MessageEvent<{ wasmUrl?: string; frame?: ImageData }>) => {
  if (event.data.wasmUrl) {
    decoder = zxingDecoder({ url: event.data.wasmUrl });
    return;
  }
  if (!event.data.frame || !decoder) return;
  try {
    self.postMessage({ texts: await (await decoder).decode(event.data.frame) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
