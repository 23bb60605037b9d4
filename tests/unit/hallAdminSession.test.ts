import { describe, expect, it } from 'vitest';
import {
  SESSION_KEY,
  forgetSession,
  keepSession,
  login,
  storedSession,
  type StaffSession,
} from '../../kiosk-ui/hallAdmin/session';

/** sessionStorage's part that the page uses, kept in a Map. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

const SESSION: StaffSession = {
  token: 't'.repeat(43),
  username: 'admin',
  role: 'admin',
  hallId: 'demo',
  expiresAt: '2026-12-02T12:00:00.000Z',
};

const answering =
  (status: number, body: unknown) =>
  async (_url: string, init?: RequestInit): Promise<Response> => {
    expect(init?.method).toBe('POST');
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };

describe('the 管理 page login', () => {
  it('keeps the session the server hands out', async () => {
    const sent: unknown[] = [];
    const outcome = await login(' admin ', '246810', 'Asia/Shanghai', async (url, init) => {
      expect(url).toBe('/api/staff/login');
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(SESSION), { status: 200 });
    });
    expect(outcome).toEqual({ ok: true, session: SESSION });
    expect(sent).toEqual([{ username: 'admin', password: '246810' }]);
  });

  it('says a wrong password, a lock with its end in hall time, and an unreachable server in both languages', async () => {
    expect(await login('admin', 'x', 'Asia/Shanghai', answering(401, {}))).toEqual({
      ok: false,
      message: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
    });
    const locked = await login(
      'admin',
      'x',
      'Asia/Shanghai',
      answering(423, { error: 'locked', lockedUntil: '2026-12-02T02:05:00.000Z' }),
    );
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.message.zh).toMatch(/登录已锁定，请于 .*10:05 后再试/);
      expect(locked.message.en).toMatch(/login is locked until .*10:05/);
    }
    const down = await login('admin', 'x', 'Asia/Shanghai', () =>
      Promise.reject(new TypeError('fetch failed')),
    );
    expect(down.ok === false && down.message.en).toMatch(/cannot be reached/);
  });

  it('asks for both fields before it calls the server', async () => {
    const outcome = await login('  ', '', 'Asia/Shanghai', () => {
      throw new Error('must not be called');
    });
    expect(outcome).toEqual({
      ok: false,
      message: { zh: '请输入用户名和密码。', en: 'Enter the username and the password.' },
    });
  });
});

describe('the session kept in the tab', () => {
  it('is read back until it expires, and a broken entry is dropped', () => {
    const storage = memoryStorage();
    keepSession(SESSION, storage);
    expect(storedSession(new Date('2026-12-02T11:59:00Z'), storage)).toEqual(SESSION);
    expect(storedSession(new Date('2026-12-02T12:00:00Z'), storage)).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    storage.setItem(SESSION_KEY, '{not json');
    expect(storedSession(new Date('2026-12-02T11:00:00Z'), storage)).toBeNull();
    keepSession(SESSION, storage);
    forgetSession(storage);
    expect(storage.length).toBe(0);
  });
});
