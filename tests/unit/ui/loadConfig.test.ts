import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KIOSK_CONFIG } from '../../../domain';
import { loadConfig } from '../../../kiosk-ui/loadConfig';

afterEach(() => vi.unstubAllGlobals());

const serve = (body: string, status = 200) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );

describe('loadConfig', () => {
  it('reads a valid file', async () => {
    const custom = { ...DEFAULT_KIOSK_CONFIG, kioskId: 'hall-2-east' };
    serve(JSON.stringify(custom));
    expect(await loadConfig()).toEqual({ config: custom, problems: [] });
  });

  it('runs on the defaults and names every problem of a malformed file', async () => {
    serve(
      JSON.stringify({
        ...DEFAULT_KIOSK_CONFIG,
        devices: 'laser',
        session: { ...DEFAULT_KIOSK_CONFIG.session, idleSeconds: 5 },
      }),
    );
    const { config, problems } = await loadConfig();
    expect(config).toBe(DEFAULT_KIOSK_CONFIG);
    expect(problems.some((p) => p.includes('devices'))).toBe(true);
    expect(
      problems.some((p) => p.includes('session.idleSeconds') && p.includes('at least 20')),
    ).toBe(true);
  });

  it('survives a file that is not JSON, or not there', async () => {
    serve('{ not json');
    expect((await loadConfig()).problems[0]).toMatch(/could not be read/);
    serve('gone', 404);
    expect((await loadConfig()).problems[0]).toMatch(/HTTP 404/);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = await loadConfig();
    expect(offline.config).toBe(DEFAULT_KIOSK_CONFIG);
    expect(offline.problems[0]).toMatch(/Failed to fetch/);
  });
});
