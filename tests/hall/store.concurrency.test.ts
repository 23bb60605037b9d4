/**
 * 50 simulated kiosks issue 5,000 tickets at once, on SQLite and on PostgreSQL: every number
 * unique, each service's sequence 1…n gap-free, every requestId answered once (racing twins and
 * later retries get the same ticket), and one ticket-issued event each with gap-free ids. On
 * PostgreSQL the kiosks talk to four hall servers (stores with pools of 10) on one database, so
 * transactions of the same hall really overlap and only the database keeps them apart. The
 * rate and p99 it prints are for the report; the speed goals are checked by `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { HallConfig, HallStore, IssueOutcome } from '../../hall-server/store';
import { describeOnBackends, demoHallConfig } from './storeBackends';

const KIOSKS = 50;
const PER_KIOSK = 100;
const SERVICES = 10;
const MON = '2026-12-07';
const NOW = new Date(`${MON}T10:00:00+08:00`);

/** Ten services, A–J, each open all day for up to 999 tickets. */
function busyHall(): HallConfig {
  return demoHallConfig((config) => {
    const [template] = config.queue.services;
    if (!template) throw new Error('the demo hall has services');
    const services = Array.from({ length: SERVICES }, (_, i) => ({
      ...template,
      code: `service-${i}`,
      prefix: String.fromCharCode(65 + i),
      windows: { 'zh-CN': `${i + 1}号窗口`, en: `Window ${i + 1}` },
      windowCount: 1,
      dailyMax: 999,
      issuingWindows: [{ start: '00:00', end: '23:59', quota: 999 }],
    }));
    return {
      ...config,
      queue: { ...config.queue, services },
      windows: services.map((s, i) => ({ number: i + 1, services: [s.code] })),
    };
  });
}

function ticketOf(outcome: IssueOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return outcome;
}

describeOnBackends('50 kiosks, 5,000 tickets at once on $name', (backend) => {
  it('numbers every ticket once, gap-free per service, and answers each requestId once', async () => {
    // SQLite lives beside its one server; PostgreSQL may serve a hall from several.
    const { stores, close } = await backend.open({
      poolSize: 10,
      servers: backend.name === 'postgres' ? 2 : 1,
    });
    try {
      const hallId = `busy-${randomUUID().slice(0, 8)}`;
      const first = stores[0] as HallStore;
      await first.saveConfig(hallId, busyHall());
      const answered = new Map<string, string>();
      const latencies: number[] = [];
      const twins: [string, string][] = [];

      const kiosk = async (k: number) => {
        for (let i = 0; i < PER_KIOSK; i += 1) {
          const requestId = randomUUID();
          const request = {
            serviceCode: `service-${(k + i) % SERVICES}`,
            priority: i % 7 === 0,
            kioskId: `kiosk-${k}`,
            requestId,
            holderKey: null,
            now: NOW,
          };
          const store = stores[(k + i) % stores.length] as HallStore;
          const started = performance.now();
          if (i % 10 === 0) {
            // A kiosk that timed out and sent again at once, maybe to another server.
            const twin = stores[(k + i + 1) % stores.length] as HallStore;
            const [a, b] = (
              await Promise.all([
                store.issueTicket(hallId, request),
                twin.issueTicket(hallId, request),
              ])
            ).map(ticketOf);
            if (!a || !b) throw new Error('two answers');
            twins.push([a.ticket.id, b.ticket.id]);
            expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
            answered.set(requestId, a.ticket.id);
          } else {
            answered.set(requestId, ticketOf(await store.issueTicket(hallId, request)).ticket.id);
          }
          latencies.push(performance.now() - started);
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: KIOSKS }, (_, k) => kiosk(k)));
      const seconds = (performance.now() - started) / 1000;

      const total = KIOSKS * PER_KIOSK;
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? NaN;
      console.warn(
        `[hall store, ${backend.name}] ${total} tickets from ${KIOSKS} kiosks in ${seconds.toFixed(2)} s: ` +
          `${Math.round(total / seconds)} allocations/s, p99 ${p99.toFixed(1)} ms`,
      );

      const tickets = await first.tickets(hallId, MON);
      expect(tickets).toHaveLength(total);
      expect(new Set(tickets.map((t) => t.number)).size).toBe(total);
      for (let s = 0; s < SERVICES; s += 1) {
        const sequences = tickets
          .filter((t) => t.serviceCode === `service-${s}`)
          .map((t) => t.sequence)
          .sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: total / SERVICES }, (_, i) => i + 1));
      }
      // Every requestId holds its own ticket, and the twins got the same one.
      expect(answered.size).toBe(total);
      expect(new Set(answered.values())).toEqual(new Set(tickets.map((t) => t.id)));
      expect(twins.every(([a, b]) => a === b)).toBe(true);

      // A retry later, at any server, gets its ticket back and nothing new.
      const retried = [...answered].filter((_, i) => i % 97 === 0);
      for (const [requestId, ticketId] of retried) {
        const again = ticketOf(
          await (stores[stores.length - 1] as HallStore).issueTicket(hallId, {
            serviceCode: 'service-0',
            priority: false,
            kioskId: 'kiosk-0',
            requestId,
            holderKey: null,
            now: NOW,
          }),
        );
        expect([again.ticket.id, again.repeated]).toEqual([ticketId, true]);
      }

      // One ticket-issued event per ticket, ids 1…5000 without a gap.
      const events = await first.eventsAfter(hallId, 0, total + 10);
      expect(events.map((e) => e.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const issued = events.map((e) => (e.event.type === 'ticket-issued' ? e.event.ticket.id : ''));
      expect(new Set(issued)).toEqual(new Set(tickets.map((t) => t.id)));
    } finally {
      await close();
    }
  }, 120_000);
});
