export { FLOWS } from './list';
export * from './flowModule';
export { FlowCatalogue } from './flowCatalogue';
