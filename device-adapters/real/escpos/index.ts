export { encodeTicket, MAX_QR_BYTES } from './encodeTicket';
export { encodeGb18030 } from './gb18030';
export { PRINTER_MODELS, type ReceiptPrinterModel } from './printerModels';
export {
  STATUS_REQUEST,
  deviceStatusOf,
  parseRealtimeStatus,
  type RealtimeStatus,
} from './realtimeStatus';
export { EscPosReceiptPrinter, type PrinterTransport } from './escPosReceiptPrinter';
export { WebSerialTransport, type SerialLike, type SerialPortLike } from './webSerialTransport';
