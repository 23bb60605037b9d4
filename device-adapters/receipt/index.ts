export { encodeTicket, wrapText, qrModuleDots, CHINESE_MODE } from './encodeTicket';
export { encodeGb18030 } from './gb18030';
export {
  PRINTER_MODELS,
  printerModel,
  type PrinterModel,
  type PrinterModelId,
  type EncoderPrinterModel,
} from './printerModels';
export {
  REALTIME_STATUS_REQUEST,
  PRESENTER_STATUS_REQUEST,
  parseRealtimeStatus,
  isRealtimeStatusByte,
  isTicketAtExit,
  type RealtimeAnswers,
} from './realtimeStatus';
export { PrinterAnswerReader, processIdRequest, type PrinterAnswer } from './printerAnswers';
export type { ReceiptTransport, ReceiptTransportEvents, UsbIds } from './receiptTransport';
export { WebSerialTransport, type WebSerialTransportOptions } from './webSerialTransport';
export { WebUsbTransport, type WebUsbTransportOptions } from './webUsbTransport';
export { EscPosReceiptPrinter, type EscPosReceiptPrinterOptions } from './escPosReceiptPrinter';
export type * from './webPlatform';
