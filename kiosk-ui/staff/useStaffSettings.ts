import { useEffect, useState } from 'preact/hooks';
import { applyStaffSettings, type KioskConfig, type StaffSettings } from '../../domain';
import { useConsole } from './StaffConsole';

export type SaveOutcome =
  { ok: true } | { ok: false; rejected: string[] } | { ok: false; failed: true };

/**
 * The settings staff saved and the configuration they make with the file's: what a section
 * shows, and `save`, which checks a change against the file's configuration (a setting that
 * would break it is refused, nothing saved), stores it, audits before and after, and marks the
 * console changed so the kiosk restarts with it.
 */
export function useStaffSettings() {
  const { services, changed } = useConsole();
  const [settings, setSettings] = useState<StaffSettings | null>(null);
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    services.admin.settings().then(setSettings, () => setUnreadable(true));
  }, [services]);

  const config: KioskConfig | null = settings
    ? applyStaffSettings(services.fileConfig, settings).config
    : null;

  async function save<K extends keyof StaffSettings>(
    key: K,
    value: NonNullable<StaffSettings[K]>,
  ): Promise<SaveOutcome> {
    if (!settings || !config) return { ok: false, failed: true };
    const next: StaffSettings = { ...settings, [key]: value };
    const { rejected } = applyStaffSettings(services.fileConfig, next);
    if (rejected.length > 0) return { ok: false, rejected };
    try {
      await services.admin.saveSettings(next);
      await services.audit({
        action: 'settings-change',
        subject: key,
        before: config[key],
        after: applyStaffSettings(services.fileConfig, next).config[key],
      });
    } catch {
      return { ok: false, failed: true };
    }
    setSettings(next);
    changed();
    return { ok: true };
  }

  return { settings, config, unreadable, save };
}
