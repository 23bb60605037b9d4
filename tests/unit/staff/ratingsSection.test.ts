// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockDevices } from '../../../device-adapters/mock';
import {
  parseKioskConfig,
  type AuditRecord,
  type HallAdmin,
  type KioskConfig,
  type QueueService,
  type Rating,
  type RatingLevel,
  type RatingOffer,
  type WorkOrder,
} from '../../../domain';
import type { ConsoleServices } from '../../../kiosk-ui/staff/consoleServices';

// The section reads everything through useConsole(); the shell and its PIN pad are not under test.
const shell = vi.hoisted(() => ({ value: null as unknown }));
vi.mock('../../../kiosk-ui/staff/StaffConsole', () => ({ useConsole: () => shell.value }));

const { RatingsSection } = await import('../../../kiosk-ui/staff/sections/RatingsSection');

function hallConfig(): KioskConfig {
  const parsed = parseKioskConfig(JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

const NOW = new Date('2026-11-03T02:05:09Z'); // 10:05 on a Tuesday in Shanghai

const rating = (
  id: string,
  level: RatingLevel,
  at: string,
  over: Partial<Rating> = {},
): Rating => ({
  id,
  at,
  kioskId: 'kiosk-01',
  subject: { flow: 'queue', itemCode: null, title: '取号 A012', service: 'tax', key: `t-${id}` },
  level,
  reasons: [],
  otherText: null,
  callbackPhone: null,
  ...over,
});

const order = (ratingId: string, dueDate: string, over: Partial<WorkOrder> = {}): WorkOrder => ({
  id: ratingId,
  ratingId,
  openedAt: '2026-10-01T01:30:00.000Z',
  dueDate,
  state: 'open',
  callBacks: [],
  rectification: null,
  rectifiedAt: null,
  closedAt: null,
  closingNote: null,
  ...over,
});

const RATINGS: Rating[] = [
  rating('r1', 'very-dissatisfied', '2026-10-01T01:30:00.000Z', {
    subject: {
      flow: 'licencePrint',
      itemCode: 'BL-001',
      title: '营业执照打印',
      service: null,
      key: 'job-1',
    },
    reasons: ['attitude', 'other'],
    otherText: '等了很久',
    callbackPhone: '13800001111',
  }),
  rating('r2', 'dissatisfied', '2026-11-02T01:00:00.000Z', { reasons: ['efficiency'] }),
  rating('r3', 'dissatisfied', '2026-10-30T06:00:00.000Z', { reasons: ['device'] }),
  rating('r4', 'very-satisfied', '2026-11-02T02:00:00.000Z'),
  rating('r5', 'satisfied', '2026-11-02T03:00:00.000Z'),
  rating('r6', 'basically-satisfied', '2026-11-02T04:00:00.000Z'),
  rating('r7', 'dissatisfied', '2026-09-22T02:00:00.000Z', { reasons: ['guide'] }),
];

// Listed in the store's order (oldest opened first is not what staff read first).
const ORDERS: WorkOrder[] = [
  order('r2', '2026-11-23', {
    openedAt: '2026-11-02T01:00:00.000Z',
    state: 'rectified',
    rectification: '增开窗口',
    rectifiedAt: '2026-11-02T08:00:00.000Z',
  }),
  order('r3', '2026-11-05', { openedAt: '2026-10-30T06:00:00.000Z' }),
  order('r1', '2026-10-22'),
  // Due before the overdue one, but done: it is not what staff must see first.
  order('r7', '2026-10-14', {
    openedAt: '2026-09-22T02:00:00.000Z',
    state: 'closed',
    rectification: '更新办事指南',
    rectifiedAt: '2026-10-10T02:00:00.000Z',
    closedAt: '2026-10-12T02:00:00.000Z',
    closingNote: '已回复',
  }),
];

// Eight offers, seven of them rated: 87.5 % rated, 12.5 % not.
const OFFERS: RatingOffer[] = [
  ...RATINGS.map((r) => ({ id: r.id, subject: r.subject, rated: true })),
  {
    id: 'skipped',
    subject: rating('skipped', 'satisfied', NOW.toISOString()).subject,
    rated: false,
  },
].map((offer) => ({ ...offer, at: NOW.toISOString(), kioskId: 'kiosk-01' }));

function fakeAdmin(
  ratings: Rating[] = RATINGS,
  offers: RatingOffer[] = OFFERS,
  orders: WorkOrder[] = ORDERS,
) {
  let kept = orders;
  return {
    ratings: vi.fn(async () => ratings),
    offers: vi.fn(async () => offers),
    workOrders: vi.fn(async () => kept),
    saveWorkOrder: vi.fn(async (next: WorkOrder) => {
      kept = kept.map((o) => (o.id === next.id ? next : o));
    }),
  } as unknown as HallAdmin & {
    saveWorkOrder: ReturnType<typeof vi.fn>;
    workOrders: ReturnType<typeof vi.fn>;
  };
}

function servicesWith(admin: HallAdmin) {
  const config = hallConfig();
  const audited: AuditRecord[] = [];
  const changed = vi.fn();
  const services: ConsoleServices = {
    admin,
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
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const show = async () => {
  await act(() => render(h(RatingsSection, null), root));
  await settle();
};
const button = (name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const handle = (title: string) => {
  const found = [...root.querySelectorAll('button')].find((b) =>
    b.getAttribute('aria-label')?.startsWith(`处理：${title}`),
  );
  if (!found) throw new Error(`no 处理 button for ${title}`);
  return found;
};
const fieldOf = <T extends HTMLElement>(label: string) => {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const field = root.querySelector<T>(`#${found?.htmlFor || 'none'}`);
  if (!field) throw new Error(`no field ${label}`);
  return field;
};
const type = async (label: string, value: string) => {
  const field = fieldOf<HTMLInputElement>(label);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const choose = async (label: string, value: string) => {
  const field = fieldOf<HTMLSelectElement>(label);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
};
const radio = async (label: string) => {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = found?.querySelector('input');
  if (!input) throw new Error(`no radio ${label}`);
  await act(() => input.click());
};
const alerts = () =>
  [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent).filter(Boolean);
const tableOf = (caption: string) => {
  const found = [...root.querySelectorAll('table')].find(
    (t) => t.querySelector('caption')?.textContent === caption,
  );
  if (!found) throw new Error(`no table ${caption}`);
  return found;
};
const rowsOf = (caption: string) => [...tableOf(caption).querySelectorAll('tbody tr')];
const cellsOf = (caption: string) =>
  rowsOf(caption).map((r) => [...r.children].map((cell) => cell.textContent));

describe('RatingsSection', () => {
  it('lists the overdue order first with its badge, then by due date, and filters', async () => {
    servicesWith(fakeAdmin());
    await show();
    const rows = rowsOf('差评工单，已逾期的在前');
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual([
      '非常不满意',
      '不满意',
      '不满意',
      '不满意',
    ]);
    const [overdue, closedEarlier, soon, done] = rows;
    expect(overdue?.classList.contains('staff-overdue')).toBe(true);
    expect(overdue?.textContent).toContain('已逾期');
    expect(overdue?.textContent).toContain('营业执照打印');
    expect(overdue?.textContent).toContain('服务态度、其他（等了很久）');
    expect(overdue?.textContent).toContain('13800001111');
    expect(overdue?.textContent).toContain('2026/10/1 09:30:00');
    expect(overdue?.textContent).toContain('已受理');
    expect(closedEarlier?.textContent).toContain('已办结');
    expect(closedEarlier?.classList.contains('staff-overdue')).toBe(false);
    expect(closedEarlier?.textContent).not.toContain('已逾期');
    expect(soon?.classList.contains('staff-overdue')).toBe(false);
    expect(soon?.textContent).toContain('即将到期');
    expect(soon?.textContent).not.toContain('已逾期');
    expect(soon?.textContent).toContain('设备故障');
    expect(soon?.textContent).toContain('未留电话');
    expect(done?.textContent).toContain('已整改');
    expect(done?.textContent).not.toContain('到期');

    await type('按事项（编码或名称）筛选', 'bl-0');
    expect(cellsOf('差评工单，已逾期的在前').map((r) => r[1])).toEqual(['营业执照打印BL-001']);
    await type('按事项（编码或名称）筛选', '');
    // The hall's date of the rating: 2026-11-02T01:00Z is the 2nd in Shanghai.
    await type('按评价日期筛选', '2026-11-02');
    expect(cellsOf('差评工单，已逾期的在前').map((r) => r[2])).toEqual(['办事效率']);
    await type('按评价日期筛选', '');
    await choose('按状态筛选', 'called');
    expect(root.textContent).toContain('没有符合条件的工单。');
    await choose('按状态筛选', 'open');
    expect(rowsOf('差评工单，已逾期的在前')).toHaveLength(2);
  });

  it('records a call-back, then closes the order; each is saved and audited', async () => {
    const admin = fakeAdmin();
    const { audited, changed } = servicesWith(admin);
    await show();
    await act(() => handle('营业执照打印').click());
    await radio('已联系上');
    await type('回访人', ' 王芳 ');
    await type('回访内容', '已致歉并说明办理流程');
    await act(() => button('保存回访记录').click());
    await settle();
    const callBack = {
      at: NOW.toISOString(),
      by: '王芳',
      reached: true,
      note: '已致歉并说明办理流程',
    };
    expect(admin.saveWorkOrder).toHaveBeenLastCalledWith({
      ...order('r1', '2026-10-22'),
      state: 'called',
      callBacks: [callBack],
    });
    expect(audited).toEqual([
      {
        action: 'work-order',
        subject: 'r1',
        before: { state: 'open' },
        after: { state: 'called', callBack },
      },
    ]);
    expect(alerts()).toEqual([]);
    expect(root.querySelector('[role="status"]')?.textContent).toContain(
      '已记录回访：营业执照打印',
    );
    // Read again: the list says what the store now has.
    expect(rowsOf('差评工单，已逾期的在前')[0]?.textContent).toContain('已回访');

    await type('办结说明', '办事人表示满意');
    await act(() => button('办结').click());
    await settle();
    expect(admin.saveWorkOrder).toHaveBeenCalledTimes(2);
    expect(admin.saveWorkOrder).toHaveBeenLastCalledWith(
      expect.objectContaining({
        id: 'r1',
        state: 'closed',
        callBacks: [callBack],
        closingNote: '办事人表示满意',
        closedAt: NOW.toISOString(),
      }),
    );
    expect(audited[1]).toEqual({
      action: 'work-order',
      subject: 'r1',
      before: { state: 'called' },
      after: { state: 'closed', closingNote: '办事人表示满意', closedAt: NOW.toISOString() },
    });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('已办结：营业执照打印');
    const closedRow = rowsOf('差评工单，已逾期的在前').find((r) =>
      r.textContent?.includes('营业执照打印'),
    );
    expect(closedRow?.textContent).toContain('已办结');
    expect(closedRow?.classList.contains('staff-overdue')).toBe(false);
    // Nothing a citizen sees changed: the kiosk need not restart.
    expect(changed).not.toHaveBeenCalled();
  });

  it('refuses to close an order with neither a call-back nor a rectification', async () => {
    const admin = fakeAdmin();
    const { audited } = servicesWith(admin);
    await show();
    await act(() => handle('营业执照打印').click());
    await type('办结说明', '已处理');
    await act(() => button('办结').click());
    await settle();
    expect(alerts()).toEqual(['请先记录回访或整改情况，再办结。']);
    expect(admin.saveWorkOrder).not.toHaveBeenCalled();
    expect(audited).toEqual([]);

    // A call-back with nothing said is the rules' refusal too, in the form's own words.
    await radio('未联系上');
    await type('回访人', '王芳');
    await act(() => button('保存回访记录').click());
    await settle();
    expect(alerts()).toEqual(['请填写回访内容。']);
    expect(admin.saveWorkOrder).not.toHaveBeenCalled();
  });

  it('shows the counts and the rates as percentages, and exports both CSVs audited', async () => {
    const { audited } = servicesWith(fakeAdmin());
    URL.createObjectURL = vi.fn(() => 'blob:ratings');
    URL.revokeObjectURL = vi.fn();
    const downloaded: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloaded.push(this.download);
    });
    await show();
    expect(cellsOf('评价比率')).toEqual([
      ['好评率', '42.9%'],
      ['主动评价率', '87.5%'],
      ['未评价率', '12.5%'],
      ['差评整改率', '50.0%'],
      ['按期整改率', '50.0%'],
    ]);
    expect(cellsOf('各评价等级的数量')).toEqual([
      ['非常满意', '1'],
      ['满意', '1'],
      ['基本满意', '1'],
      ['不满意', '3'],
      ['非常不满意', '1'],
    ]);
    expect(cellsOf('各业务的评价数')).toEqual([
      ['取号', '6'],
      ['证照打印', '1'],
    ]);
    expect(cellsOf('各事项的评价数')[1]).toEqual(['营业执照打印BL-001', '1']);

    await act(() => button('导出评价明细 CSV').click());
    await act(() => button('导出统计 CSV').click());
    await settle();
    expect(downloaded).toEqual(['ratings-20261103.csv', 'rating-figures-20261103.csv']);
    expect(audited.map((a) => [a.action, a.subject])).toEqual([
      ['ratings-export', 'ratings-20261103.csv'],
      ['ratings-export', 'rating-figures-20261103.csv'],
    ]);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      '已导出：rating-figures-20261103.csv',
    );
  });

  it('shows a dash, not 0 %, for a rate with nothing to divide', async () => {
    servicesWith(fakeAdmin([], [], []));
    await show();
    expect(cellsOf('评价比率').map((r) => r[1])).toEqual(['—', '—', '—', '—', '—']);
    expect(root.textContent).toContain('暂无差评工单。');
  });
});
