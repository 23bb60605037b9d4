import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CatalogEditError,
  addItem,
  diffCatalogs,
  isEmptyDiff,
  moveItem,
  parseCatalogText,
  updateItem,
  type Catalog,
  type CatalogItem,
} from '../../../domain';

function shippedCatalog(): Catalog {
  const result = parseCatalogText(readFileSync('public/catalog.json', 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.catalog;
}

/** Frozen all the way down, so that an edit that writes into its input throws. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}

const shipped = deepFrozen(shippedCatalog());
const codes = (catalog: Catalog) => catalog.items.map((item) => item.code);
/** The entry at `index`, which the test knows is there. */
function at<T>(list: readonly T[] | undefined, index: number): T {
  const entry = list?.[index];
  if (entry === undefined) throw new Error(`the test catalog has no entry ${index}`);
  return entry;
}
const item = (catalog: Catalog, code: string): CatalogItem => {
  const found = catalog.items.find((i) => i.code === code);
  if (!found) throw new Error(`no ${code} in the test catalog`);
  return found;
};

/** The shipped catalog with its items replaced (by code) or listed anew. */
function withItems(items: CatalogItem[]): Catalog {
  return { ...shipped, items };
}
function replaced(code: string, change: (item: CatalogItem) => CatalogItem): Catalog {
  return withItems(shipped.items.map((i) => (i.code === code ? change(structuredClone(i)) : i)));
}

const NO_CHANGE = { added: [], removed: [], changed: [], reordered: false };

describe('diffCatalogs', () => {
  it('finds nothing between a catalog and its copy', () => {
    const diff = diffCatalogs(shipped, structuredClone(shipped));
    expect(diff).toEqual(NO_CHANGE);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('ignores the computed pinyin', () => {
    const after = replaced('SB-0001', (i) => ({ ...i, pinyin: { full: 'x', initials: 'x' } }));
    const dropped = replaced('SB-0002', ({ pinyin: _pinyin, ...rest }) => rest);
    expect(diffCatalogs(shipped, after)).toEqual(NO_CHANGE);
    expect(diffCatalogs(shipped, dropped)).toEqual(NO_CHANGE);
  });

  it('names each changed scalar field with its values', () => {
    const after = replaced('SB-0003', (i) => ({
      ...i,
      name: '灵活就业人员养老保险参保登记',
      enabled: false,
      promisedDays: 3,
    }));
    const diff = diffCatalogs(shipped, after);
    expect(diff).toEqual({
      ...NO_CHANGE,
      changed: [
        {
          code: 'SB-0003',
          name: '灵活就业人员养老保险参保登记',
          fields: [
            {
              field: 'name',
              before: '灵活就业人员参保登记',
              after: '灵活就业人员养老保险参保登记',
            },
            { field: 'enabled', before: true, after: false },
            { field: 'promisedDays', before: 1, after: 3 },
          ],
        },
      ],
    });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('names list entries and their sub-fields by index', () => {
    const after = replaced('SB-0002', (i) => {
      at(i.materials, 1).copies = 2;
      at(i.materials, 0).notes = undefined;
      i.conditions[1] = '由法定代表人办理';
      i.audience.push('person');
      return i;
    });
    expect(diffCatalogs(shipped, after).changed).toEqual([
      {
        code: 'SB-0002',
        name: '单位社会保险参保缴费证明打印',
        fields: [
          { field: 'audience.1', before: undefined, after: 'person' },
          {
            field: 'conditions.1',
            before: '由法定代表人或其委托的经办人办理',
            after: '由法定代表人办理',
          },
          {
            field: 'materials.0.notes',
            before: '在自助终端扫描电子营业执照或输入统一社会信用代码',
            after: undefined,
          },
          { field: 'materials.1.copies', before: 1, after: 2 },
        ],
      },
    ]);
  });

  it('reports a list entry that came or went whole, at its index', () => {
    const photo = { name: '近期免冠照片', form: 'original' as const, copies: 1 };
    const after = replaced('SB-0003', (i) => ({
      ...i,
      materials: [...i.materials, photo],
      form: i.form?.slice(0, 4),
    }));
    expect(diffCatalogs(shipped, after).changed).toEqual([
      {
        code: 'SB-0003',
        name: '灵活就业人员参保登记',
        fields: [
          { field: 'materials.1', before: undefined, after: photo },
          { field: 'form.4', before: at(item(shipped, 'SB-0003').form, 4), after: undefined },
        ],
      },
    ]);
  });

  it('reports an optional field that came or went whole', () => {
    const after = replaced('SB-0001', ({ nameEn: _nameEn, ...rest }) => ({
      ...rest,
      fees: [{ name: '工本费', yuan: 10, basis: '物价文件' }],
    }));
    expect(diffCatalogs(shipped, after).changed[0]?.fields).toEqual([
      {
        field: 'nameEn',
        before: 'Printing the personal social insurance enrolment certificate',
        after: undefined,
      },
      {
        field: 'fees.0',
        before: undefined,
        after: { name: '工本费', yuan: 10, basis: '物价文件' },
      },
    ]);
  });

  it('lists added items in the new order and removed ones in the old, without calling it a reorder', () => {
    const [first, second, third] = [
      at(shipped.items, 0),
      at(shipped.items, 1),
      at(shipped.items, 2),
    ];
    const newA = { ...structuredClone(first), code: 'NEW-0001' };
    const newB = { ...structuredClone(first), code: 'NEW-0002' };
    const after = withItems([newB, first, newA, ...shipped.items.slice(3, -1)]);
    const diff = diffCatalogs(shipped, after);
    expect(diff.added.map((i) => i.code)).toEqual(['NEW-0002', 'NEW-0001']);
    expect(diff.removed.map((i) => i.code)).toEqual([second.code, third.code, 'GA-0008']);
    expect(diff.changed).toEqual([]);
    expect(diff.reordered).toBe(false);
  });

  it('notices the common items in another order', () => {
    const [first, second] = [at(shipped.items, 0), at(shipped.items, 1)];
    const diff = diffCatalogs(shipped, withItems([second, first, ...shipped.items.slice(2)]));
    expect(diff).toEqual({ ...NO_CHANGE, reordered: true });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('lists changed items in the new order', () => {
    const edited = updateItem(updateItem(shipped, 'SB-0001', { legalDays: 1 }), 'GA-0008', {
      enabled: true,
    });
    const moved = moveItem(edited, 'GA-0008', -100);
    const diff = diffCatalogs(shipped, moved);
    expect(diff.changed.map((c) => c.code)).toEqual(['GA-0008', 'SB-0001']);
    expect(diff.reordered).toBe(true);
  });
});

describe('updateItem', () => {
  it('returns a new catalog with the patch applied and the rest untouched', () => {
    const after = updateItem(shipped, 'SB-0001', { enabled: false, legalDays: 5, promisedDays: 2 });
    expect(after).not.toBe(shipped);
    expect(item(after, 'SB-0001')).toEqual({
      ...item(shipped, 'SB-0001'),
      enabled: false,
      legalDays: 5,
      promisedDays: 2,
    });
    expect(codes(after)).toEqual(codes(shipped));
    expect(after.items.filter((i) => i.code !== 'SB-0001')).toEqual(
      shipped.items.filter((i) => i.code !== 'SB-0001'),
    );
    expect({ version: after.version, savedAt: after.savedAt }).toEqual({
      version: shipped.version,
      savedAt: shipped.savedAt,
    });
    expect(diffCatalogs(shipped, after).changed).toEqual([
      {
        code: 'SB-0001',
        name: '个人社会保险参保证明打印',
        fields: [
          { field: 'enabled', before: true, after: false },
          { field: 'legalDays', before: 0, after: 5 },
          { field: 'promisedDays', before: 0, after: 2 },
        ],
      },
    ]);
  });

  it('ignores pinyin in the patch: it is computed on save', () => {
    const after = updateItem(shipped, 'SB-0001', { pinyin: { full: 'x', initials: 'x' } });
    expect(item(after, 'SB-0001').pinyin).toEqual(item(shipped, 'SB-0001').pinyin);
  });

  it('refuses a change the catalog’s rules forbid, naming the problem', () => {
    const attempt = () => updateItem(shipped, 'SB-0002', { idCardOnly: true });
    expect(attempt).toThrow(CatalogEditError);
    expect(attempt).toThrow(
      "Changing item SB-0002 would break the catalog's rules: SB-0002 idCardOnly: 一证可办 items are for persons (audience must include person)",
    );
    try {
      attempt();
    } catch (error) {
      expect((error as CatalogEditError).problems).toEqual([
        {
          item: 'SB-0002',
          field: 'idCardOnly',
          message: '一证可办 items are for persons (audience must include person)',
        },
      ]);
    }
  });

  it('lists every problem of a change', () => {
    expect(() =>
      updateItem(shipped, 'SB-0003', { promisedDays: 9, name: '', code: 'SB-0001' }),
    ).toThrow(
      "Changing item SB-0003 would break the catalog's rules: SB-0001 name: may not be empty; SB-0001 promisedDays: the promised time may not exceed the legal time; SB-0001 code: the code is used twice",
    );
  });

  it('refuses an unknown code', () => {
    expect(() => updateItem(shipped, 'XX-0001', { enabled: false })).toThrow(
      'The catalog has no item XX-0001: use the code of one of its items',
    );
  });
});

describe('moveItem', () => {
  const small = withItems(shipped.items.slice(0, 4));
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => at(codes(small), i)) as [
    string,
    string,
    string,
    string,
  ];

  it.each([
    [1, [b, a, c, d]],
    [2, [b, c, a, d]],
    [3, [b, c, d, a]],
    [100, [b, c, d, a]],
    [0, [a, b, c, d]],
    [-1, [a, b, c, d]],
  ])('moves the first item by %i', (delta, order) => {
    expect(codes(moveItem(small, a, delta))).toEqual(order);
  });

  it.each([
    [-1, [a, b, d, c]],
    [-3, [d, a, b, c]],
    [-100, [d, a, b, c]],
    [1, [a, b, c, d]],
  ])('moves the last item by %i', (delta, order) => {
    expect(codes(moveItem(small, d, delta))).toEqual(order);
  });

  it('returns a new catalog with the same items', () => {
    const moved = moveItem(shipped, 'SB-0002', 5);
    expect(moved).not.toBe(shipped);
    expect(codes(moved).slice(0, 7)).toEqual([
      'SB-0001',
      'SB-0003',
      'SB-0004',
      'SB-0005',
      'SB-0006',
      'SB-0007',
      'SB-0002',
    ]);
    expect(diffCatalogs(shipped, moved)).toEqual({ ...NO_CHANGE, reordered: true });
  });

  it('refuses an unknown code and a part of a place', () => {
    expect(() => moveItem(shipped, 'XX-0001', 1)).toThrow('The catalog has no item XX-0001');
    expect(() => moveItem(shipped, 'SB-0001', 0.5)).toThrow(
      'moveItem: delta must be a whole number of places, not 0.5',
    );
  });
});

describe('addItem', () => {
  const fresh = (): CatalogItem => {
    const { pinyin: _pinyin, ...rest } = structuredClone(item(shipped, 'SB-0001'));
    return { ...rest, code: 'SB-0099', name: '新事项' };
  };

  it('puts the new item at the end', () => {
    const after = addItem(shipped, fresh());
    expect(codes(after)).toEqual([...codes(shipped), 'SB-0099']);
    expect(after.items.at(-1)).toEqual(fresh());
    expect(diffCatalogs(shipped, after)).toEqual({ ...NO_CHANGE, added: [fresh()] });
  });

  it('refuses a code already taken', () => {
    expect(() => addItem(shipped, { ...fresh(), code: 'GA-0008' })).toThrow(
      'addItem: the catalog already has an item GA-0008; give the new one another code',
    );
  });

  it('refuses an item the rules forbid', () => {
    expect(() => addItem(shipped, { ...fresh(), channel: 'submit' })).toThrow(
      "Adding item SB-0099 would break the catalog's rules: SB-0099 form: a submit item has a form; SB-0099 declaration: a submit item has a declaration (告知承诺)",
    );
  });
});
