import type { Locale } from '../../domain';
import { zhCN, type Messages } from './zh-CN';

const catalogs: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };

/**
 * Brings in the catalogs besides Chinese, a chunk beside the entry; the page awaits it (with
 * the configuration and the devices) before it mounts, so every screen has both languages.
 */
export async function loadCatalogs(): Promise<void> {
  const { en } = await import('./en');
  catalogs.en = en;
}

/** The words for a language; Chinese while another language's catalog has not come in. */
export function messagesFor(locale: Locale): Messages {
  return catalogs[locale] ?? zhCN;
}

export type { Messages };
