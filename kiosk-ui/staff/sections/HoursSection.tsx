import { useState } from 'preact/hooks';
import {
  hallDateOf,
  holidayToggled,
  isCalendarDate,
  type KioskConfig,
  type OfficeHours,
} from '../../../domain';
import { useConsole } from '../StaffConsole';
import { useStaffSettings, type SaveOutcome } from '../useStaffSettings';

const words = {
  title: '办公时间、节假日与取号',
  loading: '正在读取设置…',
  unreadable: '设置暂时无法读取，请稍后再试。',
  saved: '已保存，退出管理台后生效。',
  auditFailed: '已保存，退出管理台后生效；但审计日志未能写入，请联系技术人员。',
  failed: '保存失败，请稍后再试；设置未改变。',
  rejected: (keys: string[]) =>
    `该设置不符合规则，未保存（${keys.join('、')}）。请检查时间先后等。`,
  calendarTitle: '节假日与调休',
  calendarHint: '节假日当天不取号，只可预约其他工作日；调休上班日按工作日取号。',
  date: '日期',
  addHoliday: '设为节假日',
  addMakeup: '设为调休上班日',
  today: '今天',
  badDate: '请填写日期（年-月-日）。',
  holidays: '节假日',
  makeups: '调休上班日',
  none: '无',
  remove: (date: string) => `删除 ${date}`,
  hoursTitle: '办公时间',
  weekdays: '办公日',
  weekday: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  open: '上班时间',
  close: '下班时间',
  lunchStart: '午休开始',
  lunchEnd: '午休结束',
  saveHours: '保存办公时间',
  queueTitle: '取号服务',
  noServices: '本终端未配置取号服务。',
  dailyMax: '每日上限（张）',
  window: (i: number) => `第 ${i + 1} 个取号时段`,
  start: '开始',
  end: '结束',
  quota: '限额（张）',
  saveService: (name: string) => `保存：${name}`,
};

function outcomeText(outcome: SaveOutcome): string {
  if (outcome.ok) return outcome.auditFailed ? words.auditFailed : words.saved;
  return 'rejected' in outcome ? words.rejected(outcome.rejected) : words.failed;
}

/** 办公时间、节假日与取号: the calendar a day's numbers follow, and each service's quotas. */
export function HoursSection() {
  const { config, unreadable, save } = useStaffSettings();
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const report = (outcome: SaveOutcome) =>
    setStatus({ text: outcomeText(outcome), ok: outcome.ok && !outcome.auditFailed });

  if (!config)
    return (
      <>
        <h2 class="staff-section__title">{words.title}</h2>
        <p role={unreadable ? 'alert' : 'status'}>
          {unreadable ? words.unreadable : words.loading}
        </p>
      </>
    );
  return (
    <>
      <h2 class="staff-section__title">{words.title}</h2>
      <p role={status && !status.ok ? 'alert' : 'status'} class="staff-note">
        {status?.text}
      </p>
      <Calendar
        config={config}
        onSave={async (calendar) => report(await save('calendar', calendar))}
        onBadDate={() => setStatus({ text: words.badDate, ok: false })}
      />
      <Hours
        hours={config.officeHours}
        onSave={async (h) => report(await save('officeHours', h))}
      />
      <QueueServices config={config} onSave={async (queue) => report(await save('queue', queue))} />
    </>
  );
}

function Calendar({
  config,
  onSave,
  onBadDate,
}: {
  config: KioskConfig;
  onSave: (calendar: KioskConfig['calendar']) => Promise<void>;
  onBadDate: () => void;
}) {
  const { services } = useConsole();
  const today = hallDateOf(services.now(), config.hall.timeZone);
  const [date, setDate] = useState(today);
  const toggle = (day: string, kind: 'holiday' | 'makeup') => {
    if (!isCalendarDate(day)) return onBadDate();
    void onSave(holidayToggled(config.calendar, day, kind));
  };
  const add = (kind: 'holiday' | 'makeup') => {
    const list = kind === 'holiday' ? config.calendar.holidays : config.calendar.makeupWorkdays;
    // Adding a day already listed changes nothing (toggling would take it out).
    if (list.includes(date)) return;
    toggle(date, kind);
  };
  const list = (title: string, days: readonly string[], kind: 'holiday' | 'makeup') => (
    <div class="staff-days">
      <h4>{title}</h4>
      {days.length === 0 ? (
        <p class="staff-note">{words.none}</p>
      ) : (
        <ul aria-label={title}>
          {days.map((day) => (
            <li key={day}>
              {day}
              {day === today && `（${words.today}）`}
              <button
                type="button"
                class="staff-button staff-button--small"
                aria-label={`${title}：${words.remove(day)}`}
                onClick={() => toggle(day, kind)}
              >
                {words.remove('')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section aria-labelledby="staff-calendar-title">
      <h3 id="staff-calendar-title">{words.calendarTitle}</h3>
      <p class="staff-note">{words.calendarHint}</p>
      <div class="staff-form staff-form--inline">
        <div class="staff-field">
          <label for="staff-calendar-date">{words.date}</label>
          <input
            id="staff-calendar-date"
            type="date"
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        <button type="button" class="staff-button" onClick={() => add('holiday')}>
          {words.addHoliday}
        </button>
        <button type="button" class="staff-button" onClick={() => add('makeup')}>
          {words.addMakeup}
        </button>
      </div>
      {list(words.holidays, config.calendar.holidays, 'holiday')}
      {list(words.makeups, config.calendar.makeupWorkdays, 'makeup')}
    </section>
  );
}

function TimeField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <div class="staff-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="time"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function Hours({
  hours,
  onSave,
}: {
  hours: OfficeHours;
  onSave: (h: OfficeHours) => Promise<void>;
}) {
  const [draft, setDraft] = useState(hours);
  const lunch = draft.lunch ?? { start: '', end: '' };
  return (
    <section aria-labelledby="staff-hours-title">
      <h3 id="staff-hours-title">{words.hoursTitle}</h3>
      <fieldset class="staff-weekdays">
        <legend>{words.weekdays}</legend>
        {words.weekday.map((name, i) => (
          <label key={name} class="staff-check-label">
            <input
              type="checkbox"
              checked={draft.days.includes(i + 1)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const days = on
                  ? [...draft.days, i + 1].sort((a, b) => a - b)
                  : draft.days.filter((d) => d !== i + 1);
                setDraft({ ...draft, days });
              }}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <div class="staff-form staff-form--inline">
        <TimeField
          id="staff-open"
          label={words.open}
          value={draft.open}
          onInput={(open) => setDraft({ ...draft, open })}
        />
        <TimeField
          id="staff-close"
          label={words.close}
          value={draft.close}
          onInput={(close) => setDraft({ ...draft, close })}
        />
        <TimeField
          id="staff-lunch-start"
          label={words.lunchStart}
          value={lunch.start}
          onInput={(start) => setDraft({ ...draft, lunch: { ...lunch, start } })}
        />
        <TimeField
          id="staff-lunch-end"
          label={words.lunchEnd}
          value={lunch.end}
          onInput={(end) => setDraft({ ...draft, lunch: { ...lunch, end } })}
        />
      </div>
      <button
        type="button"
        class="staff-button staff-button--primary"
        onClick={() => {
          // Both lunch times cleared: no lunch break.
          const { lunch: typed, ...rest } = draft;
          void onSave(typed && (typed.start || typed.end) ? draft : rest);
        }}
      >
        {words.saveHours}
      </button>
    </section>
  );
}

function QueueServices({
  config,
  onSave,
}: {
  config: KioskConfig;
  onSave: (queue: KioskConfig['queue']) => Promise<void>;
}) {
  const { services } = config.queue;
  return (
    <section aria-labelledby="staff-queue-title">
      <h3 id="staff-queue-title">{words.queueTitle}</h3>
      {services.length === 0 && <p class="staff-note">{words.noServices}</p>}
      {services.map((service) => (
        <QueueServiceForm
          key={service.code}
          service={service}
          onSave={(next) =>
            onSave({
              ...config.queue,
              services: services.map((s) => (s.code === next.code ? next : s)),
            })
          }
        />
      ))}
    </section>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: number;
  onInput: (v: number) => void;
}) {
  return (
    <div class="staff-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.valueAsNumber)}
      />
    </div>
  );
}

type QueueServiceConfig = KioskConfig['queue']['services'][number];

function QueueServiceForm({
  service,
  onSave,
}: {
  service: QueueServiceConfig;
  onSave: (service: QueueServiceConfig) => Promise<void>;
}) {
  const [draft, setDraft] = useState(service);
  const id = `staff-service-${service.code}`;
  return (
    <fieldset class="staff-service">
      <legend>
        {service.prefix} {service.name['zh-CN']}
      </legend>
      <NumberField
        id={`${id}-max`}
        label={words.dailyMax}
        value={draft.dailyMax}
        onInput={(dailyMax) => setDraft({ ...draft, dailyMax })}
      />
      {draft.issuingWindows.map((window, i) => {
        const set = (patch: Partial<typeof window>) =>
          setDraft({
            ...draft,
            issuingWindows: draft.issuingWindows.map((w, j) => (j === i ? { ...w, ...patch } : w)),
          });
        return (
          <div
            key={i}
            class="staff-form staff-form--inline"
            role="group"
            aria-label={words.window(i)}
          >
            <TimeField
              id={`${id}-${i}-start`}
              label={`${words.window(i)} ${words.start}`}
              value={window.start}
              onInput={(start) => set({ start })}
            />
            <TimeField
              id={`${id}-${i}-end`}
              label={`${words.window(i)} ${words.end}`}
              value={window.end}
              onInput={(end) => set({ end })}
            />
            <NumberField
              id={`${id}-${i}-quota`}
              label={`${words.window(i)} ${words.quota}`}
              value={window.quota}
              onInput={(quota) => set({ quota })}
            />
          </div>
        );
      })}
      <button
        type="button"
        class="staff-button staff-button--primary"
        onClick={() => void onSave(draft)}
      >
        {words.saveService(service.name['zh-CN'])}
      </button>
    </fieldset>
  );
}
