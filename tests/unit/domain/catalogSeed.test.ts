import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  DEPARTMENTS,
  itemsDoneWith,
  offeredItems,
  parseCatalogText,
  searchItems,
  type Catalog,
} from '../../../domain';
import { pinyinOf } from '../../../stores/catalog/pinyin';
import { OUTPUT_PATH, SOURCE_PATH, seedCatalogText } from '../../../scripts/seedCatalog';

const shippedText = readFileSync(OUTPUT_PATH, 'utf8');
const sourceText = readFileSync(SOURCE_PATH, 'utf8');

function parsed(text: string): Catalog {
  const result = parseCatalogText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.catalog;
}

const shipped = parsed(shippedText);
const source = parsed(sourceText);
const offered = offeredItems(shipped);
const rawSource = JSON.parse(sourceText) as { version: number; savedAt: string; items: unknown[] };
const queueCodes = (
  JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')) as {
    queue: { services: { code: string }[] };
  }
).queue.services.map((s) => s.code);

describe('the seeded catalog (public/catalog.json)', () => {
  it('parses, and the source too', () => {
    expect(parseCatalogText(shippedText).ok).toBe(true);
    expect(parseCatalogText(sourceText).ok).toBe(true);
    expect(shipped.items.length).toBeGreaterThanOrEqual(34);
  });

  it('keeps the source version and savedAt', () => {
    expect(shipped.version).toBe(rawSource.version);
    expect(shipped.savedAt).toBe(rawSource.savedAt);
  });

  it('offers at least 30 enabled items', () => {
    expect(offered.length).toBeGreaterThanOrEqual(30);
  });

  it.each(DEPARTMENTS)('offers at least 3 items of %s', (department) => {
    expect(offered.filter((i) => i.department === department).length).toBeGreaterThanOrEqual(3);
  });

  it('represents every channel, with at least 8 kiosk and 8 submit items offered', () => {
    for (const channel of CHANNELS)
      expect(
        offered.some((i) => i.channel === channel),
        channel,
      ).toBe(true);
    expect(offered.filter((i) => i.channel === 'kiosk').length).toBeGreaterThanOrEqual(8);
    expect(offered.filter((i) => i.channel === 'submit').length).toBeGreaterThanOrEqual(8);
  });

  it('has at least 10 一证可办 and 6 一照可办 items offered', () => {
    expect(itemsDoneWith(shipped.items, 'id-card').length).toBeGreaterThanOrEqual(10);
    expect(itemsDoneWith(shipped.items, 'licence').length).toBeGreaterThanOrEqual(6);
  });

  it('serves persons and businesses', () => {
    expect(offered.some((i) => i.audience.includes('person'))).toBe(true);
    expect(offered.some((i) => i.audience.includes('business'))).toBe(true);
  });

  it('names only queue services of public/kiosk.config.json', () => {
    expect(queueCodes.length).toBeGreaterThan(0);
    const unknown = shipped.items.filter((i) => !queueCodes.includes(i.queueService));
    expect(unknown.map((i) => `${i.code}: ${i.queueService}`)).toEqual([]);
  });

  it('gives every item an English name, legal basis and a place', () => {
    for (const item of shipped.items) {
      expect(item.nameEn, item.code).toBeTruthy();
      expect(item.legalBasis.length, item.code).toBeGreaterThan(0);
      expect(item.place.window, item.code).toBeTruthy();
    }
  });

  it('has a form with 2–6 fields on every submit item, and capture only on submit items', () => {
    for (const item of shipped.items) {
      if (item.channel === 'submit') {
        expect(item.form?.length ?? 0, item.code).toBeGreaterThanOrEqual(2);
        expect(item.form?.length ?? 0, item.code).toBeLessThanOrEqual(6);
      } else {
        expect(
          item.materials.some((m) => m.capture === true),
          item.code,
        ).toBe(false);
      }
    }
  });

  it('uses the 0000- prefix for every local telephone number', () => {
    for (const item of shipped.items) {
      expect(item.enquiryTelephone, item.code).toMatch(/^(0000-\d+|12345)$/);
      expect(item.complaintTelephone, item.code).toMatch(/^(0000-\d+|12345)$/);
    }
  });

  it('holds the pinyin of each current name and otherwise exactly the source', () => {
    expect(shipped.items.map((i) => i.code)).toEqual(source.items.map((i) => i.code));
    shipped.items.forEach((item, n) => {
      const { pinyin, ...rest } = item;
      expect(pinyin, item.code).toEqual(pinyinOf(item.name));
      expect(rest, item.code).toEqual(rawSource.items[n]);
    });
  });

  it('is the seed script output, byte for byte (regenerated after the last source edit)', async () => {
    const seeded = await seedCatalogText(sourceText);
    expect(seeded.ok).toBe(true);
    if (seeded.ok) expect(seeded.text).toBe(shippedText);
  });

  it('finds the 不动产 items first for “bdc”', () => {
    const found = searchItems(offered, 'bdc');
    const withName = offered.filter((i) => i.name.includes('不动产')).map((i) => i.code);
    expect(withName.length).toBeGreaterThanOrEqual(3);
    expect(found.slice(0, withName.length).map((i) => i.code)).toEqual(
      expect.arrayContaining(withName),
    );
    expect(found.slice(0, withName.length).every((i) => i.department === 'real-estate')).toBe(true);
    expect(found[0]?.code).toBe('BDC-0001');
  });

  it('finds the 公积金 items for “公积金”', () => {
    const found = searchItems(offered, '公积金').map((i) => i.code);
    const fund = offered.filter((i) => i.department === 'housing-fund').map((i) => i.code);
    expect(found).toEqual(expect.arrayContaining(fund));
    expect(found.every((code) => code.startsWith('GJJ-'))).toBe(true);
    expect(searchItems(offered, 'gjj').map((i) => i.code)).toEqual(found);
  });
});

describe('the seed script', () => {
  it('refuses a bad source and names every problem by item code and field', async () => {
    const bad = JSON.parse(sourceText) as { items: Record<string, unknown>[] };
    const first = bad.items[0] as { code: string; materials: { copies: unknown }[] };
    (first.materials[0] as { copies: unknown }).copies = 'one';
    const second = bad.items[1] as { code: string; channel: string; result?: string };
    delete second.result;
    expect(second.channel).toBe('kiosk');
    expect(await seedCatalogText(JSON.stringify(bad))).toEqual({
      ok: false,
      problems: [
        { item: first.code, field: 'materials.0.copies', message: 'must be a number' },
        { item: second.code, field: 'result', message: 'a kiosk item names its result' },
      ],
    });
  });

  it('refuses text that is not JSON', async () => {
    expect(await seedCatalogText('{"version": 1,')).toEqual({
      ok: false,
      problems: [{ item: '', field: '', message: 'not a JSON file' }],
    });
  });
});
