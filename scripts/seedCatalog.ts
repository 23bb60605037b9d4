/**
 * Seeds the demo hall's item catalog: reads `stores/catalog/catalog.source.json` (the catalog as
 * hall staff write it, without pinyin), validates it, computes the pinyin of every item's name and
 * writes `public/catalog.json`.
 *
 * The seed is reproducible: the source's version and savedAt are kept (not raised, not "now"), so
 * running the script twice gives the same bytes. `npm run seed:catalog`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parseCatalogText, withPinyin, type CatalogProblem } from '../domain';
import { pinyinOf } from '../stores/catalog/pinyin';

export const SOURCE_PATH = 'stores/catalog/catalog.source.json';
export const OUTPUT_PATH = 'public/catalog.json';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type SeedResult = { ok: true; text: string } | { ok: false; problems: CatalogProblem[] };

/**
 * The text of `public/catalog.json` for a source text: JSON as the repository's prettier writes it
 * (2 spaces, final newline), so `prettier --check` and a fresh seed agree byte for byte.
 */
export async function seedCatalogText(sourceText: string): Promise<SeedResult> {
  const parsed = parseCatalogText(sourceText);
  if (!parsed.ok) return parsed;
  const source = parsed.catalog;
  const saved = withPinyin(source, pinyinOf, new Date(source.savedAt));
  // withPinyin raises the version, as a save by staff does; the seed keeps the source's.
  const seeded = { ...saved, version: source.version };
  const filepath = resolve(ROOT, OUTPUT_PATH);
  const options = (await resolveConfig(filepath)) ?? {};
  const text = await format(JSON.stringify(seeded, null, 2), { ...options, filepath });
  return { ok: true, text };
}

export function describeProblem(problem: CatalogProblem): string {
  const where = [problem.item || '(file)', problem.field].filter((s) => s !== '').join(' ');
  return `${where}: ${problem.message}`;
}

async function main(): Promise<void> {
  const result = await seedCatalogText(readFileSync(resolve(ROOT, SOURCE_PATH), 'utf8'));
  if (!result.ok) {
    console.error(`${SOURCE_PATH} has ${result.problems.length} problem(s):`);
    for (const problem of result.problems) console.error(`  ${describeProblem(problem)}`);
    process.exit(1);
  }
  writeFileSync(resolve(ROOT, OUTPUT_PATH), result.text, 'utf8');
  const count = (JSON.parse(result.text) as { items: unknown[] }).items.length;
  process.stdout.write(`${OUTPUT_PATH}: ${count} items\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
