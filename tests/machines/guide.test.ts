import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { DeviceError } from '../../device-adapters';
import { guideDocument, pinyinFor, type CatalogItem } from './guideFixtures';
import {
  guideList,
  guideMachine,
  isGuideJob,
  printStepFor,
  type GuideJob,
  type GuideSetup,
} from '../../machines';
import { catalogItem, submitItem } from '../support/catalogItems';

const items: CatalogItem[] = [
  pinyinFor(catalogItem()),
  pinyinFor(
    catalogItem({
      code: 'BDC-0001',
      name: '不动产登记资料查询',
      department: 'real-estate',
      audience: ['person', 'business'],
      queueService: 'real-estate',
    }),
  ),
  pinyinFor(
    submitItem({
      code: 'SCJG-0001',
      name: '个体工商户注销登记',
      department: 'market-regulation',
      audience: ['business'],
      idCardOnly: false,
      licenceOnly: true,
    }),
  ),
  pinyinFor(catalogItem({ code: 'SB-0900', name: '已停办的社保事项', enabled: false })),
];

function start(
  options: {
    load?: () => Promise<CatalogItem[]>;
    print?: (job: GuideJob) => Promise<void>;
    unavailable?: ('document' | 'receipt')[];
  } = {},
) {
  const printed: GuideJob[] = [];
  const machine = guideMachine.provide({
    actors: {
      loadGuide: fromPromise<GuideSetup>(async () => ({
        items: await (options.load ?? (async () => items))(),
        document: (item: CatalogItem) => guideDocument(item),
      })),
      printGuide: printStepFor(isGuideJob, async (job) => {
        await (options.print ?? (async () => {}))(job);
        printed.push(job);
      }),
    },
  });
  const actor = createActor(machine, {
    input: { locale: 'zh-CN', elderly: false, unavailable: options.unavailable ?? [] },
  }).start();
  return { actor, printed };
}

const listed = (actor: ReturnType<typeof start>['actor']) =>
  guideList(actor.getSnapshot().context).map((item) => item.code);

describe('办事指南', () => {
  it('lists the offered items, filters by department and audience, and searches by pinyin initials', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('browsing'));
    expect(listed(actor)).toEqual(['SB-0001', 'BDC-0001', 'SCJG-0001']);
    actor.send({ type: 'user.query', query: 'bdc' });
    expect(listed(actor)).toEqual(['BDC-0001']);
    actor.send({ type: 'user.query', query: '' });
    actor.send({ type: 'user.audience', audience: 'business' });
    expect(listed(actor)).toEqual(['BDC-0001', 'SCJG-0001']);
    actor.send({ type: 'user.department', department: 'market-regulation' });
    expect(listed(actor)).toEqual(['SCJG-0001']);
    actor.send({ type: 'user.query', query: 'x'.repeat(500) });
    expect(actor.getSnapshot().context.query).toHaveLength(60);
  });

  it('opens a guide, prints it once, and ends done', async () => {
    const { actor, printed } = start();
    await waitFor(actor, (s) => s.matches('browsing'));
    actor.send({ type: 'user.open', code: 'BDC-0001' });
    expect(actor.getSnapshot().context.selected?.name).toBe('不动产登记资料查询');
    actor.send({ type: 'user.print' });
    await waitFor(actor, (s) => s.matches('printed'));
    expect(printed).toHaveLength(1);
    expect(printed[0]?.guide.title).toBe('不动产登记资料查询 一次性告知书');
    expect(actor.getSnapshot().context.printSummary).toEqual({
      results: ['printed'],
      stopped: false,
    });
    actor.send({ type: 'user.done' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'done' });
  });

  it('does not open a disabled or unknown item', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('browsing'));
    actor.send({ type: 'user.open', code: 'SB-0900' });
    actor.send({ type: 'user.open', code: 'NOPE' });
    expect(actor.getSnapshot().matches('browsing')).toBe(true);
  });

  it('reads guides without a printer, and offers no printing', async () => {
    const { actor } = start({ unavailable: ['document'] });
    await waitFor(actor, (s) => s.matches('browsing'));
    actor.send({ type: 'user.open', code: 'SB-0001' });
    expect(actor.getSnapshot().can({ type: 'user.print' })).toBe(false);
  });

  it('asks after a printer without paper, and prints when tried again', async () => {
    let fail = true;
    const { actor, printed } = start({
      print: async () => {
        if (fail) throw new DeviceError('document', 'paper-out', 'no paper');
      },
    });
    await waitFor(actor, (s) => s.matches('browsing'));
    actor.send({ type: 'user.open', code: 'SB-0001' });
    actor.send({ type: 'user.print' });
    const printing = actor.getSnapshot().children.printing;
    if (!printing) throw new Error('not printing');
    await waitFor(printing, (s) => s.hasTag('failed'));
    fail = false;
    printing.send({ type: 'user.retry' });
    await waitFor(actor, (s) => s.matches('printed'));
    expect(printed).toHaveLength(1);
  });

  it('hands over to 取号 or 预约 for the item', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('browsing'));
    actor.send({ type: 'user.open', code: 'SB-0001' });
    actor.send({ type: 'user.queue' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'switch', next: 'queue' });
    const second = start().actor;
    await waitFor(second, (s) => s.matches('browsing'));
    second.send({ type: 'user.open', code: 'SB-0001' });
    second.send({ type: 'user.book' });
    expect(second.getSnapshot().output).toEqual({ outcome: 'switch', next: 'appointment' });
  });

  it('says when the catalog cannot be read, and tries again', async () => {
    let fail = true;
    const { actor } = start({
      load: async () => {
        if (fail) throw new Error('no catalog');
        return items;
      },
    });
    await waitFor(actor, (s) => s.matches('failed'));
    fail = false;
    actor.send({ type: 'user.retry' });
    await waitFor(actor, (s) => s.matches('browsing'));
  });

  it('gives up on a catalog that never comes', async () => {
    vi.useFakeTimers();
    try {
      const { actor } = start({ load: () => new Promise(() => {}) });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(actor.getSnapshot().matches('failed')).toBe(true);
      expect(actor.getSnapshot().context.failure).toBe('timeout');
      actor.send({ type: 'user.back' });
      expect(actor.getSnapshot().output).toEqual({ outcome: 'back' });
    } finally {
      vi.useRealTimers();
    }
  });
});
