import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_CATALOG_BYTES,
  itemsDoneWith,
  offeredItems,
  parseCatalog,
  parseCatalogText,
  searchItems,
  withPinyin,
  type Catalog,
  type CatalogItem,
  type CatalogParse,
} from '../../../domain';
import { pinyinOf } from '../../../stores/catalog/pinyin';

/** A complete, valid `window` item; tests break one thing at a time. */
function windowItem(code = 'SB-0001', name = '社会保障卡补领'): Record<string, unknown> {
  return {
    code,
    name,
    nameEn: 'Replacing a social security card',
    department: 'social-security',
    audience: ['person'],
    idCardOnly: false,
    licenceOnly: false,
    channel: 'window',
    enabled: true,
    conditions: ['社会保障卡遗失或损坏'],
    materials: [
      { name: '居民身份证', form: 'original', copies: 1, notes: '窗口出示' },
      { name: '近期免冠照片', form: 'original', copies: 1 },
    ],
    legalBasis: ['《中华人民共和国社会保险法》第五十八条'],
    steps: ['取号', '窗口办理'],
    legalDays: 20,
    promisedDays: 0,
    fees: [],
    place: {
      window: '8号窗口（社保）',
      address: 'XX县政务服务中心一楼',
      hours: '工作日 9:00–17:00',
    },
    enquiryTelephone: '0000-6601201',
    complaintTelephone: '12345',
    queueService: 'social-security',
  };
}

function kioskItem(code = 'SB-0002'): Record<string, unknown> {
  return {
    ...windowItem(code, '社会保险参保证明打印'),
    channel: 'kiosk',
    idCardOnly: true,
    result: '社会保险个人参保证明',
  };
}

function submitItem(code = 'SB-0003'): Record<string, unknown> {
  return {
    ...windowItem(code, '灵活就业人员参保登记'),
    channel: 'submit',
    form: [
      { id: 'name', label: '姓名', kind: 'text', required: true, maxLength: 30, prefill: 'name' },
      { id: 'phone', label: '联系电话', kind: 'phone', required: true, maxLength: 11 },
    ],
    declaration: '本人承诺所填信息真实。',
  };
}

function catalogOf(...items: unknown[]): Record<string, unknown> {
  return { version: 3, savedAt: '2026-11-30T00:00:00.000Z', items };
}

function problemsOf(result: CatalogParse) {
  if (result.ok) throw new Error('expected the catalog to be refused');
  return result.problems;
}

function catalogFrom(result: CatalogParse): Catalog {
  if (!result.ok) throw new Error(`expected a catalog: ${JSON.stringify(result.problems)}`);
  return result.catalog;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseCatalog: valid catalogs', () => {
  it('accepts a window, a kiosk and a submit item and keeps them as given', () => {
    const input = catalogOf(windowItem(), kioskItem(), submitItem());
    const catalog = catalogFrom(parseCatalog(input));
    expect(catalog.version).toBe(3);
    expect(catalog.items.map((i) => [i.code, i.channel])).toEqual([
      ['SB-0001', 'window'],
      ['SB-0002', 'kiosk'],
      ['SB-0003', 'submit'],
    ]);
    expect(catalog).toEqual(input);
  });

  it('accepts an empty catalog', () => {
    expect(parseCatalog(catalogOf())).toEqual({ ok: true, catalog: catalogOf() });
  });

  it('drops unknown fields instead of passing them on', () => {
    const item = { ...windowItem(), html: '<b>bold</b>', onclick: 'alert(1)' };
    const catalog = catalogFrom(parseCatalog(catalogOf(item)));
    expect(Object.keys(catalog.items[0] ?? {})).not.toContain('html');
    expect(Object.keys(catalog.items[0] ?? {})).not.toContain('onclick');
  });

  it('trims texts', () => {
    const catalog = catalogFrom(parseCatalog(catalogOf(windowItem('SB-0001', '  社保卡补领 \n'))));
    expect(catalog.items[0]?.name).toBe('社保卡补领');
  });
});

describe('parseCatalog: hostile text', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '&lt;b&gt;不动产&lt;/b&gt;',
  ])('keeps markup as text: %s', (name) => {
    const catalog = catalogFrom(parseCatalog(catalogOf(windowItem('SB-0001', name))));
    expect(catalog.items[0]?.name).toBe(name);
  });

  it('accepts characters outside the basic plane written as surrogate pairs (𠮷)', () => {
    const catalog = catalogFrom(parseCatalog(catalogOf(windowItem('SB-0001', '𠮷祥社区证明'))));
    expect(catalog.items[0]?.name).toBe('𠮷祥社区证明');
  });

  it.each([
    ['NUL', '社保\u0000卡'],
    ['escape', '社保\u001b[31m卡'],
    ['DEL', '社保\u007f卡'],
    ['right-to-left override', '社保\u202e卡'],
    ['isolate', '社保\u2066卡'],
    ['lone high surrogate', '社保\ud800卡'],
    ['lone low surrogate', '社保\udc00卡'],
    ['swapped surrogates', '社保\udc00\ud800卡'],
  ])('rejects a name holding a %s', (_what, name) => {
    expect(problemsOf(parseCatalog(catalogOf(windowItem('SB-0001', name))))).toEqual([
      { item: 'SB-0001', field: 'name', message: 'holds unprintable characters' },
    ]);
  });

  it('rejects control characters in nested texts and names the path', () => {
    const item = windowItem();
    item.materials = [{ name: '身份证', form: 'original', copies: 1, notes: '窗口\u0007出示' }];
    item.steps = ['取号', '办\u202d理'];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0001', field: 'materials.0.notes', message: 'holds unprintable characters' },
      { item: 'SB-0001', field: 'steps.1', message: 'holds unprintable characters' },
    ]);
  });

  it('keeps tabs and line breaks, which are printable layout', () => {
    const item = windowItem();
    item.conditions = ['第一行\n第二行\t续'];
    const catalog = catalogFrom(parseCatalog(catalogOf(item)));
    expect(catalog.items[0]?.conditions).toEqual(['第一行\n第二行\t续']);
  });

  it('rejects empty, blank and over-long texts', () => {
    const item = windowItem('SB-0001', '   ');
    item.nameEn = 'x'.repeat(121);
    item.place = { window: '8号窗口', address: '', hours: '工作日' };
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0001', field: 'name', message: 'may not be empty' },
      { item: 'SB-0001', field: 'nameEn', message: 'at most 120 characters' },
      { item: 'SB-0001', field: 'place.address', message: 'may not be empty' },
    ]);
  });

  it('accepts a 60-character name and refuses a 61-character one', () => {
    expect(parseCatalog(catalogOf(windowItem('SB-0001', '证'.repeat(60)))).ok).toBe(true);
    expect(problemsOf(parseCatalog(catalogOf(windowItem('SB-0001', '证'.repeat(61)))))).toEqual([
      { item: 'SB-0001', field: 'name', message: 'at most 60 characters' },
    ]);
  });

  it('rejects telephone numbers holding anything but digits and + - ( ) spaces', () => {
    const item = windowItem();
    item.enquiryTelephone = 'tel:0000-6601201';
    item.complaintTelephone = '12';
    const message = 'a telephone number: digits, spaces, + - ( ) only';
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0001', field: 'enquiryTelephone', message },
      { item: 'SB-0001', field: 'complaintTelephone', message },
    ]);
  });
});

describe('parseCatalog: codes', () => {
  it('rejects a code used twice, located on the code', () => {
    const input = catalogOf(windowItem('SB-0001'), kioskItem('SB-0002'), submitItem('SB-0001'));
    expect(problemsOf(parseCatalog(input))).toEqual([
      { item: 'SB-0001', field: 'code', message: 'the code is used twice' },
    ]);
  });

  it('reports a code used twice beside the other problems of the file', () => {
    const input = catalogOf(windowItem('SB-0001'), {
      ...windowItem('SB-0001'),
      enquiryTelephone: 'call us',
    });
    expect(problemsOf(parseCatalog(input))).toEqual([
      {
        item: 'SB-0001',
        field: 'enquiryTelephone',
        message: 'a telephone number: digits, spaces, + - ( ) only',
      },
      { item: 'SB-0001', field: 'code', message: 'the code is used twice' },
    ]);
  });

  it('reports a code used three times once', () => {
    const input = catalogOf(windowItem('GA-0001'), windowItem('GA-0001'), windowItem('GA-0001'));
    expect(problemsOf(parseCatalog(input))).toEqual([
      { item: 'GA-0001', field: 'code', message: 'the code is used twice' },
    ]);
  });

  it.each(['sb-0001', 'SB', 'SB 0001', 'SB_0001', '-SB1', '<b>SB</b>'])(
    'rejects the code %s and locates the item by it',
    (code) => {
      expect(problemsOf(parseCatalog(catalogOf(windowItem(code))))).toEqual([
        { item: code, field: 'code', message: 'capital letters, digits and - (3–40)' },
      ]);
    },
  );

  it('locates an item by position (#N) when its code is not readable', () => {
    const noCode = windowItem();
    delete noCode.code;
    const numberCode = { ...windowItem(), code: 42 };
    const longCode = windowItem('A'.repeat(41));
    const input = catalogOf(windowItem('SB-0009'), noCode, numberCode, longCode);
    expect(problemsOf(parseCatalog(input))).toEqual([
      { item: '#2', field: 'code', message: 'Invalid key: Expected "code" but received undefined' },
      { item: '#3', field: 'code', message: 'must be text' },
      { item: '#4', field: 'code', message: 'capital letters, digits and - (3–40)' },
    ]);
  });
});

describe('parseCatalog: missing fields and wrong types', () => {
  it('names the item code and the dotted field of a wrong type', () => {
    const item = windowItem();
    item.materials = [
      { name: '居民身份证', form: 'original', copies: 1 },
      { name: '照片', form: 'original', copies: '1' },
    ];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0001', field: 'materials.1.copies', message: 'must be a number' },
    ]);
  });

  it('names every missing field', () => {
    const item = windowItem();
    delete item.materials;
    delete item.legalDays;
    item.place = { address: 'XX县政务服务中心一楼', hours: '工作日' };
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      {
        item: 'SB-0001',
        field: 'materials',
        message: 'Invalid key: Expected "materials" but received undefined',
      },
      {
        item: 'SB-0001',
        field: 'legalDays',
        message: 'Invalid key: Expected "legalDays" but received undefined',
      },
      {
        item: 'SB-0001',
        field: 'place.window',
        message: 'Invalid key: Expected "window" but received undefined',
      },
    ]);
  });

  it('rejects wrong types field by field', () => {
    const item = windowItem();
    item.enabled = 'yes';
    item.idCardOnly = 1;
    item.legalDays = 1.5;
    item.promisedDays = -1;
    item.department = 'police';
    item.audience = [];
    item.channel = 'web';
    item.conditions = '社会保障卡遗失';
    item.fees = [{ name: '工本费', yuan: '20', basis: '《通知》' }];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      {
        item: 'SB-0001',
        field: 'department',
        message:
          'one of social-security, medical-insurance, housing-fund, tax, real-estate, market-regulation, civil-affairs, public-security',
      },
      { item: 'SB-0001', field: 'audience', message: 'at least one audience' },
      { item: 'SB-0001', field: 'idCardOnly', message: 'must be true or false' },
      { item: 'SB-0001', field: 'channel', message: 'kiosk, submit or window' },
      { item: 'SB-0001', field: 'enabled', message: 'must be true or false' },
      { item: 'SB-0001', field: 'conditions', message: 'must be a list' },
      { item: 'SB-0001', field: 'legalDays', message: 'must be a whole number' },
      { item: 'SB-0001', field: 'promisedDays', message: 'at least 0' },
      { item: 'SB-0001', field: 'fees.0.yuan', message: 'must be a number' },
    ]);
  });

  it('rejects a material form and copies out of range', () => {
    const item = windowItem();
    item.materials = [
      { name: '身份证', form: 'scan', copies: 21 },
      { name: '户口簿', form: 'copy', copies: 1, capture: 'yes' },
    ];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0001', field: 'materials.0.form', message: 'original, copy or electronic' },
      { item: 'SB-0001', field: 'materials.0.copies', message: 'at most 20' },
      { item: 'SB-0001', field: 'materials.1.capture', message: 'must be true or false' },
    ]);
  });

  it('rejects an item that is not an object, located by position', () => {
    expect(problemsOf(parseCatalog(catalogOf(windowItem(), null, 'SB-0002')))).toEqual([
      { item: '#2', field: '', message: 'Invalid type: Expected Object but received null' },
      { item: '#3', field: '', message: 'Invalid type: Expected Object but received "SB-0002"' },
    ]);
  });

  it('locates problems of the file itself with an empty item', () => {
    expect(problemsOf(parseCatalog({ version: 0, savedAt: 'yesterday', items: {} }))).toEqual([
      { item: '', field: 'version', message: 'at least 1' },
      { item: '', field: 'savedAt', message: 'an ISO 8601 moment' },
      { item: '', field: 'items', message: 'must be a list' },
    ]);
    expect(problemsOf(parseCatalog(null))).toEqual([
      { item: '', field: '', message: 'Invalid type: Expected Object but received null' },
    ]);
  });

  it('rejects more than 2000 items', () => {
    const items = Array.from({ length: 2001 }, (_, n) =>
      windowItem(`SB-${String(n).padStart(4, '0')}`),
    );
    expect(problemsOf(parseCatalog(catalogOf(...items)))).toEqual([
      { item: '', field: 'items', message: 'at most 2000 items' },
    ]);
  });

  it('rejects stored pinyin that is not lower-case letters, digits and spaces', () => {
    const item = { ...windowItem(), pinyin: { full: 'she bao <b>', initials: 'sb' } };
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      {
        item: 'SB-0001',
        field: 'pinyin.full',
        message: 'Invalid format: Expected /^[a-z0-9 ]{0,400}$/ but received "she bao <b>"',
      },
    ]);
  });

  it('reports several problems at once, across items (abortEarly false)', () => {
    const first = windowItem('SB-0001');
    first.legalDays = '20';
    first.steps = [];
    const second = kioskItem('SB-0002');
    second.place = { window: '', address: 'XX县政务服务中心一楼', hours: '工作日' };
    second.queueService = 'Social Security';
    expect(problemsOf(parseCatalog(catalogOf(first, second)))).toEqual([
      { item: 'SB-0001', field: 'steps', message: 'at least one step' },
      { item: 'SB-0001', field: 'legalDays', message: 'must be a number' },
      { item: 'SB-0002', field: 'place.window', message: 'may not be empty' },
      {
        item: 'SB-0002',
        field: 'queueService',
        message: 'a queue service code',
      },
    ]);
  });
});

describe('parseCatalog: rules across fields', () => {
  it('a kiosk item names its result', () => {
    const item = kioskItem();
    delete item.result;
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0002', field: 'result', message: 'a kiosk item names its result' },
    ]);
  });

  it.each(['form', 'declaration'])('a submit item without its %s is refused', (missing) => {
    const { [missing]: _gone, ...item } = submitItem();
    expect(Object.keys(item)).not.toContain(missing);
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      {
        item: 'SB-0003',
        field: missing,
        message:
          missing === 'form'
            ? 'a submit item has a form'
            : 'a submit item has a declaration (告知承诺)',
      },
    ]);
  });

  it('a window item needs neither a result nor a form', () => {
    expect(parseCatalog(catalogOf(windowItem())).ok).toBe(true);
  });

  it('two form fields may not share an id, and a field id is letters and digits', () => {
    const item = submitItem();
    item.form = [
      { id: 'phone', label: '电话', kind: 'phone', required: true, maxLength: 11 },
      { id: 'phone', label: '备用电话', kind: 'phone', required: false, maxLength: 11 },
    ];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0003', field: 'form', message: 'two form fields have the same id' },
    ]);
    item.form = [
      { id: 'Phone-1', label: '电话', kind: 'email', required: true, maxLength: 0, prefill: 'x' },
    ];
    expect(problemsOf(parseCatalog(catalogOf(item)))).toEqual([
      { item: 'SB-0003', field: 'form.0.id', message: 'a field id: letters and digits' },
      { item: 'SB-0003', field: 'form.0.kind', message: 'text, digits or phone' },
      { item: 'SB-0003', field: 'form.0.maxLength', message: 'at least 1' },
      {
        item: 'SB-0003',
        field: 'form.0.prefill',
        message: 'one of name, idNumber, address, creditCode, enterpriseName',
      },
    ]);
  });

  it('the promised time may not exceed the legal time', () => {
    expect(problemsOf(parseCatalog(catalogOf({ ...windowItem(), promisedDays: 21 })))).toEqual([
      {
        item: 'SB-0001',
        field: 'promisedDays',
        message: 'the promised time may not exceed the legal time',
      },
    ]);
    expect(parseCatalog(catalogOf({ ...windowItem(), promisedDays: 20 })).ok).toBe(true);
  });

  it('一证可办 needs a person audience and 一照可办 a business audience', () => {
    const idCard = { ...windowItem('GA-0001'), idCardOnly: true, audience: ['business'] };
    const licence = { ...windowItem('SCJG-0001'), licenceOnly: true, audience: ['person'] };
    const both = {
      ...windowItem('SW-0003'),
      idCardOnly: true,
      licenceOnly: true,
      audience: ['person', 'business'],
    };
    expect(problemsOf(parseCatalog(catalogOf(idCard, licence, both)))).toEqual([
      {
        item: 'GA-0001',
        field: 'idCardOnly',
        message: '一证可办 items are for persons (audience must include person)',
      },
      {
        item: 'SCJG-0001',
        field: 'licenceOnly',
        message: '一照可办 items are for businesses (audience must include business)',
      },
    ]);
  });

  it('an audience may not be named twice', () => {
    expect(
      problemsOf(parseCatalog(catalogOf({ ...windowItem(), audience: ['person', 'person'] }))),
    ).toEqual([{ item: 'SB-0001', field: 'audience', message: 'an audience is named twice' }]);
  });
});

describe('parseCatalogText', () => {
  it('rejects a 5 MB file before parsing it as JSON', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `{"version":1,"savedAt":"2026-11-30T00:00:00.000Z","items":[${'"x",'.repeat(1_250_000)}"x"]}`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(parseCatalogText(huge)).toEqual({
      ok: false,
      problems: [{ item: '', field: '', message: 'the file is larger than 2 MB' }],
    });
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads a file of exactly the limit and refuses one character more', () => {
    const body = JSON.stringify(catalogOf(windowItem()));
    const padded = body + ' '.repeat(MAX_CATALOG_BYTES - new TextEncoder().encode(body).length);
    expect(new TextEncoder().encode(padded).length).toBe(MAX_CATALOG_BYTES);
    expect(parseCatalogText(padded).ok).toBe(true);
    expect(problemsOf(parseCatalogText(`${padded} `))).toEqual([
      { item: '', field: '', message: 'the file is larger than 2 MB' },
    ]);
  });

  it('counts bytes, not characters: 1.9 million Chinese characters are 5.7 MB', () => {
    const raw = JSON.stringify({ ...catalogOf(windowItem()), note: '事'.repeat(1_900_000) });
    expect(raw.length).toBeLessThan(MAX_CATALOG_BYTES);
    expect(problemsOf(parseCatalogText(raw))).toEqual([
      { item: '', field: '', message: 'the file is larger than 2 MB' },
    ]);
  });

  it.each(['', '{', 'catalog', "{'version':1}", '{"version":1,}', '\u0000'])(
    'rejects text that is not JSON: %j',
    (raw) => {
      expect(parseCatalogText(raw)).toEqual({
        ok: false,
        problems: [{ item: '', field: '', message: 'not a JSON file' }],
      });
    },
  );

  it('validates JSON that is not a catalog', () => {
    expect(problemsOf(parseCatalogText('[]'))).toEqual([
      {
        item: '',
        field: 'version',
        message: 'Invalid key: Expected "version" but received undefined',
      },
      {
        item: '',
        field: 'savedAt',
        message: 'Invalid key: Expected "savedAt" but received undefined',
      },
      { item: '', field: 'items', message: 'Invalid key: Expected "items" but received undefined' },
    ]);
  });

  it('parses a valid catalog file', () => {
    const input = catalogOf(windowItem(), kioskItem());
    expect(parseCatalogText(JSON.stringify(input))).toEqual({ ok: true, catalog: input });
  });

  it('ignores a __proto__ key instead of polluting objects', () => {
    const raw = JSON.stringify(catalogOf(windowItem())).replace(
      '"code"',
      '"__proto__":{"polluted":true},"code"',
    );
    const catalog = catalogFrom(parseCatalogText(raw));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((catalog.items[0] as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('withPinyin and offeredItems', () => {
  it('computes the pinyin of every name, raises the version and stamps the save', () => {
    const source = catalogFrom(parseCatalog(catalogOf(windowItem('BDC-0001', '不动产登记'))));
    const saved = withPinyin(source, pinyinOf, new Date('2026-12-01T08:00:00+08:00'));
    expect(saved.version).toBe(4);
    expect(saved.savedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(saved.items[0]?.pinyin).toEqual({ full: 'bu dong chan deng ji', initials: 'bdcdj' });
    expect(source.items[0]?.pinyin).toBeUndefined();
    expect(parseCatalog(saved).ok).toBe(true);
  });

  it('offers enabled items only, in catalog order', () => {
    const catalog = catalogFrom(
      parseCatalog(
        catalogOf(windowItem('A-1'), { ...windowItem('A-2'), enabled: false }, windowItem('A-3')),
      ),
    );
    expect(offeredItems(catalog).map((i) => i.code)).toEqual(['A-1', 'A-3']);
  });
});

describe('searchItems', () => {
  const names: [string, string][] = [
    ['SB-0001', '社会保障卡补领'],
    ['BDC-0001', '不动产登记信息查询'],
    ['GJJ-0001', '住房公积金缴存证明打印'],
    ['BDC-0002', '个人名下不动产登记情况查询'],
    ['SW-0001', '个人所得税纳税记录开具'],
    ['BDC-0003', '抵押权注销登记'],
    ['GJJ-0002', '单位住房公积金缴存登记'],
  ];
  const source = catalogFrom(parseCatalog(catalogOf(...names.map(([c, n]) => windowItem(c, n)))));
  const items = withPinyin(source, pinyinOf, new Date('2026-11-30T00:00:00Z')).items;
  const codes = (found: CatalogItem[]) => found.map((i) => i.code);

  it('finds Chinese in the name, names that start with it first', () => {
    expect(codes(searchItems(items, '不动产'))).toEqual(['BDC-0001', 'BDC-0002']);
    expect(codes(searchItems(items, '公积金'))).toEqual(['GJJ-0001', 'GJJ-0002']);
    expect(codes(searchItems(items, '登记'))).toEqual([
      'BDC-0001',
      'BDC-0002',
      'BDC-0003',
      'GJJ-0002',
    ]);
  });

  it('finds pinyin initials, starting ones first, case and spaces ignored', () => {
    expect(codes(searchItems(items, 'bdc'))).toEqual(['BDC-0001', 'BDC-0002']);
    expect(codes(searchItems(items, ' B D C '))).toEqual(['BDC-0001', 'BDC-0002']);
    expect(codes(searchItems(items, 'gjj'))).toEqual(['GJJ-0001', 'GJJ-0002']);
    expect(codes(searchItems(items, 'gr'))).toEqual(['BDC-0002', 'SW-0001']);
  });

  it('finds the full spelling, with or without spaces', () => {
    expect(codes(searchItems(items, 'budongchan'))).toEqual(['BDC-0001', 'BDC-0002']);
    expect(codes(searchItems(items, 'bu dong chan'))).toEqual(['BDC-0001', 'BDC-0002']);
    expect(codes(searchItems(items, 'gongjijin'))).toEqual(['GJJ-0001', 'GJJ-0002']);
    expect(codes(searchItems(items, 'zhufang'))).toEqual(['GJJ-0001', 'GJJ-0002']);
  });

  it('ranks a start before a contained initial before a contained spelling', () => {
    // dy: 抵押 starts (3), 缴存证明打印 holds dy in its initials (2).
    expect(codes(searchItems(items, 'dy'))).toEqual(['BDC-0003', 'GJJ-0001']);
    // 'dengji' starts no name nor initials; it is held in the full spelling of four names.
    expect(codes(searchItems(items, 'dengji'))).toEqual([
      'BDC-0001',
      'BDC-0002',
      'BDC-0003',
      'GJJ-0002',
    ]);
  });

  it('finds an item by its exact code', () => {
    expect(codes(searchItems(items, 'sw-0001'))).toEqual(['SW-0001']);
  });

  it('returns everything for an empty query and nothing for no match', () => {
    expect(codes(searchItems(items, '  '))).toEqual(names.map(([c]) => c));
    expect(searchItems(items, '护照')).toEqual([]);
    expect(searchItems(items, 'xyzq')).toEqual([]);
    expect(searchItems(items, '<img src=x>')).toEqual([]);
  });

  it('finds nothing by pinyin for items saved without it, but still by Chinese', () => {
    expect(codes(searchItems(source.items, 'bdc'))).toEqual([]);
    expect(codes(searchItems(source.items, '不动产'))).toEqual(['BDC-0001', 'BDC-0002']);
  });
});

describe('itemsDoneWith', () => {
  const items = catalogFrom(
    parseCatalog(
      catalogOf(
        { ...windowItem('SB-0001'), idCardOnly: true },
        { ...windowItem('SB-0002'), idCardOnly: true, enabled: false },
        { ...windowItem('SB-0003'), licenceOnly: true, audience: ['business'] },
        {
          ...windowItem('SW-0001'),
          idCardOnly: true,
          licenceOnly: true,
          audience: ['person', 'business'],
        },
        { ...windowItem('SB-0004'), licenceOnly: true, audience: ['business'], enabled: false },
        windowItem('SB-0005'),
      ),
    ),
  ).items;

  it('lists the enabled 一证可办 items for an ID card', () => {
    expect(itemsDoneWith(items, 'id-card').map((i) => i.code)).toEqual(['SB-0001', 'SW-0001']);
  });

  it('lists the enabled 一照可办 items for a business licence', () => {
    expect(itemsDoneWith(items, 'licence').map((i) => i.code)).toEqual(['SB-0003', 'SW-0001']);
  });

  it('lists nothing when no item qualifies', () => {
    expect(itemsDoneWith([], 'id-card')).toEqual([]);
  });
});
