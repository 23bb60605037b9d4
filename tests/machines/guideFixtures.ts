import { guideDocument as document, type CatalogItem } from '../../domain';
import { pinyinOf } from '../../stores/catalog/pinyin';

export type { CatalogItem };

/** An item as a saved catalog holds it: with its pinyin. */
export const pinyinFor = (item: CatalogItem): CatalogItem => ({
  ...item,
  pinyin: pinyinOf(item.name),
});

export const guideDocument = (item: CatalogItem) =>
  document(item, {
    hallName: '示范县政务服务中心',
    url: `https://hall.example/guide/${item.code}`,
    printedAt: '2026-12-02 10:00',
    kioskId: 'K-01',
  });
