import type { Catalog, CatalogSource, HallAdmin } from '../../domain';

/**
 * The catalog as staff last saved it in the console, or the fallback's (the hall's file) when
 * they never did. A store that cannot be read does not stop the kiosk: the fallback serves.
 */
export class AdminCatalogSource implements CatalogSource {
  readonly #admin: Pick<HallAdmin, 'catalog'>;
  readonly #fallback: CatalogSource;
  #reported = false;

  constructor(admin: Pick<HallAdmin, 'catalog'>, fallback: CatalogSource) {
    this.#admin = admin;
    this.#fallback = fallback;
  }

  async current(): Promise<Catalog> {
    let saved: Catalog | null = null;
    try {
      saved = await this.#admin.catalog();
    } catch (error) {
      // Once: the catalog is read on every visit, and one broken store should not flood the log.
      if (!this.#reported) {
        this.#reported = true;
        console.error('The staff catalog could not be read; serving the file’s', error);
      }
    }
    return saved ?? this.#fallback.current();
  }
}
