import { customPinyin, pinyin } from 'pinyin-pro';

// Readings pinyin-pro takes from everyday words that government items use otherwise: 个人参保 is
// 个人 + 参保 (cān bǎo), not 人参 (rén shēn, ginseng).
customPinyin({ 参保: 'cān bǎo' });
import type { PinyinOf } from '../../domain';

/**
 * Pinyin of an item name, computed when the catalog is saved (seed script, staff console): never
 * imported on the citizen's path, which only reads the stored spelling. Letters and digits in the
 * name are kept as they are; other signs are dropped.
 */
export const pinyinOf: PinyinOf = (text) => {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s !== '');
  return { full: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
};
