import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_APPOINTMENT_RULES,
  parseKioskConfig,
  type KioskConfig,
  type QueueServiceConfig,
} from '../../domain';
import type { HallConfig, HallStore } from './hallStore';

export const DEMO_HALL_ID = 'demo';

/** The mock profile's configuration: the demo hall has the same services, hours and calendar. */
export const DEMO_CONFIG_FILE = fileURLToPath(
  new URL('../../public/kiosk.config.json', import.meta.url),
);

/** `1–4号窗口` → [1, 4]; `3号窗口` → [3, 3]; null when the text names no numbers. */
function windowRange(service: QueueServiceConfig): [number, number] | null {
  const text = service.windows['zh-CN'];
  const range = /(\d+)\s*[–—-]\s*(\d+)\s*号/.exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  const single = /(\d+)\s*号/.exec(text);
  return single ? [Number(single[1]), Number(single[1])] : null;
}

/**
 * The staffed windows: numbered 1 … per service from each service's windowCount, in order
 * (business registration 1–4, tax 5–7 …). A service's printed windows text must name the same
 * numbers, or the ticket would send citizens to the wrong window: that is refused here.
 */
export function windowsOf(services: readonly QueueServiceConfig[]): HallConfig['windows'] {
  const windows: HallConfig['windows'] = [];
  let next = 1;
  for (const service of services) {
    const first = next;
    const last = next + service.windowCount - 1;
    const named = windowRange(service);
    if (named && (named[0] !== first || named[1] !== last))
      throw new Error(
        `Queue service ${service.code}: its windows text "${service.windows['zh-CN']}" names windows ` +
          `${named[0]}–${named[1]}, but ${service.windowCount} windows after the services before it ` +
          `are ${first}–${last}: correct windowCount or the text, in kiosk.config.json`,
      );
    for (let number = first; number <= last; number += 1)
      windows.push({ number, services: [service.code] });
    next = last + 1;
  }
  return windows;
}

/** A hall's configuration from a kiosk configuration, with the default appointment rules. */
export function hallConfigOf(config: KioskConfig): HallConfig {
  return {
    hall: config.hall,
    officeHours: config.officeHours,
    calendar: config.calendar,
    queue: config.queue,
    appointments: DEFAULT_APPOINTMENT_RULES,
    windows: windowsOf(config.queue.services),
  };
}

/**
 * Seeds the demo hall from public/kiosk.config.json (read now, checked with the kiosk's own
 * schema) when the database has no such hall yet; a hall staff have since changed is left alone.
 * Resolves to whether it seeded.
 */
export async function seedDemoHall(store: HallStore, file = DEMO_CONFIG_FILE): Promise<boolean> {
  if (await store.config(DEMO_HALL_ID)) return false;
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `演示大厅的配置无法读取 / The demo hall's configuration could not be read: ${file}: ${String(error)}`,
      { cause: error },
    );
  }
  const parsed = parseKioskConfig(input);
  if (!parsed.ok)
    throw new Error(
      `演示大厅的配置有误 / The demo hall's configuration is invalid (${file}):\n` +
        parsed.problems.join('\n'),
    );
  await store.saveConfig(DEMO_HALL_ID, hallConfigOf(parsed.config));
  return true;
}
