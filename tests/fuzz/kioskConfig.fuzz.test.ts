import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceProfileOf, parseKioskConfig } from '../../domain';
import { loadConfig } from '../../kiosk-ui/loadConfig';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileText } from './hostileText';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const URL = '/kiosk.config.json';

/** The shipped configuration with every optional section filled in: a valid file to spoil. */
const VALID: Json = {
  ...(JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')) as Record<string, Json>),
  hall: {
    name: { 'zh-CN': '县政务服务中心', en: 'County Government Service Centre' },
    address: { 'zh-CN': '人民路1号', en: '1 Renmin Road' },
  },
  calendar: { holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-09-27'] },
  hardware: {
    bridgeUrl: 'ws://127.0.0.1:9871/budayang',
    receiptPrinter: { model: 'generic-80-gb18030', vendorId: 0x04b8, productId: 0x0202 },
    cameraScanner: true,
    licencePaper: 'preprinted',
  },
};

/** Every place in a JSON value, the root too, as key paths. */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value)
    ? value.flatMap((child, index) => pathsOf(child, [...at, index]))
    : Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...at, key]));
  return [at, ...children];
}

const isContainer = (node: Json): node is Record<string, Json> =>
  node !== null && typeof node === 'object';

/** The node at `path`, or null where there is none. */
const get = (value: Json, path: Path): Json =>
  path.reduce<Json>((node, key) => (isContainer(node) ? (node[key] ?? null) : null), value);

/**
 * A copy of `value` with the node at `path` changed by `change` (its parent and key given);
 * unchanged where an earlier mutation took the parent away.
 */
function edit(
  value: Json,
  path: Path,
  change: (parent: Record<string, Json>, key: string) => void,
) {
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1));
  if (isContainer(parent)) change(parent, String(path[path.length - 1]));
  return copy;
}

/** Sets an own enumerable key even where it is __proto__, as JSON.parse would. */
const setOwn = (target: object, key: string, value: Json) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Values of every JSON type, and numbers at and beyond every limit the schema sets. */
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(-1, 0, -0, 0.5, 19, 601, 1e9, 1e308, -1e308, 2 ** 53 + 2, 0xffff + 1),
  fc.constantFrom<Json>('', ' ', '25:00', '2026-02-30', 'ws://evil.example/', '9', 'mock '),
  hostileText(16),
  fc.constantFrom<Json>(null, true, false, [], {}),
);

/**
 * Deeply nested garbage, as a recipe: the value itself is built only as JSON text (a file may
 * nest 10,000 levels deep, more than structuredClone or a printed counterexample can take).
 */
interface Deep {
  depth: number;
  arrays: boolean;
  leaf: Json;
}

const deepGarbage: fc.Arbitrary<Deep> = fc.record({
  depth: fc.integer({ min: 100, max: 10_000 }),
  arrays: fc.boolean(),
  leaf: wrongValue,
});

const deepText = ({ depth, arrays, leaf }: Deep) =>
  arrays
    ? '['.repeat(depth) + JSON.stringify(leaf) + ']'.repeat(depth)
    : '{"k":'.repeat(depth) + JSON.stringify(leaf) + '}'.repeat(depth);

/** A value in place of the garbage, for parsers that take objects: 50 levels deep at most. */
function deepValue({ depth, arrays, leaf }: Deep): Json {
  let node = leaf;
  for (let i = 0; i < Math.min(depth, 50); i += 1) node = arrays ? [node] : { k: node };
  return node;
}

/** Keys that would pollute a prototype if the parser copied them onto a plain object. */
const pollution: fc.Arbitrary<Json> = fc
  .constantFrom(...PROTOTYPE_KEYS)
  .map((key) => setOwn({}, key, { polluted: 'yes', prototype: { polluted: 'yes' } }) as Json);

type Mutation =
  | { kind: 'retype'; path: Path; value: Json | Deep }
  | { kind: 'delete'; path: Path }
  | { kind: 'extra'; path: Path; key: string; value: Json | Deep }
  | { kind: 'pollute'; path: Path; value: Json };

const ALL_PATHS = pathsOf(VALID);
const OBJECT_PATHS = ALL_PATHS.filter((p) => {
  const node = get(VALID, p);
  return isContainer(node) && !Array.isArray(node);
});
const LEAF_PATHS = ALL_PATHS.filter((p) => !isContainer(get(VALID, p)));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('retype' as const),
    path: fc.constantFrom(...ALL_PATHS.filter((p) => p.length > 0)),
    value: fc.oneof({ arbitrary: wrongValue, weight: 5 }, deepGarbage),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    path: fc.constantFrom(...ALL_PATHS.filter((p) => p.length > 0)),
  }),
  fc.record({
    kind: fc.constant('extra' as const),
    path: fc.constantFrom(...OBJECT_PATHS),
    key: fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'toString', 'hasOwnProperty'),
      hostileText(12),
    ),
    value: fc.oneof(wrongValue, deepGarbage),
  }),
  fc.record({
    kind: fc.constant('pollute' as const),
    path: fc.constantFrom(...OBJECT_PATHS),
    value: pollution,
  }),
);

const isDeep = (value: Json | Deep): value is Deep =>
  isContainer(value as Json) && 'depth' in (value as object) && 'leaf' in (value as object);

/** Applies a mutation; `deep` turns a garbage recipe into the value that goes in its place. */
function mutate(config: Json, m: Mutation, deep: (garbage: Deep) => Json = deepValue): Json {
  const build = (value: Json | Deep) => (isDeep(value) ? deep(value) : value);
  switch (m.kind) {
    case 'retype':
      return edit(config, m.path, (parent, key) => setOwn(parent, key, build(m.value)));
    case 'delete':
      return edit(config, m.path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else Reflect.deleteProperty(parent, key);
      });
    case 'extra':
      return edit(config, [...m.path, m.key], (parent, key) => setOwn(parent, key, build(m.value)));
    case 'pollute': {
      const copy = structuredClone(config);
      const target = get(copy, m.path);
      if (!isContainer(target) || !isContainer(m.value)) return copy;
      for (const [key, value] of Object.entries(m.value)) setOwn(target, key, value);
      return copy;
    }
  }
}

/** What a hall might serve as its configuration file: a spoilt config, cut short, or anything. */
const servedFile = fc.oneof(
  {
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ ms, cut: null })),
    weight: 6,
  },
  { arbitrary: fc.record({ ms: fc.constant<Mutation[]>([]), cut: fc.nat() }), weight: 1 },
  { arbitrary: fc.json().map((text) => ({ text })), weight: 1 },
  { arbitrary: anyText.map((text) => ({ text })), weight: 1 },
);

function textOf(file: { ms: Mutation[]; cut: number | null } | { text: string }): string {
  if ('text' in file) return file.text;
  // Garbage goes in as a placeholder string, swapped for its JSON text once the rest is written.
  const holes: string[] = [];
  const placeholder = (garbage: Deep) => `\u0001hole${holes.push(deepText(garbage)) - 1}`;
  let text = JSON.stringify(file.ms.reduce<Json>((c, m) => mutate(c, m, placeholder), VALID));
  holes.forEach((hole, i) => (text = text.replace(`"\\u0001hole${i}"`, () => hole)));
  return file.cut === null ? text : text.slice(0, file.cut % text.length);
}

const prototypeKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join())
    .join(' | ');
const CLEAN_PROTOTYPES = prototypeKeys();

// The checks below run thousands of times: they compare plainly and call expect() once.
function expectUnpolluted(): void {
  const now = prototypeKeys();
  if (now !== CLEAN_PROTOTYPES || 'polluted' in {}) expect(now).toBe(CLEAN_PROTOTYPES);
}

/** Where in a parsed config an object is neither a plain object nor an array. */
function foreignPrototypes(value: unknown, at = 'config'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const proto: unknown = Object.getPrototypeOf(value);
  const here = proto === Object.prototype || proto === Array.prototype ? [] : [at];
  return [
    ...here,
    ...Object.entries(value).flatMap(([key, child]) => foreignPrototypes(child, `${at}.${key}`)),
  ];
}

/** A problem as the kiosk shows it: the file, then a path and a message in words. */
const isReadableProblem = (problem: unknown) =>
  typeof problem === 'string' &&
  problem.startsWith(`${URL}: `) &&
  /\S/.test(problem.slice(URL.length + 2)) &&
  !/\[object |: undefined$/.test(problem);

/** The file's text parsed, or undefined when it is not JSON. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What parseKioskConfig makes of the file's text, or null when it is not JSON. */
function parsedFile(text: string): ReturnType<typeof parseKioskConfig> | null {
  try {
    return parseKioskConfig(JSON.parse(text));
  } catch {
    return null;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('kiosk configuration import', () => {
  it('the valid file to spoil is valid', () => {
    expect(parseKioskConfig(VALID).ok).toBe(true);
    expect(LEAF_PATHS.length).toBeGreaterThan(50);
  });

  it('loadConfig yields a valid config (or none, out of service) and a list of problems, polluting nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        servedFile,
        fc.constantFrom(200, 200, 200, 404, 500),
        async (file, status) => {
          const text = textOf(file);
          vi.stubGlobal('fetch', async () => new Response(text, { status }));
          // No last good configuration: the file alone, field by field.
          const loaded = await loadConfig(URL, null);

          expectUnpolluted();
          expect(loaded.problems.filter((p) => !isReadableProblem(p))).toEqual([]);
          if (loaded.usable) {
            expect(parseKioskConfig(loaded.config).ok).toBe(true);
            expect(foreignPrototypes(loaded.config)).toEqual([]);
          }

          const parsed = status === 200 ? parsedFile(text) : null;
          if (parsed?.ok) {
            expect(loaded).toEqual({
              usable: true,
              config: parsed.config,
              source: 'file',
              rejected: [],
              problems: [],
            });
          } else {
            expect(loaded.problems.length).toBeGreaterThan(0);
            expect(loaded.rejected.length).toBeGreaterThan(0);
            // A failing file never puts a real terminal on simulated devices.
            if (loaded.usable) expect(loaded.config.devices).toBe(deviceProfileOf(safeJson(text)));
            else expect(deviceProfileOf(safeJson(text)) === null || status !== 200).toBe(true);
          }
        },
      ),
      { numRuns: fuzzRuns() },
    );
  });

  it('names the path of a field given the wrong type of value', () => {
    const otherType = (was: Json): fc.Arbitrary<Json> =>
      wrongValue.filter((v) => typeof v !== typeof was || (v === null) !== (was === null));
    const retyped = fc
      .constantFrom(...LEAF_PATHS)
      .chain((path) => otherType(get(VALID, path)).map((value) => ({ path, value })));
    fc.assert(
      fc.property(retyped, ({ path, value }) => {
        const result = parseKioskConfig(mutate(VALID, { kind: 'retype', path, value }));
        expect(result.ok).toBe(false);
        const problems = result.ok ? [] : result.problems;
        expect(problems.some((p) => p.startsWith(`${path.join('.')}: `))).toBe(true);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('parseKioskConfig takes any value at all, and what it accepts it accepts again unchanged', () => {
    const anything = fc.oneof(
      fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withNullPrototype: true,
        withObjectString: true,
        withSet: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      }),
      fc
        .array(mutation, { maxLength: 3 })
        .map((ms) => ms.reduce<Json>((c, m) => mutate(c, m), VALID)),
    );
    fc.assert(
      fc.property(anything, (input) => {
        const result = parseKioskConfig(input);
        expectUnpolluted();
        if (result.ok) {
          expect(foreignPrototypes(result.config)).toEqual([]);
          expect(parseKioskConfig(result.config)).toEqual(result);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.filter((p) => !/\S/.test(p))).toEqual([]);
        }
      }),
      { numRuns: fuzzRuns() },
    );
  });
});
