import type { ErrorBody, ErrorCode } from '../../domain/hallProtocol';
import type { LocalizedText } from '../../domain/locale';
import { MESSAGES } from './messages';

/** A request to the hall server that did not succeed, with what to tell the person in both languages. */
export class HallRequestError extends Error {
  /** 0 when the server did not answer at all. */
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly text: LocalizedText;
  readonly body: ErrorBody | null;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    text: LocalizedText,
    body: ErrorBody | null,
  ) {
    super(`${status} ${code}: ${text.en}`);
    this.name = 'HallRequestError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.body = body;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** A staff session token (Authorization: Bearer …). */
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** JSON to and from the hall server's /api, same origin. */
export async function hallRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetchFn(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 8_000),
    });
  } catch {
    throw new HallRequestError(0, 'network', MESSAGES.serverUnreachable, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = isErrorBody(body) ? body : null;
  throw new HallRequestError(
    response.status,
    error?.error ?? codeOf(response.status),
    error?.message ?? fallbackText(response.status),
    error,
  );
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (!body || typeof body !== 'object' || !('error' in body) || !('message' in body)) return false;
  const message = body.message;
  return (
    typeof body.error === 'string' &&
    !!message &&
    typeof message === 'object' &&
    'zh-CN' in message &&
    'en' in message
  );
}

function codeOf(status: number): ErrorCode {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'refused';
  if (status === 423) return 'locked';
  return 'unavailable';
}

function fallbackText(status: number): LocalizedText {
  if (status === 401) return MESSAGES.wrongLogin;
  if (status === 423) return MESSAGES.locked;
  if (status === 403) return MESSAGES.forbidden;
  if (status === 409) return MESSAGES.refused;
  if (status >= 500) return MESSAGES.serverTrouble;
  return MESSAGES.requestFailed;
}
