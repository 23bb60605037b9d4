import { useEffect, useState } from 'preact/hooks';
import { applyStaffSettings, type KioskConfig, type StaffSettings } from '../../domain';
import { useConsole } from './StaffConsole';

export type SaveOutcome =
  /** Saved; `auditFailed` when the audit line could not be written (the change stands). */
  | { ok: true; auditFailed: boolean; config: KioskConfig }
  | { ok: false; rejected: string[] }
  | { ok: false; failed: true };

/** What the audit line of a save says: its subject, and the part of the configuration before and after. */
export interface SaveAudit {
  subject: string;
  before: unknown;
  after: (config: KioskConfig) => unknown;
}

/**
 * The settings staff saved and the configuration they make with the file's: what a section
 * shows, and the one way a section saves: a change is checked against the file's configuration
 * (a setting that would break it is refused, nothing saved), stored, audited before and after,
 * and the console marked changed so the kiosk restarts with it. An audit line that could not be
 * written is said (the change is saved all the same).
 */
export function useStaffSettings() {
  const { services, changed } = useConsole();
  const [settings, setSettings] = useState<StaffSettings | null>(null);
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    services.admin.settings().then(setSettings, (error: unknown) => {
      console.error('The staff settings could not be read', error);
      setUnreadable(true);
    });
  }, [services]);

  const config: KioskConfig | null = settings
    ? applyStaffSettings(services.fileConfig, settings).config
    : null;

  /** Stores `next` whole (a section merges its change into `settings` first). */
  async function saveSettings(next: StaffSettings, audit: SaveAudit): Promise<SaveOutcome> {
    // Checked against the file alone, as the kiosk will apply it at the next start.
    const { config: applied, rejected } = applyStaffSettings(services.fileConfig, next);
    if (rejected.length > 0) return { ok: false, rejected };
    try {
      await services.admin.saveSettings(next);
    } catch (error) {
      console.error('The staff settings were not saved', error);
      return { ok: false, failed: true };
    }
    setSettings(next);
    changed();
    let auditFailed = false;
    try {
      await services.audit({
        action: 'settings-change',
        subject: audit.subject,
        before: audit.before,
        after: audit.after(applied),
      });
    } catch (error) {
      console.error('The settings change was not audited', error);
      auditFailed = true;
    }
    return { ok: true, auditFailed, config: applied };
  }

  /** Saves one whole setting (the calendar, the office hours, the queue services). */
  function save<K extends keyof StaffSettings>(
    key: K,
    value: NonNullable<StaffSettings[K]>,
  ): Promise<SaveOutcome> {
    if (!settings || !config) return Promise.resolve({ ok: false, failed: true });
    return saveSettings(
      { ...settings, [key]: value },
      { subject: key, before: config[key], after: (applied) => applied[key] },
    );
  }

  return { settings, config, unreadable, save, saveSettings };
}
