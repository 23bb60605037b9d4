import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { QueueMachine } from '../../../machines';
import { FailureNotice } from '../../components/FailureNotice';
import { TicketShown } from '../../components/TicketShown';
import { useMessages, useMode } from '../../session';
import { useSelector } from '../../useSelector';

type QueueRef = ActorRefFrom<QueueMachine>;
type QueueSnapshot = SnapshotFrom<QueueMachine>;

const stepOf = (s: QueueSnapshot) => (typeof s.value === 'string' ? s.value : 'loading');

/** The screens of 取号. */
export function QueueView({ flow }: { flow: QueueRef }) {
  const t = useMessages();
  const m = t.queue;
  const { locale } = useMode();
  const step = useSelector(flow, stepOf);
  const context = useSelector(flow, (s) => s.context);
  const send = flow.send.bind(flow);
  const { setup, service, ticket, failure } = context;

  const button = (label: string, event: Parameters<QueueRef['send']>[0], huge = false) => (
    <button
      type="button"
      class={`primary-button${huge ? ' primary-button--huge' : ''}`}
      onClick={() => send(event)}
    >
      {label}
    </button>
  );

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {step === 'chooseService' ? m.chooseService : m.title}
        {service && step !== 'chooseService' ? ` · ${service.name[locale]}` : ''}
      </h1>
      {failure && step !== 'printFailed' && <FailureNotice code={failure} />}

      {step === 'loading' && <p class="flow__prompt">…</p>}
      {step === 'unavailable' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.unavailable}</p>
          {button(m.retry, { type: 'user.retry' })}
        </section>
      )}
      {step === 'afterHours' && setup && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.afterHours}</p>
          {setup.nextWorkingDay && (
            <p class="flow__prompt">
              {m.nextWorkingDay(
                setup.nextWorkingDay,
                setup.services[0]?.issuingWindows[0]?.start ?? '',
              )}
            </p>
          )}
          <div class="flow__actions">
            {button(t.appointment.bookInstead, { type: 'user.book' })}
            <button
              type="button"
              class="secondary-button"
              onClick={() => send({ type: 'user.done' })}
            >
              {m.done}
            </button>
          </div>
        </section>
      )}
      {step === 'chooseService' && setup && (
        <ul class="tiles" role="list">
          {setup.services.map((s) => (
            <li key={s.code}>
              <button
                type="button"
                class="tile"
                onClick={() => send({ type: 'user.selectService', code: s.code })}
              >
                {s.name[locale]}
                <span class="tile__detail">
                  {m.windows}：{s.windows[locale]}
                  {s.requiresIdCard ? ` · ${m.needsCard}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {step === 'identify' && service && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.placeCard}</p>
          <div class="card-frame" aria-hidden="true" />
          {!service.requiresIdCard && (
            <>
              <p class="flow__prompt">{m.cardOptional}</p>
              <button
                type="button"
                class="secondary-button"
                onClick={() => send({ type: 'user.skipCard' })}
              >
                {m.skipCard}
              </button>
            </>
          )}
        </section>
      )}
      {(step === 'identifyFailed' || step === 'cardRefused') && (
        <section class="flow__step">
          {context.cardProblem && (
            <p class="notice notice--failure" role="alert">
              {m.cardRefused[context.cardProblem]}
            </p>
          )}
          {button(m.tryAgain, { type: 'user.retry' })}
        </section>
      )}
      {step === 'choosePriority' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.priorityQuestion}</p>
          <div class="flow__actions">
            <button
              type="button"
              class="secondary-button"
              onClick={() => send({ type: 'user.choosePriority', priority: 'disability' })}
            >
              {m.priorityDisability}
            </button>
            <button
              type="button"
              class="secondary-button"
              onClick={() => send({ type: 'user.choosePriority', priority: 'military' })}
            >
              {m.priorityMilitary}
            </button>
          </div>
          {button(m.priorityNone, { type: 'user.choosePriority', priority: null }, true)}
        </section>
      )}
      {(step === 'allocating' || step === 'printing') && (
        <p class="flow__prompt" role="status">
          {step === 'allocating' ? m.allocating : m.printing}
        </p>
      )}
      {step === 'allocationFailed' && button(m.retry, { type: 'user.retry' })}
      {step === 'refused' && context.refusal && (
        <section class="flow__step">
          <p class="notice" role="alert">
            {context.refusal.reason === 'daily-max-reached' ||
            context.refusal.reason === 'unknown-service'
              ? m.refusedDaily
              : context.refusal.nextWindowStart
                ? (context.refusal.reason === 'window-quota-used'
                    ? m.refusedWindow
                    : m.refusedOutside)(context.refusal.nextWindowStart)
                : m.refusedLater}
          </p>
          {button(m.done, { type: 'user.done' })}
        </section>
      )}
      {(step === 'showNumber' || step === 'printFailed') && ticket && service && (
        <TicketShown
          ticket={ticket}
          service={service}
          heading={m.yourNumber}
          notice={context.reprint ? m.reprinted : null}
          printFailure={step === 'printFailed' ? (failure ?? 'unknown') : null}
          onRetry={() => send({ type: 'user.retry' })}
          onDone={() => send({ type: 'user.done' })}
        />
      )}
    </main>
  );
}
