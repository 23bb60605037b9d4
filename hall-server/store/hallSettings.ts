import {
  DEFAULT_KIOSK_CONFIG,
  applyStaffSettings,
  parseKioskConfig,
  type KioskConfig,
  type StaffSettings,
} from '../../domain';
import type { HallConfig } from './storeTypes';

/** The hall's configuration in the kiosk configuration's shape, for the domain's checks. */
export function kioskConfigOf(config: HallConfig): KioskConfig {
  const parsed = parseKioskConfig({
    ...DEFAULT_KIOSK_CONFIG,
    hall: config.hall,
    officeHours: config.officeHours,
    calendar: config.calendar,
    queue: config.queue,
  });
  return parsed.ok ? parsed.config : DEFAULT_KIOSK_CONFIG;
}

/**
 * The configuration the hall works by: the seeded one with the settings staff saved on the 管理
 * page (office hours, holidays, queue services and their quotas, the hall's name), as a kiosk
 * applies them (applyStaffSettings: a setting that no longer fits is left out). So the server
 * issues numbers and books slots by the same hours and quotas the kiosks show.
 */
export function hallConfigWithSettings(config: HallConfig, settings: StaffSettings): HallConfig {
  const { config: applied } = applyStaffSettings(kioskConfigOf(config), settings);
  return {
    ...config,
    hall: applied.hall,
    officeHours: applied.officeHours,
    calendar: applied.calendar,
    queue: applied.queue,
  };
}
