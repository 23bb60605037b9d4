export * from './locale';
export * from './flows';
export * from './kioskConfig';
export type * from './idCardRecord';
