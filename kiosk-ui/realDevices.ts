import type { KioskDevices } from '../device-adapters';
import {
  BridgeConnection,
  BridgeFaceVerifier,
  BridgeIdCardReader,
  BrowserDocumentPrinter,
  EscPosReceiptPrinter,
  MediaDocumentCamera,
  PRINTER_MODELS,
  WebSerialTransport,
  WedgeScanner,
  type SerialLike,
} from '../device-adapters/real';

/** Where the local device bridge listens (docs/device-bridge.md). */
export const DEVICE_BRIDGE_URL = 'ws://127.0.0.1:9871/budayang';

/**
 * The drivers for a terminal's hardware: the ID reader and face verifier through the local
 * device bridge, the handheld scanner as a keyboard wedge, the receipt printer over WebSerial
 * (reconnected to the port the browser was allowed before; offline until staff choose one),
 * the document printer through the browser's silent print, the document camera as a UVC camera.
 */
export async function createRealDevices(): Promise<KioskDevices> {
  const bridge = new BridgeConnection(DEVICE_BRIDGE_URL);
  const model = PRINTER_MODELS[0];
  if (!model) throw new Error('PRINTER_MODELS is empty: add the receipt printer model');
  const serial = (navigator as Navigator & { serial?: SerialLike }).serial;
  const transport = serial ? new WebSerialTransport(serial) : null;
  if (transport) {
    await transport
      .reconnect(model.usb)
      .catch((error: unknown) => console.error('Receipt printer port not reopened', error));
  }
  return {
    idCard: new BridgeIdCardReader(bridge),
    face: new BridgeFaceVerifier(bridge),
    scanner: new WedgeScanner(),
    receipt: new EscPosReceiptPrinter(transport ?? disconnectedTransport(), model),
    document: new BrowserDocumentPrinter(),
    camera: new MediaDocumentCamera(),
  };
}

/** A browser without WebSerial has no way to the receipt printer: it shows as offline. */
function disconnectedTransport() {
  return {
    connected: false,
    write: () => Promise.reject(new Error('this browser has no WebSerial')),
    onData: () => () => {},
    onConnection: () => () => {},
  };
}
