import type { ActorRefFrom } from 'xstate';
import { dateLabel } from '../../../domain';
import type { QueueMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailurePanel, WaitingPanel } from '../../components/StepPanels';
import { TicketShown } from '../../components/TicketShown';
import { useStep } from '../../components/useStep';
import { useKiosk, useLocalised, useMode } from '../../session';
import { CardStepView } from '../../steps/CardStepView';
import { appointmentMessages } from '../appointment/messages';
import { queueMessages } from './messages';

type QueueRef = ActorRefFrom<QueueMachine>;

/** The screens of 取号. */
export function QueueView({ flow }: { flow: QueueRef }) {
  const m = useLocalised(queueMessages);
  const a = useLocalised(appointmentMessages);
  const { locale } = useMode();
  const { config } = useKiosk();
  const s = useStep(flow);
  const { setup, service, ticket, failure, cardProblem, refusal } = s.context;
  const card = s.children.card;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'chooseService' ? m.chooseService : m.title}
        {service && s.name !== 'chooseService' ? ` · ${service.name[locale]}` : ''}
      </h1>

      <WaitingPanel
        step={s}
        says={{ loading: '…', allocating: m.allocating, printing: m.printing }}
      />
      <FailurePanel
        step={s}
        failure={failure}
        says={{
          unavailable: <p class="flow__prompt">{m.unavailable}</p>,
          identifyFailed: null,
          cardRefused: cardProblem && (
            <p class="notice notice--failure" role="alert">
              {m.cardRefused[cardProblem]}
            </p>
          ),
          allocationFailed: null,
        }}
      >
        <EventButton step={s} event={{ type: 'user.retry' }}>
          {s.name === 'unavailable' || s.name === 'allocationFailed' ? m.retry : m.tryAgain}
        </EventButton>
      </FailurePanel>
      {s.name === 'afterHours' && setup && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.afterHours}</p>
          {setup.nextWorkingDay && (
            <p class="flow__prompt">
              {m.nextWorkingDay(
                dateLabel(setup.nextWorkingDay, locale, { today: setup.today }),
                setup.services[0]?.issuingWindows[0]?.start ?? '',
              )}
            </p>
          )}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.book' }}>
              {a.bookInstead}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.done' }} look="secondary">
              {m.done}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'chooseService' && setup && (
        <ul class="tiles" role="list">
          {setup.services.map((offered) => (
            <li key={offered.code}>
              <button
                type="button"
                class="tile"
                onClick={() => s.send({ type: 'user.selectService', code: offered.code })}
              >
                {offered.name[locale]}
                <span class="tile__detail">
                  {m.windows}：{offered.windows[locale]}
                  {offered.requiresIdCard ? ` · ${m.needsCard}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {card && (
        <section class="flow__step">
          <CardStepView card={card} prompt={m.placeCard} reading={m.reading} frame="card-frame" />
          {s.can({ type: 'user.skipCard' }) && (
            <>
              <p class="flow__prompt">{m.cardOptional}</p>
              <EventButton step={s} event={{ type: 'user.skipCard' }} look="secondary">
                {m.skipCard}
              </EventButton>
            </>
          )}
        </section>
      )}
      {s.name === 'choosePriority' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.priorityQuestion}</p>
          <div class="flow__actions">
            <EventButton
              step={s}
              event={{ type: 'user.choosePriority', priority: 'disability' }}
              look="secondary"
            >
              {m.priorityDisability}
            </EventButton>
            <EventButton
              step={s}
              event={{ type: 'user.choosePriority', priority: 'military' }}
              look="secondary"
            >
              {m.priorityMilitary}
            </EventButton>
          </div>
          <EventButton step={s} event={{ type: 'user.choosePriority', priority: null }} look="huge">
            {m.priorityNone}
          </EventButton>
        </section>
      )}
      {s.name === 'refused' && refusal && (
        <section class="flow__step">
          <p class="notice" role="alert">
            {refusal.reason === 'hall-unreachable'
              ? m.refusedUnreachable(config.hall.telephone ?? null)
              : refusal.reason === 'day-closed'
                ? m.refusedDayClosed
                : refusal.reason === 'daily-max-reached' || refusal.reason === 'unknown-service'
                  ? m.refusedDaily
                  : refusal.nextWindowStart
                    ? (refusal.reason === 'window-quota-used' ? m.refusedWindow : m.refusedOutside)(
                        refusal.nextWindowStart,
                      )
                    : m.refusedLater}
          </p>
          <EventButton step={s} event={{ type: 'user.done' }}>
            {m.done}
          </EventButton>
        </section>
      )}
      {(s.name === 'showNumber' || s.name === 'printFailed') && ticket && service && (
        <TicketShown
          ticket={ticket}
          service={service}
          heading={m.yourNumber}
          notice={s.context.reprint ? m.reprinted : null}
          printFailure={s.hasTag('failed') ? (failure ?? 'unknown') : null}
          step={s}
        />
      )}
    </main>
  );
}
