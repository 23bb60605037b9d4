export * from './mockApplicationDesk';
