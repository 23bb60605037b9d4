import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { Actor } from 'xstate';
import { STAFF_SECTIONS, type StaffMachine, type StaffSection } from '../../machines';
import { shallowEqual, useSelector } from '../useSelector';
import type { ConsoleServices } from './consoleServices';
import { staffText as t } from './staffText';
import { AuditSection } from './sections/AuditSection';
import { DevicesSection } from './sections/DevicesSection';
import { HoursSection } from './sections/HoursSection';
import { ImportSection } from './sections/ImportSection';
import { ItemsSection } from './sections/ItemsSection';
import { PrintsSection } from './sections/PrintsSection';
import { RatingsSection } from './sections/RatingsSection';
import { SettingsSection } from './sections/SettingsSection';
import { TodaySection } from './sections/TodaySection';
import './console.css';

export type StaffActor = Actor<StaffMachine>;

interface ConsoleContextValue {
  services: ConsoleServices;
  staff: StaffActor;
  /** A section saved something: the kiosk restarts between visits to take it up. */
  changed: () => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole() must be used inside <StaffConsole>');
  return value;
}

const SECTIONS: Record<StaffSection, () => preact.JSX.Element> = {
  items: ItemsSection,
  import: ImportSection,
  hours: HoursSection,
  settings: SettingsSection,
  devices: DevicesSection,
  prints: PrintsSection,
  today: TodaySection,
  ratings: RatingsSection,
  audit: AuditSection,
};

/**
 * The staff console over the kiosk: the PIN pad, then the sections. Every touch or key inside
 * it restarts the two-minute close; it sits outside the citizen's app, and closing it restarts
 * the page (the wipe), so nothing of it is left for the next citizen.
 */
export function StaffConsole({
  staff,
  services,
}: {
  staff: StaffActor;
  services: ConsoleServices;
}) {
  const open = useSelector(staff, (s) => s.matches('open'));
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const touch = () => staff.send({ type: 'staff.touch' });
  return (
    <ConsoleContext.Provider
      value={{ services, staff, changed: () => staff.send({ type: 'staff.changed' }) }}
    >
      <div
        class="staff-console"
        role="dialog"
        aria-modal="true"
        aria-label={t.title}
        lang="zh-CN"
        tabIndex={-1}
        ref={dialog}
        onPointerDown={touch}
        onKeyDown={touch}
      >
        <div class="staff-console__bar">
          <h1 class="staff-console__title">{t.title}</h1>
          <span class="staff-console__hall">{services.config.hall.name['zh-CN']}</span>
          <button
            type="button"
            class="staff-button"
            onClick={() => staff.send({ type: 'staff.exit' })}
          >
            {t.exit}
          </button>
        </div>
        {open ? <Sections staff={staff} /> : <PinPad staff={staff} />}
      </div>
    </ConsoleContext.Provider>
  );
}

function Sections({ staff }: { staff: StaffActor }) {
  const section = useSelector(staff, (s) => s.context.section);
  const Section = SECTIONS[section];
  return (
    <div class="staff-console__body">
      <nav class="staff-nav" aria-label={t.sectionsLabel}>
        {STAFF_SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            class="staff-nav__item"
            aria-current={id === section ? 'page' : undefined}
            onClick={() => staff.send({ type: 'staff.section', section: id })}
          >
            {t.sections[id]}
          </button>
        ))}
      </nav>
      {/* A region, not a second main: the citizen's app keeps its own under the dialog. */}
      <section class="staff-section" aria-label={t.sections[section]}>
        <Section />
      </section>
    </div>
  );
}

/** A moment as the hall's clock shows it, hours and minutes. */
export const hallTime = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit' });

const PAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The PIN pad: digits as dots, what went wrong, and how many tries are left or until when. */
function PinPad({ staff }: { staff: StaffActor }) {
  const pad = useSelector(
    staff,
    (s) => ({
      reading: s.matches({ entering: 'reading' }) || s.matches({ entering: 'checking' }),
      locked: s.matches({ entering: 'locked' }),
      setting: s.matches({ entering: 'settingPin' }),
      again: s.matches({ entering: { settingPin: 'again' } }),
      length: s.context.typed.length,
      error: s.context.error,
      wrongLeft: s.context.wrongLeft,
      lockedUntil: s.context.lockedUntil,
    }),
    shallowEqual,
  );
  const send = staff.send.bind(staff);
  const { timeZone } = useConsole().services.config.hall;
  if (pad.locked)
    return (
      <section class="pin-pad" aria-labelledby="pin-title">
        <h2 id="pin-title">{t.pin.lockedTitle}</h2>
        <p role="alert">{t.pin.lockedUntil(hallTime(pad.lockedUntil ?? '', timeZone))}</p>
      </section>
    );
  const title = pad.setting ? (pad.again ? t.pin.setAgain : t.pin.setFirst) : t.pin.ask;
  return (
    <section class="pin-pad" aria-labelledby="pin-title" aria-busy={pad.reading}>
      <h2 id="pin-title">{title}</h2>
      {pad.setting && <p>{t.pin.setHint}</p>}
      <output class="pin-pad__dots" aria-label={t.pin.typed(pad.length)}>
        {'●'.repeat(pad.length) || ' '}
      </output>
      <p class="pin-pad__error" role="alert">
        {pad.error && t.pin.errors[pad.error](pad.wrongLeft)}
      </p>
      <div class="pin-pad__keys" role="group" aria-label={t.pin.keys}>
        {PAD_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            class="staff-key"
            onClick={() => send({ type: 'pin.key', key })}
          >
            {key}
          </button>
        ))}
        <button type="button" class="staff-key" onClick={() => send({ type: 'pin.erase' })}>
          {t.pin.erase}
        </button>
        <button type="button" class="staff-key" onClick={() => send({ type: 'pin.key', key: '0' })}>
          0
        </button>
        <button
          type="button"
          class="staff-key staff-key--ok"
          disabled={pad.reading}
          onClick={() => send({ type: 'pin.submit' })}
        >
          {t.pin.ok}
        </button>
      </div>
    </section>
  );
}
