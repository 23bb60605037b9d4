import { describe, expect, it } from 'vitest';
import { en } from '../../../kiosk-ui/i18n/en';
import { zhCN } from '../../../kiosk-ui/i18n/zh-CN';

type Tree = { [key: string]: unknown };
const leaves = (tree: Tree, prefix = ''): Array<[string, unknown]> =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? leaves(value as Tree, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );

describe('locale files', () => {
  it('English translates every Chinese message, none left empty or in Chinese', () => {
    const zh = leaves(zhCN);
    const english = new Map(leaves(en));
    for (const [key, value] of zh) {
      const translated = english.get(key);
      expect(typeof translated, key).toBe(typeof value);
      if (typeof translated === 'string' && key !== 'nav.language') {
        expect(translated.trim(), key).not.toBe('');
        expect(/[\u4e00-\u9fff]/.test(translated), `${key} is still Chinese`).toBe(false);
      }
    }
  });
});
