export * from './fileCatalogSource';
