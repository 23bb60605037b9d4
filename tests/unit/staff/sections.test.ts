// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockDevices } from '../../../device-adapters/mock';
import {
  parseKioskConfig,
  type AuditEntry,
  type AuditRecord,
  type FaceLockout,
  type HallAdmin,
  type IssuedTicket,
  type KioskConfig,
  type QueueService,
  type StaffSettings,
} from '../../../domain';
import type { ConsoleServices } from '../../../kiosk-ui/staff/consoleServices';

// The sections read everything through useConsole(); the shell and its PIN pad are not under test.
const shell = vi.hoisted(() => ({ value: null as unknown }));
vi.mock('../../../kiosk-ui/staff/StaffConsole', () => ({ useConsole: () => shell.value }));

const { DevicesSection } = await import('../../../kiosk-ui/staff/sections/DevicesSection');
const { TodaySection } = await import('../../../kiosk-ui/staff/sections/TodaySection');
const { SettingsSection } = await import('../../../kiosk-ui/staff/sections/SettingsSection');
const { AuditSection } = await import('../../../kiosk-ui/staff/sections/AuditSection');

function hallConfig(): KioskConfig {
  const parsed = parseKioskConfig(JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

const NOW = new Date('2026-11-03T02:05:09Z'); // 10:05 on a Tuesday in Shanghai

function fakeAdmin(stored: StaffSettings = {}, log: AuditEntry[] = []) {
  let settings = stored;
  return {
    settings: vi.fn(async () => settings),
    saveSettings: vi.fn(async (next: StaffSettings) => {
      settings = next;
    }),
    auditLog: vi.fn(async () => log),
  } as unknown as HallAdmin & {
    saveSettings: ReturnType<typeof vi.fn>;
    auditLog: ReturnType<typeof vi.fn>;
  };
}

function servicesWith(parts: Partial<ConsoleServices>) {
  const config = hallConfig();
  const audited: AuditRecord[] = [];
  const changed = vi.fn();
  const services: ConsoleServices = {
    admin: fakeAdmin(),
    config,
    fileConfig: config,
    fileCatalog: null as unknown as ConsoleServices['fileCatalog'],
    devices: createMockDevices({ instant: true }).devices,
    queue: null as unknown as QueueService,
    journal: null,
    faceLockout: null,
    now: () => NOW,
    audit: async (record) => {
      audited.push(record);
    },
    ...parts,
  };
  shell.value = { services, staff: null, changed };
  return { services, audited, changed };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const show = async (component: () => preact.JSX.Element) => {
  await act(() => render(h(component, null), root));
  await settle();
};
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const type = async (label: string, value: string) => {
  const field = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = root.querySelector<HTMLInputElement>(`#${field?.htmlFor ?? 'none'}`);
  if (!input) throw new Error(`no field ${label}`);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

describe('DevicesSection', () => {
  it('follows each status, test-prints through the device and audits it, shortens holder keys', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const refusals = [
      {
        id: 'r1',
        at: '2026-11-03T01:00:00Z',
        kioskId: 'kiosk-01',
        holderKey: 'abcdef0123456789',
        kind: 'locked' as const,
        until: '2026-11-04T01:00:00Z',
      },
    ];
    const faceLockout = { refusals: async () => refusals } as unknown as FaceLockout;
    const { audited } = servicesWith({ devices, faceLockout });
    await show(DevicesSection);
    expect(root.textContent).toContain('凭条打印机');

    await act(() => controls.fault('receipt', 'paper-low'));
    const receiptRow = [...root.querySelectorAll('tr')].find((r) =>
      r.textContent?.startsWith('凭条打印机'),
    );
    expect(receiptRow?.textContent).toContain('纸张将尽');
    expect(receiptRow?.textContent).toContain('将尽');
    expect(root.textContent).not.toContain('本页打开后，设备状态没有变化');

    await act(() => controls.clear('receipt'));
    const print = [...root.querySelectorAll('button')].find((b) =>
      b.getAttribute('aria-label')?.startsWith('凭条打印机'),
    );
    await act(() => print?.click());
    await settle();
    expect(root.textContent).toContain('测试页已打印');
    expect(controls.printed().at(-1)?.title).toBe('打印测试页');
    expect(audited).toEqual([
      { action: 'test-print', subject: 'receipt', before: null, after: 'printed' },
    ]);

    await act(() => controls.fault('document', 'jam'));
    const printDocument = [...root.querySelectorAll('button')].find((b) =>
      b.getAttribute('aria-label')?.startsWith('文件打印机'),
    );
    await act(() => printDocument?.click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('测试页打印失败：卡纸');
    expect(audited.at(-1)).toMatchObject({ subject: 'document', after: { error: 'jam' } });

    expect(root.textContent).toContain('abcdef01…');
    expect(root.textContent).not.toContain('abcdef012');
  });
});

describe('TodaySection', () => {
  it('counts today’s tickets per service and the priority ones among them', async () => {
    const ticket = (sequence: number, priority: boolean): IssuedTicket => ({
      id: `t${sequence}`,
      serviceCode: 'tax',
      date: '2026-11-03',
      number: `B00${sequence}`,
      sequence,
      priority,
      issuedAt: NOW.toISOString(),
      waitingAhead: 0,
      printed: true,
    });
    const queue = {
      issued: vi.fn(async (code: string) =>
        code === 'tax' ? [ticket(1, false), ticket(2, true)] : [],
      ),
      placesLeft: vi.fn(async (_code: string, days: readonly string[]) =>
        Object.fromEntries(days.map((day) => [day, { '09:00': 3, '09:30': 4 }])),
      ),
    } as unknown as QueueService;
    servicesWith({ queue });
    await show(TodaySection);
    expect(queue.issued).toHaveBeenCalledWith('tax', '2026-11-03');
    const taxRow = [...root.querySelectorAll('tr')].find((r) =>
      r.querySelector('th')?.textContent?.includes('税'),
    );
    expect(taxRow?.textContent).toContain('21B002');
    // One place of four taken in the first slot, for each of the four services.
    const todayRow = [...root.querySelectorAll('tr')].find((r) =>
      r.querySelector('th')?.textContent?.endsWith('（今天）'),
    );
    expect(todayRow?.textContent).toBe('11月3日 周二（今天）11114');
  });
});

describe('SettingsSection', () => {
  it('refuses a setting that breaks the configuration and saves nothing', async () => {
    const admin = fakeAdmin();
    const { audited, changed } = servicesWith({ admin });
    await show(SettingsSection);
    await type('标准模式无操作超时（秒）', '10');
    await act(() => button('保存').click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('无操作超时');
    expect(admin.saveSettings).not.toHaveBeenCalled();
    expect(audited).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
  });

  it('stores only the fields changed, audits before and after, and says when it takes effect', async () => {
    const admin = fakeAdmin({ hall: { telephone: '0000-11111' } as StaffSettings['hall'] });
    const { audited, changed } = servicesWith({ admin });
    await show(SettingsSection);
    await type('标准模式无操作超时（秒）', '120');
    await act(() => button('保存').click());
    await settle();
    expect(admin.saveSettings).toHaveBeenCalledWith({
      hall: { telephone: '0000-11111' },
      session: { idleSeconds: 120 },
    });
    expect(audited).toEqual([
      {
        action: 'settings-change',
        subject: 'hall/session/defaultLocale',
        before: { 'session.idleSeconds': 90 },
        after: { 'session.idleSeconds': 120 },
      },
    ]);
    expect(changed).toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('已保存，退出后生效。');
  });
});

describe('AuditSection', () => {
  it('lists newest first, cuts long values, exports CSV and audits the export', async () => {
    const long = { text: 'x'.repeat(200) };
    const log: AuditEntry[] = [1, 2].map((seq) => ({
      seq,
      at: NOW.toISOString(),
      kioskId: 'kiosk-01',
      action: seq === 1 ? 'entry' : 'settings-change',
      subject: 'console',
      before: null,
      after: seq === 2 ? long : null,
    }));
    const admin = fakeAdmin({}, log);
    const { audited } = servicesWith({ admin });
    URL.createObjectURL = vi.fn(() => 'blob:audit');
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    await show(AuditSection);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['2', '1']);
    expect(rows[0]?.textContent).toContain('修改终端设置');
    const cut = rows[0]?.querySelector('td[title]');
    expect(cut?.getAttribute('title')).toBe(JSON.stringify(long));
    expect(cut?.textContent).toHaveLength(80);

    await act(() => button('导出 CSV').click());
    await settle();
    expect(clicked).toEqual(['audit-20261103.csv']);
    expect(audited).toEqual([
      {
        action: 'audit-export',
        subject: 'audit-20261103.csv',
        before: null,
        after: { entries: 2 },
      },
    ]);
    expect(admin.auditLog).toHaveBeenCalledTimes(3);
  });
});
