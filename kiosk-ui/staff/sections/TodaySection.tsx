import { useEffect, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_APPOINTMENT_RULES,
  appointmentSlots,
  clockOf,
  dateLabel,
  isWorkingDay,
  nextWorkingDays,
  type Appointment,
  type AppointmentSlot,
  type AppointmentTime,
  type CalendarDate,
  type CancelResult,
  type ClockTime,
  type MoveResult,
  type QueueServiceConfig,
} from '../../../domain';
import type { ConsoleServices } from '../consoleServices';
import { RefreshButton, SectionHeading } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

type Refusal =
  Extract<CancelResult, { ok: false }>['reason'] | Extract<MoveResult, { ok: false }>['reason'];

const words = {
  title: '今日概况',
  today: (day: string, time: string) => `今天是 ${day}，数据截至 ${time}。`,
  refresh: '刷新',
  loading: '正在读取…',
  failed: '读取失败，请稍后刷新。',
  ticketsTitle: '今日取号',
  ticketsLabel: '今日各业务取号情况',
  service: '业务',
  issued: '已取号',
  priority: '其中优先号',
  latest: '最新号码',
  dailyMax: '每日上限',
  total: '合计',
  none: '—',
  noServices: '本终端未配置取号业务。',
  appointmentsTitle: '预约名单',
  dayTable: (day: string) => `${day}的预约`,
  slot: '时段',
  phone: '手机号',
  state: '状态',
  actions: '操作',
  noAppointments: '没有预约。',
  noDays: '今天及之后一年内没有工作日，请检查办公时间与节假日设置。',
  appointmentsNote:
    '取消或改期不会通知预约人，请电话告知。改期后，预约凭条上的二维码仍可在新的日期签到。',
  booked: '已预约',
  checkedIn: '已签到',
  cancelled: (reason: string) => `已取消（${reason}）`,
  moved: (from: string) => `已改期（原 ${from}）`,
  movedBefore: (from: string) => `，原 ${from}`,
  cancel: '取消',
  move: '改期',
  cancelTitle: (what: string) => `取消预约：${what}`,
  moveTitle: (what: string) => `预约改期：${what}`,
  reason: '原因',
  newDay: '改到日期',
  newSlot: '改到时段',
  slotOption: (slot: string, left: number) => `${slot}（余 ${left} 个）`,
  noSlot: '该日没有空余时段',
  confirmCancel: '确认取消',
  confirmMove: '确认改期',
  back: '返回',
  noReason: '请填写原因。',
  noSlotChosen: '所选日期没有空余时段，请另选日期。',
  refusals: {
    'unknown-appointment': '该预约已取消或已不存在，名单已刷新。',
    'checked-in': '该预约已签到，不能取消或改期。',
    'slot-full': '所选时段已约满，请另选时段。',
    'same-slot': '新时段与原时段相同，请另选。',
    'already-booked': '预约人在该日已预约同一业务，不能改到这一天。',
  } satisfies Record<Refusal, string>,
  saveFailed: '保存失败，请稍后再试。',
  cancelDone: (what: string) => `已取消：${what}。`,
  moveDone: (what: string, to: string) => `已改期：${what}，改到 ${to}。`,
  auditFailed: '已完成，但未能记入审计日志，请联系技术人员。',
};

interface ServiceTickets {
  service: QueueServiceConfig;
  issued: number;
  priority: number;
  latest: string | null;
}

interface Overview {
  today: CalendarDate;
  time: string;
  tickets: ServiceTickets[];
  /** Today when it is a working day, then the working days that can be booked. */
  days: CalendarDate[];
  /** Every appointment on those days, cancelled ones too, in the store's order. */
  appointments: Appointment[];
  /** Service code → day → slot start → places left: where an appointment can be moved to. */
  places: Record<string, Record<CalendarDate, Record<ClockTime, number>>>;
  /** The day's slots, as the appointment flow cuts them. */
  slots: AppointmentSlot[];
}

type Shown = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; overview: Overview };

/** The appointment staff are cancelling or moving (one at a time). */
interface Action {
  kind: 'cancel' | 'move';
  id: string;
}

/** What an action came to, for the section's heading. */
interface Outcome {
  problem: string | null;
  status: string;
}

/** 今日概况: the numbers issued today per queue service, and the appointments ahead. */
export function TodaySection() {
  const { services } = useConsole();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const [outcome, setOutcome] = useState<Outcome>({ problem: null, status: '' });
  const [action, setAction] = useState<Action | null>(null);

  /** A quiet reload keeps the list on screen (and an open form) until the new one is read. */
  const load = async (quiet = false) => {
    if (!quiet) setShown({ state: 'loading' });
    try {
      setShown({ state: 'ready', overview: await readOverview(services) });
    } catch (error) {
      console.error('The day overview could not be read', error);
      setShown({ state: 'failed' });
    }
  };
  useEffect(() => void load(), []);

  const refresh = () => {
    setOutcome({ problem: null, status: '' });
    setAction(null);
    void load();
  };
  const finished = (next: Outcome) => {
    setOutcome(next);
    setAction(null);
    void load(true);
  };

  return (
    <>
      <SectionHeading
        title={words.title}
        problem={shown.state === 'failed' ? words.failed : outcome.problem}
        status={shown.state === 'loading' ? words.loading : outcome.status}
      />
      <RefreshButton loading={shown.state === 'loading'} onClick={refresh} label={words.refresh} />
      {shown.state === 'ready' && (
        <>
          <p>
            {words.today(
              dateLabel(shown.overview.today, 'zh-CN', { year: true }),
              shown.overview.time,
            )}
          </p>
          <TicketTable tickets={shown.overview.tickets} />
          <AppointmentLists
            overview={shown.overview}
            action={action}
            onAction={(next) => {
              setOutcome({ problem: null, status: '' });
              setAction(next);
            }}
            onFinished={finished}
            reload={() => void load(true)}
          />
        </>
      )}
    </>
  );
}

function TicketTable({ tickets }: { tickets: ServiceTickets[] }) {
  if (tickets.length === 0) return <p>{words.noServices}</p>;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return (
    <>
      <h3>{words.ticketsTitle}</h3>
      <table class="staff-table" aria-label={words.ticketsLabel}>
        <thead>
          <tr>
            <th scope="col">{words.service}</th>
            <th scope="col">{words.issued}</th>
            <th scope="col">{words.priority}</th>
            <th scope="col">{words.latest}</th>
            <th scope="col">{words.dailyMax}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map(({ service, issued, priority, latest }) => (
            <tr key={service.code}>
              <th scope="row">{service.name['zh-CN']}</th>
              <td>{issued}</td>
              <td>{priority}</td>
              <td>{latest ?? words.none}</td>
              <td>{service.dailyMax}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{words.total}</th>
            <td>{sum(tickets.map((t) => t.issued))}</td>
            <td>{sum(tickets.map((t) => t.priority))}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </>
  );
}

function AppointmentLists({
  overview,
  action,
  onAction,
  onFinished,
  reload,
}: {
  overview: Overview;
  action: Action | null;
  onAction: (action: Action | null) => void;
  onFinished: (outcome: Outcome) => void;
  reload: () => void;
}) {
  const { days, appointments, today } = overview;
  const names = serviceNames(overview);
  // Gone from the list, or checked in since it was read: its form closes.
  const chosen = appointments.find((a) => a.id === action?.id && isChangeable(a));
  return (
    <>
      <h3>{words.appointmentsTitle}</h3>
      {days.length === 0 && <p>{words.noDays}</p>}
      {days.map((day) => {
        const ofDay = appointments.filter((a) => a.date === day);
        return (
          <div key={day}>
            <StaffTable
              label={words.dayTable(dateLabel(day, 'zh-CN', { today }))}
              columns={[words.slot, words.service, words.phone, words.state, words.actions]}
              visibleCaption
            >
              {ofDay.length === 0 && (
                <tr>
                  <td colSpan={5}>{words.noAppointments}</td>
                </tr>
              )}
              {ofDay.map((appointment) => (
                <tr key={appointment.id}>
                  <th scope="row">{slotText(appointment.slot)}</th>
                  <td>{names(appointment.serviceCode)}</td>
                  <td>{appointment.maskedPhone}</td>
                  <td>{stateText(appointment, today)}</td>
                  <td>
                    {isChangeable(appointment) && (
                      <div class="staff-actions">
                        {(['cancel', 'move'] as const).map((kind) => (
                          <button
                            key={kind}
                            type="button"
                            class="staff-button staff-button--small"
                            aria-label={`${words[kind]}：${describe(appointment, overview)}`}
                            onClick={() => onAction({ kind, id: appointment.id })}
                          >
                            {words[kind]}
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </StaffTable>
            {chosen && action && chosen.date === day && (
              <ActionForm
                key={`${action.kind} ${chosen.id}`}
                kind={action.kind}
                appointment={chosen}
                overview={overview}
                onClose={() => onAction(null)}
                onFinished={onFinished}
                reload={reload}
              />
            )}
          </div>
        );
      })}
      <p class="staff-note">{words.appointmentsNote}</p>
    </>
  );
}

/**
 * The form under a day's table: the reason, and for a move the new day and slot. What staff can
 * put right here (no reason, a slot taken meanwhile) it says itself; the rest closes it.
 */
function ActionForm({
  kind,
  appointment,
  overview,
  onClose,
  onFinished,
  reload,
}: {
  kind: Action['kind'];
  appointment: Appointment;
  overview: Overview;
  onClose: () => void;
  onFinished: (outcome: Outcome) => void;
  /** Reads the list and the places again, leaving this form open. */
  reload: () => void;
}) {
  const { services, changed } = useConsole();
  const [reason, setReason] = useState('');
  const [day, setDay] = useState(appointment.date);
  const [start, setStart] = useState<ClockTime | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonField = useRef<HTMLInputElement>(null);
  useEffect(() => reasonField.current?.focus(), []);

  const what = describe(appointment, overview);
  const free = freeSlots(overview, appointment, day);
  // A slot picked on another day, or taken since, gives way to the first one free.
  const slot = free.find((s) => s.slot.start === start)?.slot ?? free[0]?.slot ?? null;

  const submit = async () => {
    const why = reason.trim();
    if (why === '') {
      setProblem(words.noReason);
      return;
    }
    const to = kind === 'move' && slot ? { date: day, slot } : null;
    if (kind === 'move' && !to) {
      setProblem(words.noSlotChosen);
      return;
    }
    setBusy(true);
    try {
      const done = to
        ? await move(services, appointment, to, why)
        : await cancel(services, appointment, why);
      if (done.ok) {
        changed();
        const status = to ? words.moveDone(what, timeText(to, overview)) : words.cancelDone(what);
        onFinished({ problem: done.audited ? null : words.auditFailed, status });
      } else if (done.reason === 'unknown-appointment' || done.reason === 'checked-in') {
        // The list was stale: read it again, without this appointment's form.
        onFinished({ problem: words.refusals[done.reason], status: '' });
      } else {
        // Staff pick another slot or day, from places read again.
        setProblem(words.refusals[done.reason]);
        reload();
      }
    } catch (error) {
      console.error(`The appointment could not be changed (${kind})`, error);
      setProblem(words.saveFailed);
    } finally {
      setBusy(false);
    }
  };

  const titleId = `staff-appointment-${kind}-title`;
  return (
    <form
      class="staff-form staff-form--inline"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={titleId}>{kind === 'cancel' ? words.cancelTitle(what) : words.moveTitle(what)}</h4>
      <div class="staff-field">
        <label for="staff-appointment-reason">{words.reason}</label>
        <input
          id="staff-appointment-reason"
          ref={reasonField}
          type="text"
          maxLength={200}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      {kind === 'move' && (
        <>
          <div class="staff-field">
            <label for="staff-appointment-day">{words.newDay}</label>
            <select
              id="staff-appointment-day"
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
            >
              {overview.days.map((d) => (
                <option key={d} value={d}>
                  {dateLabel(d, 'zh-CN', { today: overview.today })}
                </option>
              ))}
            </select>
          </div>
          <div class="staff-field">
            <label for="staff-appointment-slot">{words.newSlot}</label>
            <select
              id="staff-appointment-slot"
              value={slot?.start ?? ''}
              disabled={free.length === 0}
              onChange={(e) => setStart(e.currentTarget.value)}
            >
              {free.length === 0 && <option value="">{words.noSlot}</option>}
              {free.map(({ slot: s, left }) => (
                <option key={s.start} value={s.start}>
                  {words.slotOption(slotText(s), left)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <button type="submit" class="staff-button staff-button--primary" disabled={busy}>
        {kind === 'cancel' ? words.confirmCancel : words.confirmMove}
      </button>
      <button type="button" class="staff-button" onClick={onClose}>
        {words.back}
      </button>
      <p role="alert" class="staff-error">
        {problem}
      </p>
    </form>
  );
}

type Done = { ok: true; audited: boolean } | { ok: false; reason: Refusal };

async function cancel(
  services: ConsoleServices,
  appointment: Appointment,
  reason: string,
): Promise<Done> {
  const result = await services.queue.cancelAppointment(appointment.id, reason, services.now());
  if (!result.ok) return result;
  return audited(services, {
    action: 'appointment-cancel',
    subject: appointment.id,
    before: { ...placeOf(appointment), state: 'booked' },
    after: { state: 'cancelled', reason },
  });
}

async function move(
  services: ConsoleServices,
  appointment: Appointment,
  to: AppointmentTime,
  reason: string,
): Promise<Done> {
  const result = await services.queue.moveAppointment(appointment.id, to, reason, services.now());
  if (!result.ok) return result;
  return audited(services, {
    action: 'appointment-move',
    subject: appointment.id,
    before: placeOf(appointment),
    after: { ...placeOf(result.appointment), reason },
  });
}

/** The change is made whether or not its audit line is written; staff are told when it was not. */
async function audited(
  services: ConsoleServices,
  record: Parameters<ConsoleServices['audit']>[0],
): Promise<Done> {
  try {
    await services.audit(record);
    return { ok: true, audited: true };
  } catch (error) {
    console.error('The appointment change could not be audited', error);
    return { ok: true, audited: false };
  }
}

function placeOf({ serviceCode, date, slot }: Appointment) {
  return { serviceCode, date, slot: `${slot.start}-${slot.end}` };
}

/** Neither checked in nor cancelled: staff may still cancel or move it. */
function isChangeable(appointment: Appointment): boolean {
  return !appointment.ticketId && !appointment.cancelledAt;
}

function stateText(appointment: Appointment, today: CalendarDate): string {
  const from = appointment.movedFrom
    ? `${dateLabel(appointment.movedFrom.date, 'zh-CN', { today })} ${slotText(appointment.movedFrom.slot)}`
    : null;
  if (!appointment.cancelledAt && !appointment.ticketId)
    return from ? words.moved(from) : words.booked;
  const state = appointment.cancelledAt
    ? words.cancelled(appointment.cancelReason ?? words.none)
    : words.checkedIn;
  return from ? state + words.movedBefore(from) : state;
}

function slotText(slot: AppointmentSlot): string {
  return `${slot.start}–${slot.end}`;
}

function timeText(time: AppointmentTime, overview: Overview): string {
  return `${dateLabel(time.date, 'zh-CN', { today: overview.today })} ${slotText(time.slot)}`;
}

/** The appointment in words, for its buttons, its form and the outcome. */
function describe(appointment: Appointment, overview: Overview): string {
  const name = serviceNames(overview)(appointment.serviceCode);
  return `${timeText(appointment, overview)} ${name} ${appointment.maskedPhone}`;
}

function serviceNames({ tickets }: Overview): (code: string) => string {
  const names = new Map(tickets.map(({ service }) => [service.code, service.name['zh-CN']]));
  // A service since taken off the kiosk keeps its appointments: shown by its code.
  return (code) => names.get(code) ?? code;
}

/** The slots of `day` with a place left for the appointment's service, but the one it is in. */
function freeSlots(
  { places, slots }: Overview,
  appointment: Appointment,
  day: CalendarDate,
): { slot: AppointmentSlot; left: number }[] {
  const left = places[appointment.serviceCode]?.[day] ?? {};
  return slots
    .filter((s) => !(day === appointment.date && s.start === appointment.slot.start))
    .map((slot) => ({ slot, left: left[slot.start] ?? 0 }))
    .filter(({ left: places }) => places > 0);
}

async function readOverview({ config, queue, now }: ConsoleServices): Promise<Overview> {
  const { date: today, time } = clockOf(now(), config.hall.timeZone);
  const calendar = { hours: config.officeHours, ...config.calendar };
  // The days the appointment flow offers: today while it is a working day, then those ahead.
  const days = [
    ...(isWorkingDay(calendar, today) ? [today] : []),
    ...nextWorkingDays(calendar, today, DEFAULT_APPOINTMENT_RULES.daysAhead),
  ];
  const services = config.queue.services;
  const readTickets = Promise.all(
    services.map(async (service): Promise<ServiceTickets> => {
      const issued = await queue.issued(service.code, today);
      const latest = issued.reduce<(typeof issued)[number] | null>(
        (last, ticket) => (last === null || ticket.sequence > last.sequence ? ticket : last),
        null,
      );
      return {
        service,
        issued: issued.length,
        priority: issued.filter((ticket) => ticket.priority).length,
        latest: latest?.number ?? null,
      };
    }),
  );
  const readPlaces = Promise.all(
    services.map(
      async (service) =>
        [service.code, days.length > 0 ? await queue.placesLeft(service.code, days) : {}] as const,
    ),
  );
  const [tickets, appointments, places] = await Promise.all([
    readTickets,
    days.length > 0 ? queue.appointments(days) : Promise.resolve([]),
    readPlaces,
  ]);
  return {
    today,
    time,
    tickets,
    days,
    appointments,
    places: Object.fromEntries(places),
    // The store and the appointment flow both cut the office hours by the default rules.
    slots: appointmentSlots(config.officeHours, DEFAULT_APPOINTMENT_RULES.slotMinutes),
  };
}
