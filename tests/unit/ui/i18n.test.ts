import { describe, expect, it } from 'vitest';
import { en } from '../../../kiosk-ui/i18n/en';
import { zhCN } from '../../../kiosk-ui/i18n/zh-CN';
import { appointmentMessages } from '../../../kiosk-ui/flows/appointment/messages';
import { idCopyMessages } from '../../../kiosk-ui/flows/idCopy/messages';
import { licenceMessages } from '../../../kiosk-ui/flows/licencePrint/messages';
import { queueMessages } from '../../../kiosk-ui/flows/queue/messages';
import { realEstateMessages } from '../../../kiosk-ui/flows/realEstate/messages';
import { identityMessages, printJobsMessages } from '../../../kiosk-ui/steps/messages';

type Tree = { [key: string]: unknown };
const leaves = (tree: Tree, prefix = ''): Array<[string, unknown]> =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? leaves(value as Tree, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );

/** The global catalog and every flow's and shared step's own words, each in both languages. */
const catalogs: Record<string, { 'zh-CN': Tree; en: Tree }> = {
  global: { 'zh-CN': zhCN, en },
  queue: queueMessages,
  appointment: appointmentMessages,
  idCopy: idCopyMessages,
  licence: licenceMessages,
  realEstate: realEstateMessages,
  identity: identityMessages,
  printJobs: printJobsMessages,
};

describe('locale files', () => {
  it.each(Object.entries(catalogs))(
    'English translates every Chinese message, none left empty or in Chinese (%s)',
    (name, catalog) => {
      const zh = leaves(catalog['zh-CN']);
      const english = new Map(leaves(catalog.en));
      for (const [key, value] of zh) {
        const translated = english.get(key);
        expect(typeof translated, `${name}: ${key}`).toBe(typeof value);
        if (typeof translated === 'string' && !(name === 'global' && key === 'nav.language')) {
          expect(translated.trim(), key).not.toBe('');
          expect(/[\u4e00-\u9fff]/.test(translated), `${key} is still Chinese`).toBe(false);
        }
      }
    },
  );
});
