import { applyStaffSettings } from '../../domain/staffSettings';
import {
  DEVICE_KINDS,
  type CatalogSource,
  type DeviceEvent,
  type HallAdmin,
  type KioskConfig,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import { AdminCatalogSource, AdminRatingDesk, IndexedDbHallAdmin } from '../../stores/admin';
import { FileCatalogSource } from '../../stores/catalog';

/**
 * At start: the settings staff saved in the console, over the configuration file's (the file
 * stays the first-start seed). A store that cannot be read leaves the file's configuration:
 * the kiosk must start. A setting that no longer fits the file (an older console's, say) is
 * named in `rejected` and the file's value stands.
 */
export async function withStaffSettings(
  fileConfig: KioskConfig,
  /** The hall server (issue 15) as this page uses it: the hall's catalog and settings, then. */
  hall?: { url: string; token: string; kioskId: string },
) {
  const local = new IndexedDbHallAdmin({ kioskId: fileConfig.kioskId });
  const admin: HallAdmin = hall ? await hallBacked(local, hall) : local;
  const settings = await admin.settings().catch((error: unknown) => {
    console.error('Staff settings could not be read; the configuration file stands', error);
    return {};
  });
  const { config, rejected } = applyStaffSettings(fileConfig, settings);
  return { admin, config, rejected: rejected.map((key) => `staff:${key}`) };
}

/**
 * With a hall server the console store is the hall's (HallBackedAdmin): the PIN stays on this
 * kiosk, the catalog and settings come from the hall (the last copy when it does not answer),
 * ratings and audit lines go to it (through an outbox while it does not answer).
 */
async function hallBacked(
  local: IndexedDbHallAdmin,
  hall: { url: string; token: string; kioskId: string },
): Promise<HallAdmin> {
  const { HallBackedAdmin, HttpHallAdmin } = await import('../../stores/hall');
  return new HallBackedAdmin({
    local,
    remote: new HttpHallAdmin({ baseUrl: hall.url, token: hall.token, timeoutMs: 3_000 }),
    kioskId: hall.kioskId,
  });
}

/** The catalog staff saved, or the hall's file before they ever saved one. */
export function staffCatalog(admin: HallAdmin): CatalogSource {
  return new AdminCatalogSource(admin, new FileCatalogSource());
}

/**
 * Keeps what staff should see later in 设备状态: every status a device reports, and each card left
 * on the reader as a visit ended (`cardLeft`, handed to the session's card watch). Never throws:
 * a device event that cannot be written is only logged.
 */
export function keepDeviceEvents(admin: HallAdmin, devices: KioskDevices) {
  const record = (event: Omit<DeviceEvent, 'at'>) =>
    admin
      .recordDeviceEvent({ at: new Date().toISOString(), ...event })
      .catch((error: unknown) => console.error('A device event was not kept', error));
  for (const device of DEVICE_KINDS)
    devices[device].onStatus((status) => void record({ device, what: status }));
  return { cardLeft: () => void record({ device: 'idCard', what: 'card-left' }) };
}

/** 好差评 kept in the console's store, work orders due by the hall's calendar. */
export function ratingDesk(admin: HallAdmin, config: KioskConfig) {
  return new AdminRatingDesk(admin, {
    kioskId: config.kioskId,
    calendar: { hours: config.officeHours, ...config.calendar },
    timeZone: config.hall.timeZone,
  });
}
