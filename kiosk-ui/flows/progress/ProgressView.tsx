import type { ActorRefFrom } from 'xstate';
import { hallDateTimeText, progressOf, type Application } from '../../../domain';
import { APPLICATION_NUMBER_LENGTH, type ProgressMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard';
import { RetryPanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useKiosk, useLocalised, useMessages } from '../../session';
import { DocumentSteps, DocumentsPrinted } from '../../steps/DocumentSteps';
import { progressMessages, type ProgressMessages } from './messages';
import './progress.css';

type ProgressRef = ActorRefFrom<ProgressMachine>;

/** The screens of 进度查询: how to look up, the list of one's applications, an application. */
export function ProgressView({ flow }: { flow: ProgressRef }) {
  const t = useMessages();
  const m = useLocalised(progressMessages);
  const { config } = useKiosk();
  const s = useStep(flow);
  const c = s.context;
  const asking = s.name === 'asking';
  const typing = asking && flow.getSnapshot().matches({ asking: 'typing' });
  const when = (iso: string) => hallDateTimeText(new Date(iso), config.hall.timeZone);

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'list' ? m.listTitle : m.title}
      </h1>
      <WaitingPanel
        step={s}
        says={{ starting: m.loading, listing: m.loading, lookingUp: m.loading }}
      />
      {c.refusal && (asking || s.name === 'refused') && (
        <p class="notice notice--failure" role="alert">
          {m.refusals[c.refusal]}
        </p>
      )}

      {asking && !typing && (
        <section class="flow__step">
          <p class="flow__prompt">{m.choose}</p>
          <p class="flow__explain">{m.scanHint}</p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.byNumber' }} look="secondary">
              {m.byNumber}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.byCard' }}>
              {m.byCard}
            </EventButton>
          </div>
        </section>
      )}

      {typing && (
        <section class="flow__step">
          <p class="flow__prompt">{m.typeNumber}</p>
          <OnScreenKeyboard
            value={c.typed}
            onInput={(text) => s.send({ type: 'user.type', text })}
            layout="alphanumeric"
            maxLength={APPLICATION_NUMBER_LENGTH}
            label={m.numberLabel}
            placeholder="SQ…"
            clearLabel={m.clear}
            deleteLabel={m.delete}
            spaceLabel={m.space}
          />
          <p class="flow__explain">{m.thenCard}</p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.lookUp' }}>
              {m.lookUp}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'list' && (
        <section class="flow__step flow__step--list">
          <ul class="applications" role="list">
            {(c.applications ?? []).map((application) => (
              <li key={application.number}>
                <button
                  type="button"
                  class="applications__item"
                  onClick={() => s.send({ type: 'user.open', number: application.number })}
                >
                  <span class="applications__name">{application.itemName}</span>
                  <span class={`state state--${application.state}`}>
                    {m.states[application.state]}
                  </span>
                  <span class="applications__meta">
                    {m.number(application.number)} · {m.submittedAt(when(application.submittedAt))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {s.name === 'detail' && c.application && (
        <ApplicationDetail application={c.application} m={m} when={when}>
          {!c.printing && c.application.state === 'completed' && (
            <p class="notice">{m.printUnavailable}</p>
          )}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.identify' }} refused="hide">
              {m.identifyToPrint}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.print' }} refused="hide">
              {m.print}
            </EventButton>
            {!s.can({ type: 'user.print' }) && !s.can({ type: 'user.identify' }) && (
              <EventButton step={s} event={{ type: 'user.done' }}>
                {m.done}
              </EventButton>
            )}
          </div>
        </ApplicationDetail>
      )}

      {s.name === 'refused' && (
        <section class="flow__step">
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            {c.refusal !== 'no-applications' && (
              <EventButton step={s} event={{ type: 'user.retry' }}>
                {m.typeAgain}
              </EventButton>
            )}
            <EventButton step={s} event={{ type: 'user.done' }}>
              {m.done}
            </EventButton>
          </div>
        </section>
      )}

      <RetryPanel
        step={s}
        failure={c.failure === 'offline' ? null : c.failure}
        says={{ failed: m.deskFailed }}
        back={t.nav.back}
        retry={m.retry}
      />

      <DocumentSteps steps={s.children} />
      {s.name === 'finished' && (
        <DocumentsPrinted take={m.takeDocuments} summary={c.printSummary}>
          <EventButton step={s} event={{ type: 'user.done' }}>
            {m.done}
          </EventButton>
        </DocumentsPrinted>
      )}
    </main>
  );
}

/** An application: its item and number, the steps done, now and to come, and what it needs. */
function ApplicationDetail(props: {
  application: Application;
  m: ProgressMessages;
  when: (iso: string) => string;
  children: preact.ComponentChildren;
}) {
  const { application, m } = props;
  return (
    <section class="flow__step flow__step--list">
      <p class="flow__prompt">
        {application.itemName}：{m.states[application.state]}
      </p>
      <p class="flow__explain">
        {m.number(application.number)} · {application.applicantLabel}
      </p>
      <ol class="progress-steps">
        {progressOf(application).map((step, i) => (
          <li key={i} class={`progress-steps__step progress-steps__step--${step.status}`}>
            <span class="progress-steps__state">{m.states[step.state]}</span>
            <span class="progress-steps__status">{m.stepStatus[step.status]}</span>
            {step.at && <span class="progress-steps__at">{props.when(step.at)}</span>}
            {/* The current 补正材料 is listed in full below: its note is not said twice. */}
            {step.note && !(step.status === 'now' && application.missing) && (
              <span class="progress-steps__note">{step.note}</span>
            )}
          </li>
        ))}
      </ol>
      {application.missing && (
        <div class="notice" role="alert">
          <p>{m.bring}</p>
          <ul>
            {application.missing.map((what) => (
              <li key={what}>{what}</li>
            ))}
          </ul>
        </div>
      )}
      {application.reason && (
        <p class="notice" role="alert">
          {m.rejectedReason}
          {application.reason}
        </p>
      )}
      {application.result && <p class="flow__explain">{m.resultReady(application.result.title)}</p>}
      {props.children}
    </section>
  );
}
