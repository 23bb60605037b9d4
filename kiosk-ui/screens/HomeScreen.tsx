import { Fragment } from 'preact';
import type { DeviceKind, FlowId, KioskCode, KioskConfig, Locale, OfficeHours } from '../../domain';
import { devicesDown, limitedFlows, unavailableFlows, type DeviceStatuses } from '../../machines';
import type { Messages } from '../i18n';
import { useFlowTitle, useKiosk, useMessages, useMode, useSend, useSession } from '../session';
import { shallowEqual } from '../useSelector';

const listOf = (items: readonly string[], locale: Locale) =>
  items.join(locale === 'zh-CN' ? '、' : ', ');

/** 周一至周五 09:00–12:00, 13:30–17:00 */
export function describeOfficeHours(
  hours: OfficeHours,
  t: Messages,
): { days: string; times: string } {
  const days = [...hours.days].sort((a, b) => a - b);
  const names = days.map((d) => t.weekdays[d - 1] ?? String(d));
  const contiguous = days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
  const dayText =
    contiguous && days.length > 2
      ? t.weekdayRange(names[0] ?? '', names[names.length - 1] ?? '')
      : names.join(' ');
  const times = hours.lunch
    ? `${hours.open}–${hours.lunch.start}, ${hours.lunch.end}–${hours.close}`
    : `${hours.open}–${hours.close}`;
  return { days: dayText, times };
}

/** What the scanned code could have been: the kiosk's own codes that start an offered flow. */
function readableCodes(
  codeFlows: Partial<Record<KioskCode['kind'], FlowId>>,
  t: Messages,
  locale: Locale,
): string {
  const kinds = (Object.keys(codeFlows) as KioskCode['kind'][]).map((kind) => t.codes.kinds[kind]);
  return kinds.length > 0 ? t.codes.readable(listOf(kinds, locale)) : t.codes.none;
}

export function HomeScreen() {
  const t = useMessages();
  const send = useSend();
  const { locale } = useMode();
  const { config, flows: catalogue } = useKiosk();
  const flows = useSession((s) => s.context.flows, shallowEqual);
  const notice = useSession((s) => s.context.notice);
  const statuses = useSession((s) => s.context.deviceStatuses);
  const requirements = useSession((s) => s.context.requirements);
  const paused = unavailableFlows(statuses, flows, requirements);
  const limited = limitedFlows(statuses, flows, catalogue.optional);
  const title = useFlowTitle();
  const hours = describeOfficeHours(config.officeHours, t);
  const limits = (devices: readonly DeviceKind[]) =>
    t.deviceHelp.limited(listOf([...new Set(devices.map((d) => t.deviceActions[d]))], locale));
  return (
    <main class="home" aria-labelledby="home-title">
      <h1 id="home-title" class="screen-title">
        {t.home.greeting}
      </h1>
      {notice && (
        <p class="notice" role="status">
          {t.notices[notice]}
          {notice === 'codeNotRecognised' && ` ${readableCodes(catalogue.codeFlows, t, locale)}`}
        </p>
      )}
      <DeviceHelp
        statuses={statuses}
        working={stillWorking(
          flows.filter((flow) => paused[flow] === undefined),
          title,
          (flow) => {
            const less = limited[flow];
            return less ? limits(less) : null;
          },
          locale,
        )}
        config={config}
        hours={hours}
      />
      {flows.length > 0 ? (
        <ul class="tiles" role="list">
          {flows.map((flow) => {
            const problem = paused[flow];
            const less = problem ? undefined : limited[flow];
            return (
              <li key={flow}>
                <button
                  type="button"
                  class={`tile tile--${flow}`}
                  disabled={problem !== undefined}
                  aria-describedby={problem || less ? `paused-${flow}` : undefined}
                  onClick={() => send({ type: 'user.selectFlow', flow })}
                >
                  {title(flow)}
                  {problem && (
                    <span id={`paused-${flow}`} class="tile__paused">
                      {t.paused(
                        t.devices[problem.device],
                        t.deviceStatus[problem.status],
                        title(flow),
                      )}
                    </span>
                  )}
                  {less && (
                    <span id={`paused-${flow}`} class="tile__limited">
                      {limits(less)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty-state">{t.home.noFlows}</p>
      )}
      <section class="hours" aria-labelledby="hours-title">
        <h2 id="hours-title">{t.home.officeHours}</h2>
        <p>
          {hours.days} {hours.times}
        </p>
        <p>{t.home.selfService}</p>
      </section>
      <button type="button" class="secondary-button" onClick={() => send({ type: 'user.finish' })}>
        {t.nav.finish}
      </button>
    </main>
  );
}

/**
 * The flows that still work, those that work with less grouped by what they cannot do:
 * “身份证复印；不动产查询、办事指南（暂不能打印）”.
 */
function stillWorking(
  flows: readonly FlowId[],
  title: (flow: FlowId) => string,
  limits: (flow: FlowId) => string | null,
  locale: Locale,
): string[] {
  const groups = new Map<string | null, string[]>();
  for (const flow of flows) {
    const key = limits(flow);
    groups.set(key, [...(groups.get(key) ?? []), title(flow)]);
  }
  return [...groups].map(([less, titles]) =>
    less === null
      ? listOf(titles, locale)
      : `${listOf(titles, locale)}${locale === 'zh-CN' ? `（${less}）` : ` (${less})`}`,
  );
}

/**
 * While a device is not working, home says in plain words what is out, what can still be done
 * here, and where to go for the rest: the staffed windows in office hours, the hall's telephone.
 */
function DeviceHelp(props: {
  statuses: DeviceStatuses;
  working: readonly string[];
  config: KioskConfig;
  hours: { days: string; times: string };
}) {
  const t = useMessages();
  const { locale } = useMode();
  const { hall } = props.config;
  const down = devicesDown(props.statuses);
  if (down.length === 0) return null;
  const stop = locale === 'zh-CN' ? '。' : '.';
  const faults = down.map((device) =>
    t.deviceHelp.fault(
      t.devices[device],
      t.deviceStatus[props.statuses[device]],
      t.deviceActions[device],
    ),
  );
  return (
    <section class="device-help" role="status" aria-labelledby="device-help-title">
      <h2 id="device-help-title">{t.deviceHelp.title}</h2>
      <p>{`${faults.join(locale === 'zh-CN' ? '；' : '; ')}${stop}`}</p>
      <p class="device-help__works">
        {props.working.length > 0
          ? t.deviceHelp.stillWorks(props.working.join(locale === 'zh-CN' ? '；' : '; '))
          : t.deviceHelp.nothingWorks}
      </p>
      <p>
        {t.deviceHelp.window(hall.windows?.[locale] ?? t.deviceHelp.staffedWindow)}
        {locale === 'zh-CN' ? '' : ' '}
        {/* Hours and the number break between their parts, never inside one. */}
        {[props.hours.days, ...props.hours.times.split(/(?<=,) /)].map((part, i) => (
          <Fragment key={part}>
            {i > 0 && ' '}
            <span class="nowrap">{part}</span>
          </Fragment>
        ))}
        {stop}
      </p>
      {hall.telephone && (
        <p>
          {t.deviceHelp.telephone} <span class="nowrap">{hall.telephone}</span>
          {stop}
        </p>
      )}
    </section>
  );
}
