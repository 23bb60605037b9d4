import { useEffect, useState } from 'preact/hooks';
import { type KioskConfig, type Locale, type StaffSettings } from '../../../domain';
import { useConsole } from '../StaffConsole';
import { useStaffSettings } from '../useStaffSettings';

const words = {
  title: '终端设置',
  formLabel: '终端设置',
  hallZh: '大厅名称（中文）',
  hallEn: '大厅名称（英文）',
  telephone: '大厅咨询电话',
  telephoneNote: '留空则使用配置文件中的电话。',
  idleSeconds: '标准模式无操作超时（秒）',
  elderlyIdleSeconds: '长者模式无操作超时（秒）',
  idleNote: (warning: number) =>
    `标准模式 20–600 秒，长者模式 20–900 秒且不短于标准模式；超时前 ${warning} 秒会先提示。`,
  timeZone: '大厅时区（IANA 名称，如 Asia/Shanghai）',
  timeZoneNote: '今天的日期、办公时间、取号和预约都按大厅时区计算。',
  defaultLocale: '默认语言',
  locales: { 'zh-CN': '中文', en: 'English' } satisfies Record<Locale, string>,
  save: '保存',
  saving: '正在保存…',
  saved: '已保存，退出后生效。',
  unchanged: '没有修改，无需保存。',
  loading: '正在读取当前设置…',
  loadFailed: '当前设置读取失败，请退出管理台后再试。',
  saveFailed: '保存失败，设置没有改变，请稍后再试。',
  auditFailed: '设置已保存，但审计日志未能写入，请联系技术人员。',
  rejectedIntro: '以下设置不符合要求，没有保存：',
  rejected: {
    hall: '大厅名称、电话或时区：名称不能为空，电话只能包含数字、空格、+、- 和括号（3–24 位），时区须为本浏览器认识的名称（如 Asia/Shanghai）',
    session: '无操作超时：请按下方说明填写整数秒数',
    timeZone: '大厅时区（IANA 名称，如 Asia/Shanghai）',
    timeZoneNote: '今天的日期、办公时间、取号和预约都按大厅时区计算。',
    defaultLocale: '默认语言',
    // Saved before in other sections: shown so staff know which one to correct there.
    officeHours: '办公时间（请在“办公时间与节假日”中修改）',
    calendar: '节假日（请在“办公时间与节假日”中修改）',
    queue: '取号业务设置',
  } as Partial<Record<string, string>>,
  fixedTitle: '本终端',
  kioskId: '终端编号',
  deviceProfile: '设备配置',
  profiles: { mock: '模拟设备（测试用）', real: '实体设备' } satisfies Record<
    KioskConfig['devices'],
    string
  >,
  profileNote: '改设备配置需重新输入密码，暂不支持。',
  hallWideNote:
    '这里的设置对本大厅的所有终端生效；各终端的编号和设备配置请在该终端的管理台查看。These settings apply to every kiosk of the hall; each kiosk’s id and devices are on its own console.',
};

/** What the form edits, as staff type it. */
interface Draft {
  hallZh: string;
  hallEn: string;
  telephone: string;
  timeZone: string;
  idleSeconds: string;
  elderlyIdleSeconds: string;
  defaultLocale: Locale;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; auditFailed: boolean }
  | { state: 'unchanged' }
  | { state: 'rejected'; keys: string[] }
  | { state: 'failed' };

/** 终端设置: the hall's name and telephone, the idle timeouts and the default language. */
export function SettingsSection() {
  const { config: running, hallWide } = useConsole().services;
  const { settings: stored, config, unreadable, saveSettings } = useStaffSettings();
  // The form's values as shown from what the kiosk will start with (what a change is measured
  // from), and as staff type them.
  const [shown, setShown] = useState<Draft | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  useEffect(() => {
    if (!config || shown) return;
    const first = draftOf(config);
    setShown(first);
    setDraft(first);
  }, [config, shown]);

  const edit = (field: keyof Draft) => (event: Event) => {
    const { value } = event.currentTarget as HTMLInputElement | HTMLSelectElement;
    setDraft((current) => current && { ...current, [field]: value });
    setOutcome({ state: 'idle' });
  };

  const save = async () => {
    if (!stored || !shown || !draft) return;
    const changes = changedFields(shown, draft);
    if (changes.length === 0) {
      setOutcome({ state: 'unchanged' });
      return;
    }
    setOutcome({ state: 'saving' });
    const saved = await saveSettings(settingsOf(stored, draft, changes), {
      subject: 'hall/session/defaultLocale',
      before: auditedPart(shown, changes),
      after: () => auditedPart(draft, changes),
    });
    if (!saved.ok) {
      setOutcome(
        'rejected' in saved ? { state: 'rejected', keys: saved.rejected } : { state: 'failed' },
      );
      return;
    }
    // The form now shows what the kiosk will start with (a cleared telephone is the file's again).
    const shownNext = draftOf(saved.config);
    setShown(shownNext);
    setDraft(shownNext);
    setOutcome({ state: 'saved', auditFailed: saved.auditFailed });
  };

  const warningSeconds = config?.session.warningSeconds;
  const busy = !draft || outcome.state === 'saving';

  return (
    <>
      <h2 class="staff-section__title">{words.title}</h2>
      <p role="status">
        {!draft && !unreadable && words.loading}
        {outcome.state === 'saving' && words.saving}
        {outcome.state === 'saved' && words.saved}
        {outcome.state === 'unchanged' && words.unchanged}
      </p>
      {unreadable && <p role="alert">{words.loadFailed}</p>}
      {outcome.state === 'failed' && <p role="alert">{words.saveFailed}</p>}
      {outcome.state === 'saved' && outcome.auditFailed && <p role="alert">{words.auditFailed}</p>}
      {outcome.state === 'rejected' && (
        <div role="alert">
          <p>{words.rejectedIntro}</p>
          <ul>
            {outcome.keys.map((key) => (
              <li key={key}>{words.rejected[key] ?? key}</li>
            ))}
          </ul>
        </div>
      )}

      {draft && warningSeconds !== undefined && (
        <form
          class="staff-form"
          aria-label={words.formLabel}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div class="staff-field">
            <label for="staff-hall-zh">{words.hallZh}</label>
            <input
              id="staff-hall-zh"
              type="text"
              value={draft.hallZh}
              disabled={busy}
              onInput={edit('hallZh')}
            />
          </div>
          <div class="staff-field">
            <label for="staff-hall-en">{words.hallEn}</label>
            <input
              id="staff-hall-en"
              type="text"
              lang="en"
              value={draft.hallEn}
              disabled={busy}
              onInput={edit('hallEn')}
            />
          </div>
          <div class="staff-field">
            <label for="staff-telephone">{words.telephone}</label>
            <input
              id="staff-telephone"
              type="tel"
              value={draft.telephone}
              disabled={busy}
              aria-describedby="staff-telephone-note"
              onInput={edit('telephone')}
            />
            <p class="staff-note" id="staff-telephone-note">
              {words.telephoneNote}
            </p>
          </div>
          <div class="staff-field">
            <label for="staff-time-zone">{words.timeZone}</label>
            <input
              id="staff-time-zone"
              type="text"
              lang="en"
              list="staff-time-zones"
              value={draft.timeZone}
              disabled={busy}
              aria-describedby="staff-time-zone-note"
              onInput={edit('timeZone')}
            />
            <datalist id="staff-time-zones">
              {['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'].map(
                (zone) => (
                  <option key={zone} value={zone} />
                ),
              )}
            </datalist>
            <p class="staff-note" id="staff-time-zone-note">
              {words.timeZoneNote}
            </p>
          </div>
          <div class="staff-field">
            <label for="staff-idle">{words.idleSeconds}</label>
            <input
              id="staff-idle"
              type="number"
              inputMode="numeric"
              min={20}
              max={600}
              step={1}
              value={draft.idleSeconds}
              disabled={busy}
              aria-describedby="staff-idle-note"
              onInput={edit('idleSeconds')}
            />
          </div>
          <div class="staff-field">
            <label for="staff-elderly-idle">{words.elderlyIdleSeconds}</label>
            <input
              id="staff-elderly-idle"
              type="number"
              inputMode="numeric"
              min={20}
              max={900}
              step={1}
              value={draft.elderlyIdleSeconds}
              disabled={busy}
              aria-describedby="staff-idle-note"
              onInput={edit('elderlyIdleSeconds')}
            />
          </div>
          <p class="staff-note" id="staff-idle-note">
            {words.idleNote(warningSeconds)}
          </p>
          <div class="staff-field">
            <label for="staff-locale">{words.defaultLocale}</label>
            <select
              id="staff-locale"
              value={draft.defaultLocale}
              disabled={busy}
              onChange={edit('defaultLocale')}
            >
              {(Object.keys(words.locales) as Locale[]).map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {words.locales[locale]}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="staff-button" disabled={busy} onClick={() => void save()}>
            {words.save}
          </button>
        </form>
      )}

      {hallWide ? (
        <p class="staff-note">{words.hallWideNote}</p>
      ) : (
        <>
          <h3>{words.fixedTitle}</h3>
          <dl>
            <dt>{words.kioskId}</dt>
            <dd>{running.kioskId}</dd>
            <dt>{words.deviceProfile}</dt>
            <dd>{words.profiles[running.devices]}</dd>
          </dl>
          <p class="staff-note">{words.profileNote}</p>
        </>
      )}
    </>
  );
}

/** The form's values: the configuration the kiosk will start with (the file's, with staff's settings). */
function draftOf(config: KioskConfig): Draft {
  return {
    hallZh: config.hall.name['zh-CN'],
    hallEn: config.hall.name.en,
    telephone: config.hall.telephone ?? '',
    timeZone: config.hall.timeZone,
    idleSeconds: String(config.session.idleSeconds),
    elderlyIdleSeconds: String(config.session.elderlyIdleSeconds),
    defaultLocale: config.defaultLocale,
  };
}

type Field = keyof Draft;
const FIELDS: readonly Field[] = [
  'hallZh',
  'hallEn',
  'telephone',
  'timeZone',
  'idleSeconds',
  'elderlyIdleSeconds',
  'defaultLocale',
];

/** The fields staff changed from what the form showed. */
function changedFields(shown: Draft, draft: Draft): Field[] {
  return FIELDS.filter((field) => draft[field].trim() !== shown[field].trim());
}

/**
 * The settings to store: only the fields staff changed, merged into what is stored, so a field
 * they left alone (the address, the warning, even the idle time beside the one they changed)
 * stays the file's and follows the file when it changes.
 */
function settingsOf(stored: StaffSettings, draft: Draft, changes: readonly Field[]): StaffSettings {
  const has = (field: Field) => changes.includes(field);
  const telephone = draft.telephone.trim();
  const { telephone: storedTelephone, ...storedHall } = stored.hall ?? {};
  // Stored hall and session are partial (applyStaffSettings merges them field by field); the
  // type says whole because the store keeps the configuration's own shape.
  const hall = {
    ...storedHall,
    ...(has('hallZh') || has('hallEn')
      ? { name: { 'zh-CN': draft.hallZh.trim(), en: draft.hallEn.trim() } }
      : {}),
    // Cleared, the telephone goes back to the file's.
    ...(has('telephone')
      ? telephone
        ? { telephone }
        : {}
      : storedTelephone === undefined
        ? {}
        : { telephone: storedTelephone }),
    ...(has('timeZone') ? { timeZone: draft.timeZone.trim() } : {}),
  } as StaffSettings['hall'];
  const session = {
    ...stored.session,
    ...(has('idleSeconds') ? { idleSeconds: secondsOf(draft.idleSeconds) } : {}),
    ...(has('elderlyIdleSeconds')
      ? { elderlyIdleSeconds: secondsOf(draft.elderlyIdleSeconds) }
      : {}),
  } as StaffSettings['session'];
  const next: StaffSettings = { ...stored };
  if (Object.keys(hall ?? {}).length > 0) next.hall = hall;
  else delete next.hall;
  if (Object.keys(session ?? {}).length > 0) next.session = session;
  if (has('defaultLocale')) next.defaultLocale = draft.defaultLocale;
  return next;
}

// Not a whole number is NaN, which the configuration's schema rejects and the form names.
function secondsOf(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The changed fields as the audit log keeps them, by their path in the configuration; a cleared
 * telephone is null (the file's stands).
 */
function auditedPart(values: Draft, changes: readonly Field[]): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  if (changes.includes('hallZh') || changes.includes('hallEn'))
    part['hall.name'] = { 'zh-CN': values.hallZh.trim(), en: values.hallEn.trim() };
  if (changes.includes('telephone')) part['hall.telephone'] = values.telephone.trim() || null;
  if (changes.includes('timeZone')) part['hall.timeZone'] = values.timeZone.trim();
  if (changes.includes('idleSeconds')) part['session.idleSeconds'] = secondsOf(values.idleSeconds);
  if (changes.includes('elderlyIdleSeconds'))
    part['session.elderlyIdleSeconds'] = secondsOf(values.elderlyIdleSeconds);
  if (changes.includes('defaultLocale')) part.defaultLocale = values.defaultLocale;
  return part;
}
