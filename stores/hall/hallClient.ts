import type { ErrorBody, HolderSecretBody, LocalizedText } from '../../domain';

/** The `fetch` the client calls: the browser's, or in tests one that hands the request to the app. */
export type HallFetch = (request: Request) => Promise<Response>;

/**
 * The hall server did not answer (no connection, a timeout, 502/503/504): the kiosk goes on
 * from its reserved block and queues what it must tell the server later.
 */
export class HallUnreachableError extends Error {
  /** Read by the flows' failure panels as a device error code. */
  readonly code = 'offline';
  constructor(what: string, cause?: unknown) {
    super(`The hall server did not answer ${what}`, { cause });
    this.name = 'HallUnreachableError';
  }
}

/**
 * The hall server answered with an error the kiosk cannot go round (a bad token, a bad request):
 * a fault of configuration or of this build, for staff, never a citizen's.
 */
export class HallRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    what: string,
  ) {
    super(
      `The hall server refused ${what} (${status} ${body?.error ?? ''}): ${
        body ? textOf(body.message) : 'no reason given'
      }${body?.problems?.length ? ` — ${body.problems.join('; ')}` : ''}`,
    );
    this.name = 'HallRefusedError';
  }
}

function textOf(message: LocalizedText | undefined): string {
  return message ? `${message['zh-CN']} / ${message.en}` : '';
}

export interface HallAnswer<T> {
  status: number;
  body: T;
}

/**
 * One kiosk's calls to its hall server: JSON with the kiosk's bearer token, each try bounded by
 * `timeoutMs`. An answer with a status in `expected` is returned; 502–504, a timeout or no
 * connection is HallUnreachableError; any other status is HallRefusedError.
 */
export class HallClient {
  readonly #base: string;
  readonly #token: string;
  readonly #fetch: HallFetch;
  readonly #timeoutMs: number;

  constructor(options: { url: string; token: string; fetch: HallFetch; timeoutMs: number }) {
    this.#base = baseOf(options.url);
    this.#token = options.token;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
  }

  async call<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    expected: readonly number[],
  ): Promise<HallAnswer<T>> {
    const what = `${method} ${path}`;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new HallUnreachableError(`${what} within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
    });
    try {
      const request = new Request(this.#base + path.replace(/^\//, ''), {
        method,
        headers: {
          authorization: `Bearer ${this.#token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
      const response = await Promise.race([
        this.#fetch(request).catch((error: unknown) => {
          throw new HallUnreachableError(what, error);
        }),
        timedOut,
      ]);
      const parsed = await Promise.race([readJson(response), timedOut]);
      if (expected.includes(response.status)) return { status: response.status, body: parsed as T };
      if (response.status >= 502 && response.status <= 504)
        throw new HallUnreachableError(`${what} (${response.status})`);
      throw new HallRefusedError(response.status, asErrorBody(parsed), what);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The server's address as a base for relative paths: `/` and `https://hall/` alike end in `/`. */
function baseOf(url: string): string {
  const absolute =
    url.startsWith('/') && typeof location !== 'undefined' ? new URL(url, location.href).href : url;
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch((error: unknown) => {
    throw new HallUnreachableError('(the answer was cut off)', error);
  });
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function asErrorBody(value: unknown): ErrorBody | null {
  return typeof value === 'object' && value !== null && 'error' in value
    ? (value as ErrorBody)
    : null;
}

/**
 * The hall's card-key secret (GET /api/kiosk/holder-secret, with this kiosk's token): what every
 * kiosk of the hall keys ID cards with, so a card gives one key at all of them.
 */
export async function fetchHolderSecret(options: {
  url: string;
  token: string;
  fetch?: HallFetch;
  timeoutMs?: number;
}): Promise<string> {
  const client = new HallClient({
    url: options.url,
    token: options.token,
    fetch: options.fetch ?? ((request) => fetch(request)),
    timeoutMs: options.timeoutMs ?? 3000,
  });
  const { body } = await client.call<HolderSecretBody>(
    'GET',
    '/api/kiosk/holder-secret',
    undefined,
    [200],
  );
  if (typeof body?.secret !== 'string' || body.secret.length < 40)
    throw new Error('The hall server sent no card-key secret');
  return body.secret;
}
