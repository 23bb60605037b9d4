import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { DeviceError } from '../../device-adapters';
import { TEST_PERSONS } from '../../device-adapters/mock';
import type { AllocateResult, IdCardRecord, QueueServiceConfig, QueueTicket } from '../../domain';
import {
  cardStepMachine,
  isTicketJob,
  printStepFor,
  queueMachine,
  type AllocateInput,
  type QueueSetup,
} from '../../machines';

const service = (over: Partial<QueueServiceConfig> = {}): QueueServiceConfig => ({
  code: 'tax',
  name: { 'zh-CN': '税务', en: 'Tax' },
  prefix: 'B',
  windows: { 'zh-CN': '7号窗口', en: 'Window 7' },
  windowCount: 1,
  materials: [{ 'zh-CN': '身份证原件', en: 'ID card' }],
  averageHandlingMinutes: 10,
  requiresIdCard: false,
  dailyMax: 100,
  issuingWindows: [{ start: '08:30', end: '17:00', quota: 100 }],
  ...over,
});

const person = (id: string): IdCardRecord => {
  const found = TEST_PERSONS.find((p) => p.id === id);
  if (!found) throw new Error(`no test person ${id}`);
  return found.record;
};

const today = new Date().toISOString().slice(0, 10);

function start(
  options: {
    setup?: Partial<QueueSetup>;
    card?: () => Promise<IdCardRecord>;
    allocate?: (input: AllocateInput) => Promise<AllocateResult>;
    print?: () => Promise<void>;
  } = {},
) {
  const allocations: AllocateInput[] = [];
  const prints: QueueTicket[] = [];
  let sequence = 0;
  const machine = queueMachine.provide({
    actors: {
      prepareQueue: fromPromise(async () => ({
        services: [service(), service({ code: 'estate', prefix: 'D', requiresIdCard: true })],
        today,
        time: '10:00',
        windowsOpen: true,
        nextWorkingDay: null,
        priorityAge: 60,
        ...options.setup,
      })),
      readCard: cardStepMachine.provide({
        actors: { readIdCard: fromPromise(options.card ?? (async () => person('adult'))) },
      }),
      allocateTicket: fromPromise(async ({ input }) => {
        allocations.push(input);
        if (options.allocate) return options.allocate(input);
        sequence += 1;
        const ticket: QueueTicket = {
          id: `t${sequence}`,
          serviceCode: input.service.code,
          date: today,
          number: `${input.service.prefix}00${sequence}`,
          sequence,
          priority: input.priority,
          issuedAt: new Date().toISOString(),
          waitingAhead: sequence - 1,
          maskedId: null,
          printed: false,
        };
        return { ok: true as const, ticket, reprint: false };
      }),
      printTicket: printStepFor(isTicketJob, async (job) => {
        await (options.print ?? (async () => {}))();
        prints.push(job.ticket);
      }),
    },
  });
  const actor = createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
  return { actor, allocations, prints };
}

describe('取号 flow', () => {
  it('takes a number for a service that needs no card, with the card skipped', async () => {
    const { actor, allocations, prints } = start();
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'tax' });
    actor.send({ type: 'user.skipCard' });
    expect(actor.getSnapshot().matches('choosePriority')).toBe(true);
    actor.send({ type: 'user.choosePriority', priority: null });
    await waitFor(actor, (s) => s.matches('showNumber'));
    expect(allocations).toHaveLength(1);
    expect(prints.map((t) => t.number)).toEqual(['B001']);
    actor.send({ type: 'user.done' });
    // The number taken is offered for rating (好差评).
    expect(actor.getSnapshot().output).toMatchObject({
      outcome: 'done',
      rate: {
        flow: 'queue',
        title: expect.stringMatching(/^取号 [A-Z]\d{3}$/),
        key: expect.stringMatching(/^T:/),
      },
    });
  });

  it('a service that needs a card cannot be skipped past', async () => {
    const { actor } = start({ card: () => new Promise(() => {}) });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    expect(actor.getSnapshot().can({ type: 'user.skipCard' })).toBe(false);
  });

  it('a 70-year-old gets a priority number without being asked', async () => {
    const { actor, allocations } = start({ card: async () => person('elderly-70') });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('showNumber'));
    expect(allocations[0]?.priority).toBe('age');
  });

  it('a 59-year-old is offered the self-declared green channel', async () => {
    const { actor, allocations } = start({ card: async () => person('adult') });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('choosePriority'));
    actor.send({ type: 'user.choosePriority', priority: 'disability' });
    await waitFor(actor, (s) => s.matches('showNumber'));
    expect(allocations[0]?.priority).toBe('disability');
  });

  it.each([
    ['expired', 'expired'],
    ['invalid-check', 'bad-number'],
    ['invalid-date', 'bad-number'], // its number carries 1990-02-30 too
  ])('refuses the %s card with the reason, and allocates nothing', async (id, problem) => {
    const { actor, allocations } = start({ card: async () => person(id) });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('cardRefused'));
    expect(actor.getSnapshot().context.cardProblem).toBe(problem);
    expect(actor.getSnapshot().context.card).toBeNull();
    expect(allocations).toHaveLength(0);
  });

  // (A card pulled out mid-read is no failure: the card step reads it when it is put back.)
  it.each(['read-failed', 'timeout', 'offline'] as const)(
    'a reader failure (%s) says so and lets the citizen try again',
    async (code) => {
      let fail = true;
      const { actor } = start({
        card: async () => {
          if (fail) throw new DeviceError('idCard', code, code);
          return person('adult');
        },
      });
      await waitFor(actor, (s) => s.matches('chooseService'));
      actor.send({ type: 'user.selectService', code: 'estate' });
      await waitFor(actor, (s) => s.matches('identifyFailed'));
      expect(actor.getSnapshot().context.failure).toBe(code);
      fail = false;
      actor.send({ type: 'user.retry' });
      await waitFor(actor, (s) => s.matches('choosePriority'));
    },
  );

  it('after hours it says when the windows open instead of printing a useless number', async () => {
    const { actor, allocations } = start({
      setup: { windowsOpen: false, nextWorkingDay: '2026-11-23', time: '02:00' },
    });
    await waitFor(actor, (s) => s.matches('afterHours'));
    expect(actor.getSnapshot().context.setup?.nextWorkingDay).toBe('2026-11-23');
    expect(allocations).toHaveLength(0);
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'back' });
  });

  it('after hours the citizen can go on to book the next working day', async () => {
    const { actor } = start({
      setup: { windowsOpen: false, nextWorkingDay: '2026-11-23', time: '02:00' },
    });
    await waitFor(actor, (s) => s.matches('afterHours'));
    actor.send({ type: 'user.book' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'switch', next: 'appointment' });
  });

  it('a used-up issuing window says so, with when the next one opens', async () => {
    const { actor, prints } = start({
      allocate: async () => ({
        ok: false,
        refusal: { reason: 'window-quota-used', nextWindowStart: '13:00' },
      }),
    });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'tax' });
    actor.send({ type: 'user.skipCard' });
    actor.send({ type: 'user.choosePriority', priority: null });
    await waitFor(actor, (s) => s.matches('refused'));
    expect(actor.getSnapshot().context.refusal).toEqual({
      reason: 'window-quota-used',
      nextWindowStart: '13:00',
    });
    expect(prints).toHaveLength(0);
  });

  it('a second try by the same card reprints the same number', async () => {
    const ticket: QueueTicket = {
      id: 't9',
      serviceCode: 'estate',
      date: today,
      number: 'D007',
      sequence: 7,
      priority: null,
      issuedAt: new Date().toISOString(),
      waitingAhead: 3,
      maskedId: '1101**********0014',
      printed: true,
    };
    const { actor, prints } = start({
      allocate: async () => ({ ok: true, ticket, reprint: true }),
    });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('choosePriority'));
    actor.send({ type: 'user.choosePriority', priority: null });
    await waitFor(actor, (s) => s.matches('showNumber'));
    expect(actor.getSnapshot().context).toMatchObject({
      reprint: true,
      ticket: { number: 'D007' },
    });
    expect(prints.map((t) => t.number)).toEqual(['D007']);
  });

  it('out of paper mid-ticket: the number stays, and retrying prints it without a second number', async () => {
    let paper = false;
    const { actor, allocations, prints } = start({
      print: async () => {
        if (!paper) throw new DeviceError('receipt', 'paper-out', 'paper out');
      },
    });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'tax' });
    actor.send({ type: 'user.skipCard' });
    actor.send({ type: 'user.choosePriority', priority: null });
    await waitFor(actor, (s) => s.matches('printFailed'));
    expect(actor.getSnapshot().context).toMatchObject({
      failure: 'paper-out',
      ticket: { number: 'B001' },
    });
    actor.send({ type: 'user.retry' });
    await waitFor(actor, (s) => s.matches('printFailed') && s.context.failure === 'paper-out');
    paper = true;
    actor.send({ type: 'user.retry' });
    await waitFor(actor, (s) => s.matches('showNumber'));
    expect(allocations).toHaveLength(1);
    expect(prints.map((t) => t.number)).toEqual(['B001']);
  });

  it('leaving after a failed print still counts as done: the number is valid', async () => {
    const { actor } = start({
      print: async () => Promise.reject(new DeviceError('receipt', 'jam', 'jam')),
    });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'tax' });
    actor.send({ type: 'user.skipCard' });
    actor.send({ type: 'user.choosePriority', priority: null });
    await waitFor(actor, (s) => s.matches('printFailed'));
    actor.send({ type: 'user.done' });
    // The number taken is offered for rating (好差评).
    expect(actor.getSnapshot().output).toMatchObject({
      outcome: 'done',
      rate: {
        flow: 'queue',
        title: expect.stringMatching(/^取号 [A-Z]\d{3}$/),
        key: expect.stringMatching(/^T:/),
      },
    });
  });

  it('forgets the card when the flow ends', async () => {
    const { actor } = start({ card: async () => person('adult') });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('choosePriority'));
    expect(actor.getSnapshot().context.card).not.toBeNull();
    actor.send({ type: 'user.back' });
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.card).toBeNull();
  });
});
