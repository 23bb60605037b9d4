import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isPrintable, printOnce, reconcileJournal, type PrintJobRequest } from '../../../domain';
import { DeviceError } from '../../../device-adapters';
import { IndexedDbPrintJournal } from '../../../stores/journal';

let n = 0;
const journal = () => new IndexedDbPrintJournal({ databaseName: `journal-unit-${(n += 1)}` });
const request = (key = 'licence:I1:original-1'): PrintJobRequest => ({
  key,
  kind: 'licence',
  title: '营业执照（正本）',
  creditCode: '91350100M000100Y43',
  subject: '某某有限公司',
  kioskId: 'k1',
  maskedId: '3501**********0012',
});
const at = (minute: number) => () => new Date(Date.UTC(2026, 10, 23, 2, minute));

describe('printOnce over the IndexedDB journal', () => {
  it('records pending before the printer and sent before it answers, then confirmed', async () => {
    const j = journal();
    const seen: string[] = [];
    const result = await printOnce(
      j,
      request(),
      async () => {
        seen.push((await j.get('licence:I1:original-1'))?.state ?? 'none');
      },
      at(1),
    );
    expect(result).toEqual({ printed: true });
    expect(seen).toEqual(['sent']);
    expect(await j.get('licence:I1:original-1')).toMatchObject({
      state: 'confirmed',
      attempts: 1,
      sentAt: '2026-11-23T02:01:00.000Z',
    });
  });

  it('refuses a second print of a key, whatever the printer would do', async () => {
    const j = journal();
    await printOnce(j, request(), async () => {});
    let sent = 0;
    expect(await printOnce(j, request(), async () => void (sent += 1))).toEqual({
      printed: false,
      refused: 'already-printed',
    });
    expect(sent).toBe(0);
  });

  it('lets a job the printer refused (paper out) be tried again, and counts the attempts', async () => {
    const j = journal();
    await expect(
      printOnce(j, request(), async () => {
        throw new DeviceError('document', 'paper-out', 'no paper');
      }),
    ).rejects.toMatchObject({ code: 'paper-out', uncertain: false });
    expect((await j.get(request().key))?.state).toBe('failed');
    await printOnce(j, request(), async () => {});
    expect(await j.get(request().key)).toMatchObject({ state: 'confirmed', attempts: 2 });
  });

  it('marks a failure that may have printed (jam, timeout, cancelled) for a staff check and refuses it after', async () => {
    for (const code of ['jam', 'timeout', 'cancelled', 'hardware-error'] as const) {
      const j = journal();
      await expect(
        printOnce(j, request(), async () => {
          throw new DeviceError('document', code, code);
        }),
      ).rejects.toMatchObject({ code, uncertain: true });
      expect(await printOnce(j, request(), async () => {})).toEqual({
        printed: false,
        refused: 'needs-check',
      });
    }
  });

  it('reconciles what a crash left: never sent → failed, sent → confirmed or a staff check', async () => {
    const j = journal();
    await j.begin(request('a'), new Date());
    await j.begin(request('b'), new Date());
    await j.markSent('b', new Date());
    await j.begin(request('c'), new Date());
    await j.markSent('c', new Date());
    const counts = await reconcileJournal(j, async (key) =>
      key === 'b' ? 'completed' : 'unknown',
    );
    expect(counts).toEqual({ confirmed: 1, failed: 1, needsCheck: 1 });
    expect((await j.get('a'))?.state).toBe('failed');
    expect((await j.get('b'))?.state).toBe('confirmed');
    expect((await j.get('c'))?.state).toBe('needs-check');
    expect(await j.unsettled()).toEqual([]);
    // A printer that cannot say anything (the browser's print path) leaves it to staff.
    const k = journal();
    await k.begin(request('d'), new Date());
    await k.markSent('d', new Date());
    expect(await reconcileJournal(k, null)).toEqual({ confirmed: 0, failed: 0, needsCheck: 1 });
  });

  it('keeps each enterprise’s history for staff, oldest first, with the masked ID only', async () => {
    const j = journal();
    await printOnce(j, request('x:1'), async () => {}, at(5));
    await printOnce(j, { ...request('x:2'), creditCode: 'OTHER' }, async () => {}, at(6));
    await printOnce(j, request('x:3'), async () => {}, at(7));
    const history = await j.historyOf('91350100M000100Y43');
    expect(history.map((h) => h.key)).toEqual(['x:1', 'x:3']);
    expect(history[0]?.maskedId).toBe('3501**********0012');
  });
});

describe('staff settling the journal', () => {
  /** A job the printer may have printed (it jammed): staff must look. */
  async function uncertain(j: IndexedDbPrintJournal, key = request().key) {
    await expect(
      printOnce(j, request(key), async () => {
        throw new DeviceError('document', 'jam', 'jam');
      }),
    ).rejects.toMatchObject({ uncertain: true });
  }

  it('confirms a checked job that did print, with the staff’s words, and refuses it after', async () => {
    const j = journal();
    await uncertain(j);
    const settled = await j.settle(request().key, true, '已取走，完好', at(20)());
    expect(settled).toMatchObject({
      state: 'confirmed',
      note: '已取走，完好',
      settledAt: '2026-11-23T02:20:00.000Z',
    });
    expect(await j.get(request().key)).toEqual(settled);
    expect(isPrintable(settled)).toBe(false);
    expect(await printOnce(j, request(), async () => {})).toEqual({
      printed: false,
      refused: 'already-printed',
    });
  });

  it('fails a checked job that did not print, so its citizen can print it again', async () => {
    const j = journal();
    await uncertain(j);
    const settled = await j.settle(request().key, false, '卡纸，未出纸', at(21)());
    expect(settled).toMatchObject({ state: 'failed', note: '卡纸，未出纸' });
    expect(isPrintable(settled)).toBe(true);
    const reopened = await j.begin(request(), at(22)());
    expect(reopened).toMatchObject({ ok: true, job: { state: 'pending' } });
    expect(await printOnce(j, request(), async () => {})).toEqual({
      printed: false,
      refused: 'in-progress',
    });
  });

  it('settles only a job that needs a check', async () => {
    const j = journal();
    await printOnce(j, request('done'), async () => {});
    await expect(j.settle('done', false, 'x', new Date())).rejects.toThrow(
      'print job done is confirmed, not needs-check',
    );
    expect((await j.get('done'))?.state).toBe('confirmed');
    await j.begin(request('open'), new Date());
    await expect(j.settle('open', true, 'x', new Date())).rejects.toThrow(
      'print job open is pending, not needs-check',
    );
    await expect(j.settle('none', true, 'x', new Date())).rejects.toThrow('no print job none');
  });

  it('lists every job, newest first', async () => {
    const j = journal();
    expect(await j.jobs()).toEqual([]);
    await printOnce(j, request('b'), async () => {}, at(2));
    await printOnce(j, { ...request('a'), creditCode: null }, async () => {}, at(3));
    await uncertain(j, 'c');
    await printOnce(j, request('z'), async () => {}, at(1));
    const jobs = await j.jobs();
    expect(jobs.map((job) => job.key)).toEqual(['c', 'a', 'b', 'z']);
    expect(jobs.map((job) => job.state)).toEqual([
      'needs-check',
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
  });
});
