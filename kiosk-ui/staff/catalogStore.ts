import { withPinyin, type Catalog } from '../../domain';
import { pinyinOf } from '../../stores/catalog/pinyin';
import type { ConsoleServices } from './consoleServices';

/** The catalog staff work on: the one they last saved, or the hall's file before they ever did. */
export async function catalogInForce(services: ConsoleServices): Promise<Catalog> {
  return (await services.admin.catalog()) ?? (await services.fileCatalog.current());
}

/** Saves a catalog as the citizens will see it: pinyin computed, version raised. */
export async function saveCatalog(services: ConsoleServices, catalog: Catalog): Promise<Catalog> {
  const saved = withPinyin(catalog, pinyinOf, services.now());
  await services.admin.saveCatalog(saved);
  return saved;
}
