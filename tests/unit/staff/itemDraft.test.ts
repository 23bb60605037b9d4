import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogEditError, parseCatalog, updateItem, type Catalog } from '../../../domain';
import { draftOf, materialOf, toItem } from '../../../kiosk-ui/staff/itemDraft';

const parsed = parseCatalog(JSON.parse(readFileSync('public/catalog.json', 'utf8')));
if (!parsed.ok) throw new Error('public/catalog.json is not a valid catalog');
const catalog: Catalog = parsed.catalog;

describe('the item form', () => {
  it('gives back every item of the hall catalog unchanged when nothing is edited', () => {
    for (const item of catalog.items) expect(toItem(draftOf(item), item)).toEqual(item);
  });

  it('reads a material line with either bar, the form by its Chinese name, 1 copy when left out', () => {
    expect(materialOf('户口簿 | 复印件', [])).toEqual({ name: '户口簿', form: 'copy', copies: 1 });
    expect(materialOf('营业执照｜原件｜2｜加盖公章｜正本', [])).toEqual({
      name: '营业执照',
      form: 'original',
      copies: 2,
      notes: '加盖公章｜正本',
    });
    // What the form does not show is kept for a material of the same name.
    const kept = [{ name: '户口簿', form: 'copy' as const, copies: 1, capture: true }];
    expect(materialOf('户口簿｜复印件｜1', kept).capture).toBe(true);
  });

  it('leaves what it cannot read for the schema to refuse, with the field named', () => {
    const [item] = catalog.items;
    if (!item) throw new Error('an empty catalog');
    const draft = { ...draftOf(item), materials: '户口簿｜扫描件｜两份', legalDays: '' };
    try {
      updateItem(catalog, item.code, toItem(draft, item));
      expect.unreachable('a bad form and copies must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogEditError);
      const fields = (error as CatalogEditError).problems.map((p) => p.field);
      expect(fields).toEqual(
        expect.arrayContaining(['materials.0.form', 'materials.0.copies', 'legalDays']),
      );
    }
  });

  it('turns boxes into lists, one entry a line, blank lines dropped, and empty options left out', () => {
    const item = catalog.items.find((i) => i.result !== undefined);
    if (!item) throw new Error('no kiosk item in the catalog');
    const draft = { ...draftOf(item), conditions: '一\n\n  二  \n', result: '  ', nameEn: '' };
    const next = toItem(draft, item);
    expect(next.conditions).toEqual(['一', '二']);
    expect('result' in next).toBe(false);
    expect('nameEn' in next).toBe(false);
  });
});
