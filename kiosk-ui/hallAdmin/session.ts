/**
 * The hall 管理 page's staff session: POST /api/staff/login gives a token (12 h), kept in
 * sessionStorage (gone when the tab closes; never in localStorage, where it would outlive the
 * shift); POST /api/staff/logout ends it on the server. Every refusal is said in Chinese and
 * English, and the typed username is never lost.
 */

export interface StaffSession {
  token: string;
  username: string;
  role: 'admin' | 'window';
  hallId: string;
  /** ISO moment the server ends the session. */
  expiresAt: string;
}

export const SESSION_KEY = 'budayang.hallAdmin.session';

export type LoginOutcome =
  { ok: true; session: StaffSession } | { ok: false; message: { zh: string; en: string } };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const defaultFetch: Fetch = (input, init) => fetch(input, init);

function isSession(value: unknown): value is StaffSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.token === 'string' &&
    typeof s.username === 'string' &&
    (s.role === 'admin' || s.role === 'window') &&
    typeof s.hallId === 'string' &&
    typeof s.expiresAt === 'string'
  );
}

/** The session kept in this tab, if it has not expired (a broken entry is dropped). */
export function storedSession(now: Date, storage: Storage = sessionStorage): StaffSession | null {
  const raw = storage.getItem(SESSION_KEY);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSession(parsed) && Date.parse(parsed.expiresAt) > now.getTime()) return parsed;
  } catch {
    // not JSON: dropped below
  }
  storage.removeItem(SESSION_KEY);
  return null;
}

export function keepSession(session: StaffSession, storage: Storage = sessionStorage): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function forgetSession(storage: Storage = sessionStorage): void {
  storage.removeItem(SESSION_KEY);
}

/** A moment as the hall's clock shows it (date and time to the minute). */
function hallMoment(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString('zh-CN', {
    timeZone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const UNREACHABLE = {
  zh: '无法连接大厅服务器，请检查网络后重试。',
  en: 'The hall server cannot be reached. Check the network and try again.',
};

/** Signs in; a refusal says why (wrong password, locked until when, server out of reach). */
export async function login(
  username: string,
  password: string,
  timeZone: string,
  fetcher: Fetch = defaultFetch,
): Promise<LoginOutcome> {
  if (username.trim() === '' || password === '')
    return {
      ok: false,
      message: { zh: '请输入用户名和密码。', en: 'Enter the username and the password.' },
    };
  let response: Response;
  try {
    response = await fetcher('/api/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim(), password }),
    });
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && isSession(body)) {
    const { token, username: name, role, hallId, expiresAt } = body;
    return { ok: true, session: { token, username: name, role, hallId, expiresAt } };
  }
  if (response.status === 401)
    return {
      ok: false,
      message: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
    };
  if (response.status === 423) {
    const until = typeof body?.lockedUntil === 'string' ? body.lockedUntil : '';
    const shown = until ? hallMoment(until, timeZone) : '';
    return {
      ok: false,
      message: {
        zh: `密码错误次数过多，登录已锁定${shown ? `，请于 ${shown} 后再试` : ''}。`,
        en: `Too many wrong passwords: login is locked${shown ? ` until ${shown}` : ''}.`,
      },
    };
  }
  if (response.status === 400)
    return {
      ok: false,
      message: {
        zh: '用户名或密码格式不对。',
        en: 'The username or password is not in a valid form.',
      },
    };
  return {
    ok: false,
    message: {
      zh: `大厅服务器暂时无法登录（${response.status}），请稍后再试。`,
      en: `The hall server could not sign you in (${response.status}); try again later.`,
    },
  };
}

/** Ends the session on the server (best effort: the token is forgotten here whatever it says). */
export async function logout(session: StaffSession, fetcher: Fetch = defaultFetch): Promise<void> {
  try {
    await fetcher('/api/staff/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
  } catch (error) {
    console.warn('The hall server did not hear the logout; the session ends at its expiry', error);
  }
}
