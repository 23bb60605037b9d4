import * as v from 'valibot';

/**
 * The hall's item catalog (事项目录): what a citizen or a business can do here, the service guide
 * of each item (办事指南, told all at once: 一次性告知) and how it is done — entirely at the kiosk,
 * applied for here and finished by staff, or at a window.
 *
 * Every text is plain text: the screens show it as text (never as markup) and the printed guide
 * draws it. Pinyin (full spelling and initials) is computed when the catalog is saved, by the
 * staff console or the seed script (`withPinyin`), so no pinyin library is shipped to citizens.
 */

/** The departments whose items the hall offers, in the order the guide lists them. */
export const DEPARTMENTS = [
  'social-security',
  'medical-insurance',
  'housing-fund',
  'tax',
  'real-estate',
  'market-regulation',
  'civil-affairs',
  'public-security',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Who an item is for: 个人 (a natural person) or 法人 (a business or other organisation). */
export const AUDIENCES = ['person', 'business'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * How an item is done: `kiosk` decided here by the back office's rules and its result printed;
 * `submit` applied for here (form, materials, declaration) and finished by staff; `window` the
 * guide here, the item at a window (a queue number or an appointment).
 */
export const CHANNELS = ['kiosk', 'submit', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The form a material is handed in: 原件, 复印件 or 电子证照. */
export const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/** What a field of a `submit` item's form is filled from, when the card or licence tells it. */
export const PREFILLS = ['name', 'idNumber', 'address', 'creditCode', 'enterpriseName'] as const;
export type Prefill = (typeof PREFILLS)[number];

export const MAX_CATALOG_BYTES = 2_000_000;
export const MAX_CATALOG_ITEMS = 2_000;

// Control characters (NUL, escape, bidi overrides, lone surrogates…) have no place in a guide.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.nonEmpty('may not be empty'),
    v.maxLength(max, `at most ${max} characters`),
    v.check((s) => !UNPRINTABLE.test(s) && !LONE_SURROGATE.test(s), 'holds unprintable characters'),
  );

const texts = (max: number, count: number) =>
  v.pipe(v.array(text(max), 'must be a list'), v.maxLength(count, `at most ${count} entries`));

const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `at least ${min}`),
    v.maxValue(max, `at most ${max}`),
  );

const telephone = v.pipe(
  v.string('must be text'),
  v.regex(/^[0-9+\-() ]{3,24}$/, 'a telephone number: digits, spaces, + - ( ) only'),
);

const materialSchema = v.object({
  name: text(120),
  form: v.picklist(MATERIAL_FORMS, 'original, copy or electronic'),
  copies: wholeNumber(0, 20),
  notes: v.optional(text(300)),
  /** Captured with the document camera when the item is applied for at the kiosk. */
  capture: v.optional(v.boolean('must be true or false')),
});

const formFieldSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a field id: letters and digits')),
  label: text(40),
  kind: v.picklist(['text', 'digits', 'phone'], 'text, digits or phone'),
  required: v.boolean('must be true or false'),
  maxLength: wholeNumber(1, 200),
  prefill: v.optional(v.picklist(PREFILLS, `one of ${PREFILLS.join(', ')}`)),
});

const itemSchema = v.pipe(
  v.object({
    code: v.pipe(
      v.string('must be text'),
      v.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'capital letters, digits and - (3–40)'),
    ),
    name: text(60),
    nameEn: v.optional(text(120)),
    department: v.picklist(DEPARTMENTS, `one of ${DEPARTMENTS.join(', ')}`),
    audience: v.pipe(
      v.array(v.picklist(AUDIENCES, 'person or business')),
      v.nonEmpty('at least one audience'),
      v.check((a) => new Set(a).size === a.length, 'an audience is named twice'),
    ),
    /** 一证可办: done with a resident ID card alone. */
    idCardOnly: v.boolean('must be true or false'),
    /** 一照可办: done with a business licence alone. */
    licenceOnly: v.boolean('must be true or false'),
    channel: v.picklist(CHANNELS, 'kiosk, submit or window'),
    enabled: v.boolean('must be true or false'),
    conditions: texts(300, 30),
    materials: v.pipe(v.array(materialSchema, 'must be a list'), v.maxLength(40)),
    legalBasis: v.pipe(texts(200, 20), v.nonEmpty('at least one legal basis')),
    steps: v.pipe(texts(200, 20), v.nonEmpty('at least one step')),
    /** Working days; 0 is 当场办结 (done on the spot). */
    legalDays: wholeNumber(0, 365),
    promisedDays: wholeNumber(0, 365),
    /** Fees in yuan with their basis; none is 不收费. */
    fees: v.pipe(
      v.array(
        v.object({
          name: text(60),
          yuan: v.pipe(v.number('must be a number'), v.minValue(0), v.maxValue(1_000_000)),
          basis: text(200),
        }),
      ),
      v.maxLength(10),
    ),
    place: v.object({ window: text(60), address: text(120), hours: text(120) }),
    enquiryTelephone: telephone,
    complaintTelephone: telephone,
    /** The queue service (a `queue.services` code of the configuration) the item belongs to. */
    queueService: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'a queue service code')),
    /** For `kiosk` items: the title of the result the kiosk prints. */
    result: v.optional(text(60)),
    /** For `submit` items: the short form filled at the kiosk. */
    form: v.optional(v.pipe(v.array(formFieldSchema), v.maxLength(12))),
    /** The 告知承诺 the applicant confirms (for `submit` items). */
    declaration: v.optional(text(600)),
    /** Computed when the catalog is saved: full spelling without tones, and initials. */
    pinyin: v.optional(
      v.object({
        full: v.pipe(v.string(), v.regex(/^[a-z0-9 ]{0,400}$/)),
        initials: v.pipe(v.string(), v.regex(/^[a-z0-9]{0,80}$/)),
      }),
    ),
  }),
  // Rules across fields, each reported on the field to change (and checked even when another
  // field of the item is wrong, so one import shows every problem at once).
  v.forward(
    v.partialCheck(
      [['promisedDays'], ['legalDays']],
      (i) => i.promisedDays <= i.legalDays,
      'the promised time may not exceed the legal time',
    ),
    ['promisedDays'],
  ),
  v.forward(
    v.partialCheck(
      [['idCardOnly'], ['audience']],
      (i) => !i.idCardOnly || i.audience.includes('person'),
      '一证可办 items are for persons (audience must include person)',
    ),
    ['idCardOnly'],
  ),
  v.forward(
    v.partialCheck(
      [['licenceOnly'], ['audience']],
      (i) => !i.licenceOnly || i.audience.includes('business'),
      '一照可办 items are for businesses (audience must include business)',
    ),
    ['licenceOnly'],
  ),
  v.forward(
    v.partialCheck(
      [['channel'], ['result']],
      (i) => i.channel !== 'kiosk' || i.result !== undefined,
      'a kiosk item names its result',
    ),
    ['result'],
  ),
  v.forward(
    v.partialCheck(
      [['channel'], ['form']],
      (i) => i.channel !== 'submit' || i.form !== undefined,
      'a submit item has a form',
    ),
    ['form'],
  ),
  v.forward(
    v.partialCheck(
      [['channel'], ['declaration']],
      (i) => i.channel !== 'submit' || i.declaration !== undefined,
      'a submit item has a declaration (告知承诺)',
    ),
    ['declaration'],
  ),
  v.forward(
    v.partialCheck(
      [['form']],
      (i) => new Set((i.form ?? []).map((f) => f.id)).size === (i.form ?? []).length,
      'two form fields have the same id',
    ),
    ['form'],
  ),
);

export const catalogSchema = v.pipe(
  v.object({
    /** Raised on every save; a kiosk keeps the newest it has seen. */
    version: wholeNumber(1, Number.MAX_SAFE_INTEGER),
    /** ISO 8601 moment of the save. */
    savedAt: v.pipe(v.string(), v.isoTimestamp('an ISO 8601 moment')),
    items: v.pipe(
      v.array(itemSchema, 'must be a list'),
      v.maxLength(MAX_CATALOG_ITEMS, `at most ${MAX_CATALOG_ITEMS} items`),
    ),
  }),
);

export type CatalogItem = v.InferOutput<typeof itemSchema>;
export type CatalogMaterial = CatalogItem['materials'][number];
export type CatalogFormField = NonNullable<CatalogItem['form']>[number];
export type Catalog = v.InferOutput<typeof catalogSchema>;

/** One thing wrong with a catalog, located by item code (or position) and field. */
export interface CatalogProblem {
  /** The item's code, `#3` for the fourth item when it has no readable code, '' for the file. */
  item: string;
  /** Dotted path inside the item (`materials.2.copies`), or the file's field. */
  field: string;
  message: string;
}

export type CatalogParse =
  { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

/** Reads a catalog file: size first (before parsing), then JSON, then the schema, then codes. */
export function parseCatalogText(raw: string): CatalogParse {
  // A UTF-16 length over the limit is over it in UTF-8 too; otherwise the bytes are counted.
  if (raw.length > MAX_CATALOG_BYTES || new TextEncoder().encode(raw).length > MAX_CATALOG_BYTES)
    return failure('', '', `the file is larger than ${MAX_CATALOG_BYTES / 1_000_000} MB`);
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return failure('', '', 'not a JSON file');
  }
  return parseCatalog(input);
}

/** Validates a catalog whole: every problem is reported, and nothing is taken from a bad one. */
export function parseCatalog(input: unknown): CatalogParse {
  const result = v.safeParse(catalogSchema, input, { abortEarly: false });
  const problems: CatalogProblem[] = result.success
    ? []
    : result.issues.map((issue) => locate(input, issue));
  // Read from the file itself, so that a duplicate shows beside every other problem.
  const items = (input as { items?: unknown } | null)?.items;
  const seen = new Set<string>();
  for (const item of Array.isArray(items) ? items : []) {
    const code = (item as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') continue;
    if (seen.has(code))
      problems.push({ item: code, field: 'code', message: 'the code is used twice' });
    seen.add(code);
  }
  if (!result.success || problems.length > 0) return { ok: false, problems: unique(problems) };
  return { ok: true, catalog: result.output };
}

function locate(input: unknown, issue: v.BaseIssue<unknown>): CatalogProblem {
  const keys = (issue.path ?? []).map((p) => String(p.key));
  if (keys[0] !== 'items' || keys.length < 2) {
    return { item: '', field: keys.join('.'), message: issue.message };
  }
  const index = Number(keys[1]);
  const items = (input as { items?: unknown[] }).items;
  const code = (items?.[index] as { code?: unknown } | undefined)?.code;
  return {
    item: typeof code === 'string' && code.length <= 40 ? code : `#${index + 1}`,
    field: keys.slice(2).join('.'),
    message: issue.message,
  };
}

function failure(item: string, field: string, message: string): CatalogParse {
  return { ok: false, problems: [{ item, field, message }] };
}

function unique(problems: CatalogProblem[]): CatalogProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.item}\u0000${p.field}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The full spelling (syllables separated by spaces, no tones) and the initials of a text. */
export type PinyinOf = (text: string) => { full: string; initials: string };

/** The catalog as saved: pinyin computed for every item's name, version raised. */
export function withPinyin(catalog: Catalog, pinyinOf: PinyinOf, savedAt: Date): Catalog {
  return {
    version: catalog.version + 1,
    savedAt: savedAt.toISOString(),
    items: catalog.items.map((item) => ({ ...item, pinyin: pinyinOf(item.name) })),
  };
}

/** Where the kiosk reads the hall's item catalog from (the file, the staff console's store). */
export interface CatalogSource {
  /** The catalog now in force; rejects when there is none to be read. */
  current(): Promise<Catalog>;
}

/** The items a citizen sees: enabled ones, in the catalog's order. */
export function offeredItems(catalog: { items: readonly CatalogItem[] }): CatalogItem[] {
  return catalog.items.filter((item) => item.enabled);
}

/**
 * Items matching what a citizen typed: Chinese in the name, or pinyin (initials such as `bdc`
 * for 不动产, or the full spelling). Best first: a name or initials that start with the query,
 * then those that hold it, each in catalog order.
 */
export function searchItems(items: readonly CatalogItem[], query: string): CatalogItem[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return [...items];
  const scored: { item: CatalogItem; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    const initials = item.pinyin?.initials ?? '';
    const full = (item.pinyin?.full ?? '').replace(/ /g, '');
    let score = 0;
    if (item.name.startsWith(q) || initials.startsWith(q) || full.startsWith(q)) score = 3;
    else if (item.name.includes(q) || initials.includes(q)) score = 2;
    else if (full.includes(q) || item.code.toLowerCase() === q) score = 1;
    if (score > 0) scored.push({ item, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.item);
}

/** The items this card or licence alone can do (一证可办 / 一照可办). */
export function itemsDoneWith(
  items: readonly CatalogItem[],
  document: 'id-card' | 'licence',
): CatalogItem[] {
  return items.filter((item) =>
    document === 'id-card' ? item.enabled && item.idCardOnly : item.enabled && item.licenceOnly,
  );
}
