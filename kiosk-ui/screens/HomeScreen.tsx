import type { OfficeHours } from '../../domain';
import { unavailableFlows } from '../../machines';
import type { Messages } from '../i18n';
import { useFlowTitle, useKiosk, useMessages, useSend, useSession } from '../session';
import { shallowEqual } from '../useSelector';

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

export function HomeScreen() {
  const t = useMessages();
  const send = useSend();
  const { config } = useKiosk();
  const flows = useSession((s) => s.context.flows, shallowEqual);
  const notice = useSession((s) => s.context.notice);
  const statuses = useSession((s) => s.context.deviceStatuses);
  const requirements = useSession((s) => s.context.requirements);
  const paused = unavailableFlows(statuses, flows, requirements);
  const title = useFlowTitle();
  const hours = describeOfficeHours(config.officeHours, t);
  return (
    <main class="home" aria-labelledby="home-title">
      <h1 id="home-title" class="screen-title">
        {t.home.greeting}
      </h1>
      {notice && (
        <p class="notice" role="status">
          {t.notices[notice]}
        </p>
      )}
      {flows.length > 0 ? (
        <ul class="tiles" role="list">
          {flows.map((flow) => {
            const problem = paused[flow];
            return (
              <li key={flow}>
                <button
                  type="button"
                  class={`tile tile--${flow}`}
                  disabled={problem !== undefined}
                  aria-describedby={problem ? `paused-${flow}` : undefined}
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
