import { describe, expect, it } from 'vitest';
import { HallRequestError, hallRequest } from '../../../hall-server/pages/hallClient';

const answering =
  (response: () => Response): typeof fetch =>
  async () =>
    response();

async function failure(promise: Promise<unknown>): Promise<HallRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HallRequestError))
    throw new Error(`expected a HallRequestError: ${error}`);
  return error;
}

describe('hallRequest', () => {
  it('sends JSON with the staff token, and reads the answer', async () => {
    let seen: RequestInit | undefined;
    const answer = await hallRequest<{ ok: boolean }>('/api/windows/3/transfer', {
      method: 'POST',
      token: 'abc',
      body: { serviceCode: 'tax' },
      fetch: async (_url, init) => {
        seen = init;
        return Response.json({ ok: true });
      },
    });
    expect(answer).toEqual({ ok: true });
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{"serviceCode":"tax"}');
    expect(seen?.headers).toMatchObject({
      authorization: 'Bearer abc',
      'content-type': 'application/json',
    });
  });

  it("passes on the server's own words for a refusal", async () => {
    const message = { 'zh-CN': '没有等候的号', en: 'Nobody is waiting for this window' };
    const error = await failure(
      hallRequest('/api/windows/3/call-next', {
        fetch: answering(() => Response.json({ error: 'queue-empty', message }, { status: 404 })),
      }),
    );
    expect(error.status).toBe(404);
    expect(error.code).toBe('queue-empty');
    expect(error.text).toEqual(message);
  });

  it('says the server does not answer when the request never arrives', async () => {
    const error = await failure(
      hallRequest('/api/windows', {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
    expect(error.text['zh-CN']).toBe('连接不上叫号服务器，请稍后再试');
  });

  it('has words of its own for an answer that is not ours (a proxy, a server starting)', async () => {
    const error = await failure(
      hallRequest('/api/display', {
        fetch: answering(() => new Response('<html>Bad Gateway</html>', { status: 502 })),
      }),
    );
    expect(error.code).toBe('unavailable');
    expect(error.text.en).toMatch(/cannot do this right now/);
    const wrong = await failure(
      hallRequest('/api/staff/login', {
        fetch: answering(() => new Response('', { status: 401 })),
      }),
    );
    expect(wrong.text).toEqual({ 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' });
  });
});
