import { parseCatalog, type Catalog, type CatalogProblem, type CatalogSource } from '../../domain';

/** The catalog file could not be read, or is not a valid catalog (every problem located). */
export class CatalogUnavailableError extends Error {
  readonly code = 'offline';
  constructor(
    message: string,
    readonly problems: readonly CatalogProblem[] = [],
  ) {
    super(message);
    this.name = 'CatalogUnavailableError';
  }
}

/**
 * The catalog as the hall's file gives it (`public/catalog.json`, written with its pinyin by
 * `npm run seed:catalog` or exported by the staff console): the network first, the service
 * worker's last copy offline. The newest valid catalog read is kept for the page's life, so a
 * file broken later does not take the items away.
 */
export class FileCatalogSource implements CatalogSource {
  readonly #url: string;
  readonly #fetch: typeof fetch;
  #last: Catalog | null = null;

  constructor(options: { url?: string; fetch?: typeof fetch } = {}) {
    this.#url = options.url ?? '/catalog.json';
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async current(): Promise<Catalog> {
    let raw: unknown;
    try {
      const response = await this.#fetch(this.#url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      raw = await response.json();
    } catch (error) {
      if (this.#last) return this.#last;
      throw new CatalogUnavailableError(
        `${this.#url}: could not be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const parsed = parseCatalog(raw);
    if (!parsed.ok) {
      if (this.#last) return this.#last;
      throw new CatalogUnavailableError(`${this.#url}: not a valid catalog`, parsed.problems);
    }
    if (!this.#last || parsed.catalog.version >= this.#last.version) this.#last = parsed.catalog;
    return this.#last;
  }
}
