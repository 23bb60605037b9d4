// Bytes of the build, raw and gzipped (level 9), grouped by what loads them, read from Vite's
// manifest (dist/.vite/manifest.json); beside it the floor, a one-<h1> Preact page built alike.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, buildPage, projectPlugins, row } from './common.mjs';

const SECTION = 'size';

/** A flow module's lazy part: kiosk-ui/flows/<id>/flow.ts(x). */
const FLOW_CHUNK = /^kiosk-ui\/flows\/([^/]+)\/flow\.tsx?$/;

/** The goals of issue 10: the entry, and each flow's own chunks (shared ones counted once). */
const GOALS = { entry: 30, flow: 15 };

/** What loads a chunk besides the entry and the flows, decided by its source path. */
const GROUPS = [
  {
    id: 'camera scanner',
    note: 'loadCameraScanner(): the scanner, its decode worker and ZXing’s .wasm',
    match: (src) =>
      /^device-adapters\/real\/(cameraScanner|browserCameraPlatform|loadCameraScanner|qrDecode)/.test(
        src,
      ),
  },
  {
    id: 'mock devices + simulator',
    note: 'the mock profile only',
    match: (src) => /^(device-adapters\/mock|stores\/registry|kiosk-ui\/simulator)\//.test(src),
  },
  {
    id: 'real devices',
    note: 'the real profile only',
    match: (src) => /^(device-adapters\/|kiosk-ui\/realDevices)/.test(src),
  },
];

const kB = (bytes) => bytes / 1000;
/** 46 B, 9.5 kB: for the notes. */
const fmt = (bytes) => (bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`);

function measureFile(dir, file) {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

/** Static-import closure of a manifest key (chunk keys, then its CSS and assets). */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(manifest, next, seen);
  return seen;
}

/** The files (JS, CSS, worker, .wasm) of a set of manifest keys. */
function filesOf(manifest, keys) {
  const files = new Set();
  for (const key of keys) {
    const chunk = manifest[key];
    if (/\.(js|css)$/.test(chunk.file)) files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const asset of chunk.assets ?? []) if (/\.(js|css|wasm)$/.test(asset)) files.add(asset);
  }
  return files;
}

const nameOf = (file) => basename(file).replace(/-[\w-]{8}(\.\w+)$/, '$1');

/**
 * Which group owns each manifest key: the entry's static closure is `entry`; each flow's lazy
 * chunk and what only it loads is `flow · <id>`; what two or more flows load is `flows · shared`
 * (counted once); other dynamic entries belong to the group their source path names; a shared
 * chunk to the first group (in the order the profiles load them) whose entries import it.
 */
export function groupManifest(manifest) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const owner = new Map(); // manifest key → group id
  const claim = (group, keys) => {
    for (const k of keys) if (!owner.has(k)) owner.set(k, group);
  };
  claim('entry', closure(manifest, entry));
  const dynamicEntries = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
  const flowEntries = dynamicEntries.filter((k) => FLOW_CHUNK.test(manifest[k].src ?? ''));
  const loadedBy = new Map(); // manifest key → flows whose chunk loads it
  for (const key of flowEntries) {
    const flow = FLOW_CHUNK.exec(manifest[key].src)[1];
    for (const k of closure(manifest, key)) {
      if (owner.get(k) === 'entry') continue;
      loadedBy.set(k, [...(loadedBy.get(k) ?? []), flow]);
    }
  }
  for (const [k, flows] of loadedBy)
    owner.set(k, flows.length > 1 ? 'flows · shared' : `flow · ${flows[0]}`);
  for (const key of dynamicEntries) {
    if (owner.has(key)) continue;
    const group = GROUPS.find((g) => g.match(manifest[key].src ?? key));
    owner.set(key, group ? group.id : 'other');
  }
  const loadOrder = ['mock devices + simulator', 'real devices', 'camera scanner'];
  for (const group of [...loadOrder, 'other'])
    for (const key of dynamicEntries.filter((k) => owner.get(k) === group))
      claim(group, closure(manifest, key));
  claim(
    'other',
    Object.keys(manifest).filter((k) => /\.(js|css)$/.test(manifest[k].file)),
  );
  const keysOf = (group) => [...owner].filter(([, g]) => g === group).map(([k]) => k);
  /** Everything a set of groups loads: their chunks and all they import. */
  const loads = (groups) =>
    filesOf(
      manifest,
      new Set(groups.flatMap((g) => keysOf(g).flatMap((k) => [...closure(manifest, k)]))),
    );
  /** @type {Map<string, Set<string>>} */
  const groups = new Map();
  for (const [key, group] of owner) {
    const set = groups.get(group) ?? new Set();
    for (const f of filesOf(manifest, [key])) set.add(f);
    groups.set(group, set);
  }
  // What a group needs from other groups before it can run (the camera scanner needs `real`).
  const needs = new Map();
  for (const [group] of groups) {
    const all = new Set(keysOf(group).flatMap((k) => [...closure(manifest, k)]));
    needs.set(
      group,
      [...all].filter((k) => owner.get(k) !== group && owner.get(k) !== 'entry'),
    );
  }
  const flowGroups = [...groups.keys()].filter((g) => g.startsWith('flow')).sort();
  return { entry, groups, needs, owner, loads, flowGroups };
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

async function floor() {
  const outDir = mkdtempSync(join(tmpdir(), 'budayang-floor-'));
  try {
    const { plugins } = await projectPlugins({ without: ['vite-plugin-pwa'] });
    await buildPage({ root: join(ROOT, 'bench', 'floor'), outDir, plugins });
    const files = listFiles(outDir)
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => measureFile(outDir, relative(outDir, f)));
    return files;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * @param {import('./common.mjs').BenchContext} ctx
 * @returns {Promise<import('./common.mjs').BenchRow[]>}
 */
export async function run(ctx) {
  const dist = ctx.distDir;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  } catch (error) {
    throw new Error(
      `${relative(ROOT, dist)}/.vite/manifest.json is missing: build with build.manifest on (vite.config.ts)`,
      { cause: error },
    );
  }
  const { groups, needs, owner, loads, flowGroups } = groupManifest(manifest);
  const sizes = new Map();
  const size = (file) => {
    if (!sizes.has(file)) sizes.set(file, measureFile(dist, file));
    return sizes.get(file);
  };
  const rows = [];
  const totals = {};
  for (const id of ['entry', ...flowGroups, ...GROUPS.map((g) => g.id), 'other']) {
    const files = [...(groups.get(id) ?? [])].sort((a, b) => size(b).gz - size(a).gz);
    if (files.length === 0) continue;
    const raw = files.reduce((n, f) => n + size(f).raw, 0);
    const gz = files.reduce((n, f) => n + size(f).gz, 0);
    totals[id] = { raw, gz };
    const needed = (needs.get(id) ?? [])
      .map(
        (k) =>
          `${nameOf(manifest[k].file)} (${owner.get(k)}, ${fmt(size(manifest[k].file).gz)} gz)`,
      )
      .join(', ');
    const group = GROUPS.find((g) => g.id === id);
    // The goals count JavaScript (issue 10: "built entry JS"); the CSS is its own row.
    const js = files.filter((f) => f.endsWith('.js'));
    const jsGz = js.reduce((n, f) => n + size(f).gz, 0);
    const goal = id === 'entry' ? GOALS.entry : id.startsWith('flow · ') ? GOALS.flow : null;
    const note =
      id === 'entry'
        ? 'the shell, the session, attract and home: the entry chunk and its static imports'
        : id === 'flows · shared'
          ? 'chunks two or more flows load (steps, shared words), counted once'
          : id.startsWith('flow · ')
            ? 'the flow’s own chunk and what only it loads'
            : (group?.note ?? 'chunks no group claims');
    const verdict =
      goal === null
        ? ''
        : ` JS ${fmt(jsGz)} gz, goal ≤ ${goal} kB: ${kB(jsGz) <= goal ? 'met' : 'NOT MET'};`;
    rows.push(
      row(
        SECTION,
        `${id} · total`,
        kB(gz),
        'kB gz',
        `${files.length} files;${verdict} ${note}${needed ? `; also loads ${needed}` : ''}`,
      ),
      ...(goal === null
        ? []
        : [
            row(
              SECTION,
              `${id} · JS`,
              kB(jsGz),
              'kB gz',
              `${js.length} files; goal ≤ ${goal} kB gz`,
            ),
          ]),
      row(
        SECTION,
        `${id} · total raw`,
        kB(raw),
        'kB',
        'uncompressed, as the service worker stores it',
      ),
    );
    for (const file of files) {
      const key = Object.keys(manifest).find(
        (k) => manifest[k].file === file || (manifest[k].css ?? []).includes(file),
      );
      const src = key && manifest[key].file === file ? (manifest[key].src ?? 'shared chunk') : '';
      const what = file.endsWith('.wasm')
        ? 'WebAssembly'
        : /qrDecodeWorker/.test(file)
          ? 'worker'
          : file.endsWith('.css')
            ? 'CSS'
            : src || 'asset';
      rows.push(
        row(
          SECTION,
          `${id} · ${nameOf(file)}`,
          kB(size(file).gz),
          'kB gz',
          `raw ${fmt(size(file).raw)}; ${what}${key && manifest[key].isEntry ? ' (entry)' : ''}`,
        ),
      );
    }
  }
  rows.push(row(SECTION, 'staff console', '—', '', 'not built yet'));

  const citizen = ['entry', ...flowGroups];
  const profile = (name, groupIds, note) => {
    const files = [...loads(groupIds)];
    const raw = files.reduce((n, f) => n + size(f).raw, 0);
    const gz = files.reduce((n, f) => n + size(f).gz, 0);
    return row(SECTION, name, kB(gz), 'kB gz', `raw ${fmt(raw)}; ${files.length} files; ${note}`);
  };
  rows.push(
    profile(
      'mock profile loads',
      [...citizen, 'mock devices + simulator'],
      'citizen path (entry and every flow) + mock devices + simulator',
    ),
    profile('real profile loads', [...citizen, 'real devices'], 'citizen path + real devices'),
    profile(
      'real profile + camera scanner loads',
      [...citizen, 'real devices', 'camera scanner'],
      'with hardware.cameraScanner',
    ),
  );

  // What the service worker stores at install: the URLs injectManifest wrote into sw.js.
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = [...new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]))];
  const precacheRaw = precached.reduce((n, url) => n + statSync(join(dist, url)).size, 0);
  rows.push(
    row(
      SECTION,
      'service worker precache',
      kB(precacheRaw),
      'kB',
      `raw, ${precached.length} URLs from sw.js, stored at install`,
    ),
  );

  const floorFiles = await floor();
  const floorRaw = floorFiles.reduce((n, f) => n + f.raw, 0);
  const floorGz = floorFiles.reduce((n, f) => n + f.gz, 0);
  rows.push(
    row(
      SECTION,
      'floor · bare Preact page',
      kB(floorGz),
      'kB gz',
      `raw ${fmt(floorRaw)}; bench/floor: one <h1>, the kiosk’s Vite plugins but the PWA one; ${floorFiles.map((f) => extname(f.file)).join(' ')}`,
    ),
  );
  const citizenGz = citizen.reduce((n, g) => n + (totals[g]?.gz ?? 0), 0);
  rows.push(
    row(
      SECTION,
      'citizen path · total',
      kB(citizenGz),
      'kB gz',
      'entry + every flow + their shared chunks: attract, home and every flow',
    ),
    row(
      SECTION,
      'citizen path above the floor',
      kB(citizenGz - floorGz),
      'kB gz',
      `${(citizenGz / floorGz).toFixed(1)}× the floor`,
    ),
  );
  return rows;
}
