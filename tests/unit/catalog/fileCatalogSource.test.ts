import { describe, expect, it } from 'vitest';
import { CatalogUnavailableError, FileCatalogSource } from '../../../stores/catalog';
import { catalogItem } from '../../support/catalogItems';

const catalog = (version: number, name = '社会保险个人参保证明查询打印') => ({
  version,
  savedAt: '2026-12-01T00:00:00.000Z',
  items: [catalogItem({ name })],
});

/** A fetch that answers with each of `answers` in turn (an Error is a network failure). */
function answering(...answers: (unknown | Error)[]): typeof fetch {
  let i = 0;
  return async () => {
    const answer = answers[Math.min(i, answers.length - 1)];
    i += 1;
    if (answer instanceof Error) throw answer;
    return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer));
  };
}

describe('the catalog file', () => {
  it('is read and validated', async () => {
    const source = new FileCatalogSource({ fetch: answering(catalog(3)) });
    expect((await source.current()).version).toBe(3);
  });

  it('refuses a broken file with every problem located, and keeps the last good one after', async () => {
    const broken = {
      ...catalog(4),
      items: [{ ...catalogItem(), materials: [{ name: '', form: 'x', copies: -1 }] }],
    };
    const first = new FileCatalogSource({ fetch: answering(broken) });
    const error = await first.current().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogUnavailableError);
    expect((error as CatalogUnavailableError).problems.map((p) => `${p.item} ${p.field}`)).toEqual([
      'SB-0001 materials.0.name',
      'SB-0001 materials.0.form',
      'SB-0001 materials.0.copies',
    ]);
    const later = new FileCatalogSource({
      fetch: answering(catalog(3), broken, 'not json', new Error('offline')),
    });
    expect((await later.current()).version).toBe(3);
    expect((await later.current()).version).toBe(3);
    expect((await later.current()).version).toBe(3);
    expect((await later.current()).version).toBe(3);
  });

  it('never goes back to an older version', async () => {
    const source = new FileCatalogSource({ fetch: answering(catalog(5, '新'), catalog(4, '旧')) });
    await source.current();
    expect((await source.current()).items[0]?.name).toBe('新');
  });

  it('says why when nothing could ever be read', async () => {
    const source = new FileCatalogSource({ fetch: answering(new Error('offline')) });
    await expect(source.current()).rejects.toThrow(/could not be read \(offline\)/);
  });
});
