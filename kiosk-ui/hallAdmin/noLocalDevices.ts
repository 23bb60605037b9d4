import type { KioskDevices } from '../../device-adapters';

/** Thrown when something on the hall page reaches for a kiosk's own devices. */
export class NoLocalDevicesError extends Error {
  constructor(what: string) {
    super(
      `大厅管理页没有本机设备（${what}），请在终端自己的管理台操作。The hall admin page has no devices of its own (${what}): use the kiosk's console.`,
    );
    this.name = 'NoLocalDevicesError';
  }
}

/**
 * ConsoleServices.devices for the hall page, which runs on a staff computer, not a kiosk: there is
 * no printer or reader here, and the sections that drive them (the kiosk's 设备状态 with its test
 * page) are not on this page. Anything that reaches for a device gets a clear error, never a
 * device that pretends to work.
 */
export function hallConsoleDevices(): KioskDevices {
  return new Proxy({} as KioskDevices, {
    get(_, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      throw new NoLocalDevicesError(property);
    },
  });
}
