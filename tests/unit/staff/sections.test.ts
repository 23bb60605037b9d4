// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockDevices } from '../../../device-adapters/mock';
import {
  parseKioskConfig,
  type Appointment,
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
    deviceEvents: vi.fn(async () => [
      { at: '2026-11-02T15:00:00Z', device: 'idCard', what: 'card-left' },
    ]),
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
    // What was kept before this page (a card left behind), under the change seen live.
    const events = [...root.querySelectorAll('table')].find((t) =>
      t.textContent?.includes('遗留在读卡器上'),
    );
    const rows = [...(events?.querySelectorAll('tbody tr') ?? [])].map((r) => r.textContent);
    expect(rows[0]).toContain('纸张将尽');
    expect(rows.at(-1)).toContain('办事结束时身份证仍在读卡器上');

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
  const appointment = (
    id: string,
    date: string,
    start: string,
    end: string,
    over: Partial<Appointment> = {},
  ): Appointment => ({
    id,
    serviceCode: 'tax',
    date,
    slot: { start, end },
    maskedId: null,
    maskedPhone: `138****000${id.slice(1)}`,
    bookedAt: '2026-11-01T02:00:00.000Z',
    ticketId: null,
    ...over,
  });
  const booked = appointment('a1', '2026-11-03', '09:00', '09:30');
  const listed = [
    booked,
    appointment('a2', '2026-11-03', '10:00', '10:30', { ticketId: 't9' }),
    appointment('a3', '2026-11-03', '10:00', '10:30', {
      serviceCode: 'business-registration',
      cancelledAt: '2026-11-02T01:00:00.000Z',
      cancelReason: '本人来电',
    }),
    appointment('a4', '2026-11-04', '14:00', '14:30', {
      movedFrom: { date: '2026-11-03', slot: { start: '09:30', end: '10:00' } },
    }),
  ];
  const DAYS = ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10'];
  const fakeQueue = (over: Partial<Record<keyof QueueService, unknown>> = {}) =>
    ({
      issued: vi.fn(async (code: string) =>
        code === 'tax' ? [ticket(1, false), ticket(2, true)] : [],
      ),
      // Every slot has room, but 10:00 today and 14:00 tomorrow (tax) are full.
      placesLeft: vi.fn(async (code: string, days: readonly string[]) =>
        Object.fromEntries(
          days.map((day) => [
            day,
            {
              '09:00': 4,
              '09:30': 4,
              '10:00': day === '2026-11-03' ? 0 : 4,
              '14:00': day === '2026-11-04' && code === 'tax' ? 0 : 3,
            },
          ]),
        ),
      ),
      appointments: vi.fn(async () => listed),
      cancelAppointment: vi.fn(async () => ({
        ok: true,
        appointment: { ...booked, cancelledAt: NOW.toISOString(), cancelReason: '本人来电取消' },
      })),
      moveAppointment: vi.fn(),
      ...over,
    }) as unknown as QueueService & Record<keyof QueueService, ReturnType<typeof vi.fn>>;
  const tableOf = (caption: string) =>
    [...root.querySelectorAll('table')].find(
      (t) => t.querySelector('caption')?.textContent === caption,
    );
  const rowsOf = (caption: string) =>
    [...(tableOf(caption)?.querySelectorAll('tbody tr') ?? [])].map((r) =>
      [...r.children].map((cell) => cell.textContent),
    );
  const action = (label: string) => {
    const found = [...root.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === label,
    );
    if (!found) throw new Error(`no button ${label}`);
    return found;
  };
  const choose = async (label: string, value: string) => {
    const field = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
    const select = root.querySelector<HTMLSelectElement>(`#${field?.htmlFor ?? 'none'}`);
    if (!select) throw new Error(`no select ${label}`);
    await act(() => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  const optionsOf = (label: string) => {
    const field = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
    return [...root.querySelectorAll(`#${field?.htmlFor ?? 'none'} option`)].map(
      (o) => o.textContent,
    );
  };
  const alerts = () =>
    [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent).filter(Boolean);
  const A1 = '11月3日 周二（今天） 09:00–09:30 税务办理 138****0001';

  it('counts today’s tickets and lists each day’s appointments with their state', async () => {
    const queue = fakeQueue();
    servicesWith({ queue });
    await show(TodaySection);
    expect(queue.issued).toHaveBeenCalledWith('tax', '2026-11-03');
    const taxRow = [...root.querySelectorAll('tr')].find((r) =>
      r.querySelector('th')?.textContent?.includes('税'),
    );
    expect(taxRow?.textContent).toContain('21B002');
    expect(queue.appointments).toHaveBeenCalledWith(DAYS);
    expect(rowsOf('11月3日 周二（今天）的预约')).toEqual([
      ['09:00–09:30', '税务办理', '138****0001', '已预约', '取消改期'],
      ['10:00–10:30', '税务办理', '138****0002', '已签到', ''],
      ['10:00–10:30', '商事登记', '138****0003', '已取消（本人来电）', ''],
    ]);
    expect(rowsOf('11月4日 周三（明天）的预约')).toEqual([
      [
        '14:00–14:30',
        '税务办理',
        '138****0004',
        '已改期（原 11月3日 周二（今天） 09:30–10:00）',
        '取消改期',
      ],
    ]);
    expect(rowsOf('11月5日 周四的预约')).toEqual([['没有预约。']]);
    expect(
      tableOf('11月3日 周二（今天）的预约')?.querySelector('tbody th')?.getAttribute('scope'),
    ).toBe('row');
    // Only what is neither checked in nor cancelled can be changed.
    expect(
      [...root.querySelectorAll('button')]
        .map((b) => b.getAttribute('aria-label'))
        .filter((l) => l?.startsWith('取消：')),
    ).toEqual(
      [A1, '11月4日 周三（明天） 14:00–14:30 税务办理 138****0004'].map((w) => `取消：${w}`),
    );
    expect(root.textContent).not.toContain('推算');
  });

  it('cancels with a reason only, audits it, and reads the list again', async () => {
    const queue = fakeQueue();
    const { audited, changed } = servicesWith({ queue });
    await show(TodaySection);
    await act(() => action(`取消：${A1}`).click());
    expect(root.querySelector('form h4')?.textContent).toBe(`取消预约：${A1}`);
    expect(document.activeElement?.id).toBe('staff-appointment-reason');
    await type('原因', '   ');
    await act(() => button('确认取消').click());
    await settle();
    expect(alerts()).toEqual(['请填写原因。']);
    expect(queue.cancelAppointment).not.toHaveBeenCalled();

    await type('原因', ' 本人来电取消 ');
    await act(() => button('确认取消').click());
    await settle();
    expect(queue.cancelAppointment).toHaveBeenCalledWith('a1', '本人来电取消', NOW);
    expect(audited).toEqual([
      {
        action: 'appointment-cancel',
        subject: 'a1',
        before: { serviceCode: 'tax', date: '2026-11-03', slot: '09:00-09:30', state: 'booked' },
        after: { state: 'cancelled', reason: '本人来电取消' },
      },
    ]);
    expect(changed).toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(`已取消：${A1}。`);
    expect(root.querySelector('form')).toBeNull();
    expect(queue.appointments).toHaveBeenCalledTimes(2);
    expect(alerts()).toEqual([]);
  });

  it('moves to a day and a slot with room, says when the slot filled meanwhile, and audits the move', async () => {
    const moved = {
      ...booked,
      date: '2026-11-04',
      slot: { start: '09:30', end: '10:00' },
      movedFrom: { date: booked.date, slot: booked.slot },
    };
    const queue = fakeQueue({
      moveAppointment: vi
        .fn()
        .mockResolvedValueOnce({ ok: false, reason: 'slot-full' })
        .mockResolvedValueOnce({ ok: true, appointment: moved }),
    });
    const { audited, changed } = servicesWith({ queue });
    await show(TodaySection);
    await act(() => action(`改期：${A1}`).click());
    expect(optionsOf('改到日期')).toHaveLength(DAYS.length);
    // Today: not the slot it is in, nor the full one.
    expect(optionsOf('改到时段')[0]).toBe('09:30–10:00（余 4 个）');
    expect(optionsOf('改到时段')).not.toContain('10:00–10:30（余 0 个）');
    await choose('改到日期', '2026-11-04');
    expect(optionsOf('改到时段').slice(0, 3)).toEqual([
      '09:00–09:30（余 4 个）',
      '09:30–10:00（余 4 个）',
      '10:00–10:30（余 4 个）',
    ]);
    expect(optionsOf('改到时段').join()).not.toContain('14:00');
    await choose('改到时段', '09:30');
    await act(() => button('确认改期').click());
    await settle();
    expect(alerts()).toEqual(['请填写原因。']);
    expect(queue.moveAppointment).not.toHaveBeenCalled();

    await type('原因', '窗口调整');
    const placesRead = queue.placesLeft.mock.calls.length;
    await act(() => button('确认改期').click());
    await settle();
    expect(alerts()).toEqual(['所选时段已约满，请另选时段。']);
    expect(queue.placesLeft.mock.calls.length).toBeGreaterThan(placesRead);
    expect(changed).not.toHaveBeenCalled();
    expect(audited).toEqual([]);

    await act(() => button('确认改期').click());
    await settle();
    const to = { date: '2026-11-04', slot: { start: '09:30', end: '10:00' } };
    expect(queue.moveAppointment).toHaveBeenLastCalledWith('a1', to, '窗口调整', NOW);
    expect(audited).toEqual([
      {
        action: 'appointment-move',
        subject: 'a1',
        before: { serviceCode: 'tax', date: '2026-11-03', slot: '09:00-09:30' },
        after: { serviceCode: 'tax', date: '2026-11-04', slot: '09:30-10:00', reason: '窗口调整' },
      },
    ]);
    expect(changed).toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      `已改期：${A1}，改到 11月4日 周三（明天） 09:30–10:00。`,
    );
    expect(root.querySelector('form')).toBeNull();
  });

  it('a refusal from a stale list closes the form and says why', async () => {
    const queue = fakeQueue({
      cancelAppointment: vi.fn(async () => ({ ok: false, reason: 'checked-in' })),
    });
    const { audited, changed } = servicesWith({ queue });
    await show(TodaySection);
    await act(() => action(`取消：${A1}`).click());
    await type('原因', '来不了');
    await act(() => button('确认取消').click());
    await settle();
    expect(alerts()).toEqual(['该预约已签到，不能取消或改期。']);
    expect(root.querySelector('form')).toBeNull();
    expect(audited).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
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

  it('takes a hall time zone the browser knows, and refuses one it does not', async () => {
    const admin = fakeAdmin();
    const { audited } = servicesWith({ admin });
    await show(SettingsSection);
    await type('大厅时区（IANA 名称，如 Asia/Shanghai）', 'Mars/Olympus');
    await act(() => button('保存').click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('时区');
    expect(admin.saveSettings).not.toHaveBeenCalled();
    await type('大厅时区（IANA 名称，如 Asia/Shanghai）', 'Asia/Urumqi');
    await act(() => button('保存').click());
    await settle();
    expect(admin.saveSettings).toHaveBeenCalledWith({ hall: { timeZone: 'Asia/Urumqi' } });
    expect(audited.at(-1)?.after).toEqual({ 'hall.timeZone': 'Asia/Urumqi' });
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

  it('says when the audit line could not be written, and the change stands', async () => {
    const admin = fakeAdmin();
    const { changed } = servicesWith({
      admin,
      audit: () => Promise.reject(new Error('quota')),
    });
    await show(SettingsSection);
    await type('标准模式无操作超时（秒）', '120');
    await act(() => button('保存').click());
    await settle();
    expect(admin.saveSettings).toHaveBeenCalledWith({ session: { idleSeconds: 120 } });
    expect(changed).toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('已保存，退出后生效。');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('审计日志未能写入');
  });
});

describe('AuditSection', () => {
  it('names the hall server’s own lines (logins, window work) in Chinese, and an unknown one as written', async () => {
    const log = (['login', 'call-next', 'something-new'] as const).map((action, i) => ({
      seq: i + 1,
      at: NOW.toISOString(),
      kioskId: 'admin',
      action: action as unknown as AuditEntry['action'],
      subject: '',
      before: null,
      after: null,
    }));
    servicesWith({ admin: fakeAdmin({}, log) });
    await show(AuditSection);
    const names = [...root.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(names[0]).toContain('something-new');
    expect(names[1]).toContain('叫号');
    expect(names[2]).toContain('登录');
  });

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
