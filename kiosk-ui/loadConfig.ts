import type { KioskConfig } from '../domain';

export interface LoadedConfig {
  config: KioskConfig;
  problems: string[];
}

/**
 * Reads the hall's configuration (public/kiosk.config.json, precached for offline starts). A
 * missing or malformed file never stops the kiosk: the defaults run and the problems are shown.
 */
export async function loadConfig(url = '/kiosk.config.json'): Promise<LoadedConfig> {
  // The schema (valibot) is a chunk of its own, fetched beside the file: the entry stays small.
  const schema = import('../domain/kioskConfig');
  let raw: unknown;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    raw = await response.json();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { DEFAULT_KIOSK_CONFIG } = await schema;
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${url}: could not be read (${reason})`] };
  }
  const { DEFAULT_KIOSK_CONFIG, parseKioskConfig } = await schema;
  const result = parseKioskConfig(raw);
  return result.ok
    ? { config: result.config, problems: [] }
    : { config: DEFAULT_KIOSK_CONFIG, problems: result.problems.map((p) => `${url}: ${p}`) };
}
