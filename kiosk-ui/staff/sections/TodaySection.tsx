import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_APPOINTMENT_RULES,
  clockOf,
  dateLabel,
  isWorkingDay,
  nextWorkingDays,
  type CalendarDate,
  type QueueServiceConfig,
} from '../../../domain';
import type { ConsoleServices } from '../consoleServices';
import { useConsole } from '../StaffConsole';

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
  appointmentsTitle: '预约人数',
  appointmentsLabel: '今天及之后几个工作日各业务的预约人数',
  day: '日期',
  appointmentsNote:
    '排队服务暂不提供预约名单，这里的人数由各时段的剩余名额推算，不含预约人信息，也看不出是否已签到。',
  noDays: '今天及之后一年内没有工作日，请检查办公时间与节假日设置。',
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
  /** Service code → day → appointments booked. */
  booked: Record<string, Record<CalendarDate, number>>;
}

type Shown = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; overview: Overview };

/** 今日概况: the numbers issued today per queue service, and the appointments ahead. */
export function TodaySection() {
  const { services } = useConsole();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });

  const load = async () => {
    setShown({ state: 'loading' });
    try {
      setShown({ state: 'ready', overview: await readOverview(services) });
    } catch (error) {
      console.error('The day overview could not be read', error);
      setShown({ state: 'failed' });
    }
  };
  useEffect(() => void load(), []);

  return (
    <>
      <h2 class="staff-section__title">{words.title}</h2>
      <button
        type="button"
        class="staff-button"
        disabled={shown.state === 'loading'}
        onClick={() => void load()}
      >
        {words.refresh}
      </button>
      <p role="status">
        {shown.state === 'loading' && words.loading}
        {shown.state === 'ready' &&
          words.today(
            dateLabel(shown.overview.today, 'zh-CN', { year: true }),
            shown.overview.time,
          )}
      </p>
      {shown.state === 'failed' && <p role="alert">{words.failed}</p>}
      {shown.state === 'ready' && <OverviewTables overview={shown.overview} />}
    </>
  );
}

function OverviewTables({ overview }: { overview: Overview }) {
  const { tickets, days, booked, today } = overview;
  if (tickets.length === 0) return <p>{words.noServices}</p>;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const bookedOn = (code: string, day: CalendarDate) => booked[code]?.[day] ?? 0;
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

      <h3>{words.appointmentsTitle}</h3>
      {days.length === 0 ? (
        <p>{words.noDays}</p>
      ) : (
        <table class="staff-table" aria-label={words.appointmentsLabel}>
          <thead>
            <tr>
              <th scope="col">{words.day}</th>
              {tickets.map(({ service }) => (
                <th scope="col" key={service.code}>
                  {service.name['zh-CN']}
                </th>
              ))}
              <th scope="col">{words.total}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day}>
                <th scope="row">{dateLabel(day, 'zh-CN', { today })}</th>
                {tickets.map(({ service }) => (
                  <td key={service.code}>{bookedOn(service.code, day)}</td>
                ))}
                <td>{sum(tickets.map(({ service }) => bookedOn(service.code, day)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="staff-note">{words.appointmentsNote}</p>
    </>
  );
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
  const tickets = await Promise.all(
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
  const booked = Object.fromEntries(
    await Promise.all(
      services.map(async (service) => {
        const left = days.length > 0 ? await queue.placesLeft(service.code, days) : {};
        return [service.code, Object.fromEntries(days.map((day) => [day, bookedIn(left[day])]))];
      }),
    ),
  ) as Overview['booked'];
  return { today, time, tickets, days, booked };
}

/**
 * Appointments booked on a day, from the places left in each of its slots: the queue service
 * lists no appointments, and the store and the appointment flow both use the default rules.
 */
function bookedIn(slots: Record<string, number> | undefined): number {
  const capacity = DEFAULT_APPOINTMENT_RULES.capacityPerSlot;
  return Object.values(slots ?? {}).reduce((sum, left) => sum + Math.max(0, capacity - left), 0);
}
