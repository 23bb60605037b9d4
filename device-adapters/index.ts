export * from './device';
export type * from './idCardReader';
export type * from './faceVerifier';
export type * from './codeScanner';
export type * from './receiptPrinter';
export type * from './documentPrinter';
export type * from './documentCamera';
export type * from './devices';
