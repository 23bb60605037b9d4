import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig } from '../../../domain';
import { LAST_GOOD_CONFIG_KEY, loadConfig, type ConfigMemory } from '../../../kiosk-ui/loadConfig';
import { taxService } from '../../support/queueServices';

afterEach(() => vi.unstubAllGlobals());

const serve = (body: string, status = 200) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );

/** A localStorage stand-in: the last good configuration is kept here. */
function memory(lastGood?: KioskConfig): ConfigMemory & { items: Map<string, string> } {
  const items = new Map<string, string>();
  if (lastGood) items.set(LAST_GOOD_CONFIG_KEY, JSON.stringify(lastGood));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A hall's real terminal with 取号 and 预约 (two queue services) and its own hours. */
const hall = JSON.parse(
  JSON.stringify({
    ...DEFAULT_KIOSK_CONFIG,
    kioskId: 'hall-2-east',
    devices: 'real',
    officeHours: { ...DEFAULT_KIOSK_CONFIG.officeHours, open: '08:30' },
    queue: {
      priorityAge: 65,
      services: [taxService(), taxService({ code: 'social', prefix: 'C' })],
    },
  }),
) as KioskConfig;
// The file as JSON.parse gives it: anything goes where a typo is made.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withTypo = (change: (file: any) => void) => {
  const file = JSON.parse(JSON.stringify(hall)) as unknown;
  change(file);
  return JSON.stringify(file);
};

describe('loadConfig', () => {
  it('reads a valid file and remembers it as the last good configuration', async () => {
    const custom = { ...DEFAULT_KIOSK_CONFIG, kioskId: 'hall-2-east' };
    serve(JSON.stringify(custom));
    const kept = memory();
    expect(await loadConfig(undefined, kept)).toEqual({
      usable: true,
      config: custom,
      source: 'file',
      rejected: [],
      problems: [],
    });
    expect(JSON.parse(kept.items.get(LAST_GOOD_CONFIG_KEY) ?? 'null')).toEqual(custom);
  });

  it('a typo in a real terminal never runs the simulator: only the bad field falls back', async () => {
    serve(withTypo((f) => (f.officeHours.open = '8:30')));
    const kept = memory();
    const loaded = await loadConfig(undefined, kept);
    expect(loaded.usable).toBe(true);
    if (!loaded.usable) return;
    expect(loaded.config.devices).toBe('real');
    expect(loaded.config.officeHours.open).toBe(DEFAULT_KIOSK_CONFIG.officeHours.open);
    // 取号 and 预约 stay: the queue services are kept.
    expect(loaded.config.queue.services.map((s) => s.code)).toEqual(['tax', 'social']);
    expect(loaded.config.kioskId).toBe('hall-2-east');
    expect(loaded.rejected).toEqual(['officeHours.open']);
    expect(loaded.problems[0]).toMatch(/^\/kiosk\.config\.json: officeHours\.open: /);
    // A configuration taken field by field is not remembered as good.
    expect(kept.items.has(LAST_GOOD_CONFIG_KEY)).toBe(false);
  });

  it('the last good configuration stands in for a rejected field', async () => {
    serve(withTypo((f) => (f.officeHours.open = '8:30')));
    const loaded = await loadConfig(undefined, memory(hall));
    expect(loaded.usable && loaded.config.officeHours.open).toBe('08:30');
    expect(loaded.usable && loaded.config.devices).toBe('real');
  });

  it('a failing file never changes the device profile of the last good configuration', async () => {
    serve(
      withTypo((f) => {
        f.devices = 'mock';
        f.session.idleSeconds = 5;
      }),
    );
    const loaded = await loadConfig(undefined, memory(hall));
    expect(loaded.usable).toBe(true);
    if (!loaded.usable) return;
    expect(loaded.config.devices).toBe('real');
    expect(loaded.config.session.idleSeconds).toBe(hall.session.idleSeconds);
    expect(loaded.rejected).toEqual(['devices', 'session.idleSeconds']);
  });

  it('without a readable devices value and nothing good before, the kiosk is out of service', async () => {
    serve(withTypo((f) => (f.devices = 'rael')));
    const loaded = await loadConfig(undefined, memory());
    expect(loaded.usable).toBe(false);
    expect(loaded.rejected).toContain('devices');
    expect(loaded.problems.some((p) => p.includes('devices'))).toBe(true);
    expect('config' in loaded).toBe(false);
  });

  it('an unreadable devices value keeps the last good profile', async () => {
    serve(withTypo((f) => delete f.devices));
    const loaded = await loadConfig(undefined, memory(hall));
    expect(loaded.usable && loaded.config.devices).toBe('real');
    expect(loaded.rejected).toEqual(['devices']);
  });

  it('a file that is not JSON, or not there: the last good configuration, else out of service', async () => {
    serve('{ not json');
    const garbled = await loadConfig(undefined, memory());
    expect(garbled.usable).toBe(false);
    expect(garbled.problems[0]).toMatch(/could not be read/);
    serve('gone', 404);
    const gone = await loadConfig(undefined, memory(hall));
    expect(gone).toMatchObject({ usable: true, config: hall, rejected: ['(the whole file)'] });
    expect(gone.problems[0]).toMatch(/HTTP 404/);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = await loadConfig(undefined, memory());
    expect(offline.usable).toBe(false);
    expect(offline.problems[0]).toMatch(/Failed to fetch/);
  });

  it('a remembered configuration that no longer passes is not trusted', async () => {
    const kept = memory();
    kept.items.set(LAST_GOOD_CONFIG_KEY, JSON.stringify({ ...hall, devices: 'laser' }));
    serve(withTypo((f) => (f.devices = 'rael')));
    expect((await loadConfig(undefined, kept)).usable).toBe(false);
  });
});
