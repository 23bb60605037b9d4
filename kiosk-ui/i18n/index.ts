import type { Locale } from '../../domain';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

export type { Messages };
