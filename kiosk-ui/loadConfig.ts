import type { KioskConfig } from '../domain';

/**
 * The configuration this start runs on, or none: without a device profile it can trust, the
 * kiosk is out of service (never simulated). `rejected` names, by dot path, each field that failed
 * validation and was replaced by the last good (or the default) value, for staff to see.
 */
export type LoadedConfig =
  | {
      usable: true;
      config: KioskConfig;
      /** Where the configuration came from: the file as it is, or field by field. */
      source: 'file' | 'fallback';
      rejected: string[];
      problems: string[];
    }
  | { usable: false; rejected: string[]; problems: string[] };

/** The last configuration that passed validation whole: the kiosk's own, kept through the wipe. */
export const LAST_GOOD_CONFIG_KEY = 'budayang.kiosk.config.lastGood';

/** Where the last good configuration is kept (localStorage in the page). */
export type ConfigMemory = Pick<Storage, 'getItem' | 'setItem'>;

function browserMemory(): ConfigMemory | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: no memory, the file and the defaults only
  }
}

/**
 * Reads the hall's configuration (public/kiosk.config.json; the service worker keeps the last copy
 * for offline starts). A file that fails validation never changes the device profile and never
 * stops what still works:
 * - a valid file is taken whole and remembered as the last good configuration,
 * - an invalid one is taken field by field: each rejected field falls back to the last good
 *   configuration's value (else the default's), and the device profile stays the last good one,
 * - without a last good configuration and without a readable `devices` value (or without a
 *   readable file at all) the kiosk cannot know which devices it drives: unusable.
 */
export async function loadConfig(
  url = '/kiosk.config.json',
  memory: ConfigMemory | null = browserMemory(),
): Promise<LoadedConfig> {
  // The schema (valibot) is a chunk of its own, fetched beside the file: the entry stays small.
  const schema = import('../domain/kioskConfig');
  let raw: unknown;
  let unreadable: string | null = null;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    raw = await response.json();
  } catch (error) {
    unreadable = error instanceof Error ? error.message : String(error);
  }
  const { DEFAULT_KIOSK_CONFIG, deviceProfileOf, parseKioskConfig, resolveKioskConfig } =
    await schema;
  const lastGood = readLastGood(memory, parseKioskConfig);
  const named = (problems: readonly string[]) => problems.map((p) => `${url}: ${p}`);

  if (unreadable !== null) {
    const problems = [`${url}: could not be read (${unreadable})`];
    const rejected = ['(the whole file)'];
    return lastGood
      ? { usable: true, config: lastGood, source: 'fallback', rejected, problems }
      : { usable: false, rejected, problems };
  }

  const strict = parseKioskConfig(raw);
  if (strict.ok) {
    remember(memory, strict.config);
    return { usable: true, config: strict.config, source: 'file', rejected: [], problems: [] };
  }

  if (!lastGood) {
    const resolved = resolveKioskConfig(raw, DEFAULT_KIOSK_CONFIG);
    const problems = named(resolved.problems);
    return resolved.usable
      ? {
          usable: true,
          config: resolved.config,
          source: 'fallback',
          rejected: resolved.rejected,
          problems,
        }
      : { usable: false, rejected: resolved.rejected, problems };
  }

  // A last good configuration: its device profile stands, whatever the failing file says.
  const fileProfile = deviceProfileOf(raw);
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const pinned = isRecord
    ? { ...(raw as Record<string, unknown>), devices: lastGood.devices }
    : raw;
  const resolved = resolveKioskConfig(pinned, lastGood);
  const profileKept =
    fileProfile === lastGood.devices
      ? []
      : [
          `${url}: devices: a configuration that fails validation does not change the device profile (kept "${lastGood.devices}")`,
        ];
  const rejected = [...(fileProfile === lastGood.devices ? [] : ['devices']), ...resolved.rejected];
  const problems = [...profileKept, ...named(resolved.problems)];
  return {
    usable: true,
    config: resolved.usable ? resolved.config : lastGood,
    source: 'fallback',
    rejected: [...new Set(rejected)],
    problems,
  };
}

function readLastGood(
  memory: ConfigMemory | null,
  parse: (input: unknown) => { ok: true; config: KioskConfig } | { ok: false },
): KioskConfig | null {
  try {
    const text = memory?.getItem(LAST_GOOD_CONFIG_KEY);
    if (!text) return null;
    const parsed = parse(JSON.parse(text));
    return parsed.ok ? parsed.config : null;
  } catch {
    return null;
  }
}

function remember(memory: ConfigMemory | null, config: KioskConfig): void {
  try {
    memory?.setItem(LAST_GOOD_CONFIG_KEY, JSON.stringify(config));
  } catch (error) {
    // Full or disabled storage: the next start falls back to the defaults field by field.
    console.warn('The configuration could not be remembered', error);
  }
}
