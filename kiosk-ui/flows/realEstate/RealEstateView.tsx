import type { ActorRefFrom } from 'xstate';
import { addressLine, chineseDate } from '../../../domain';
import type { RealEstateMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailurePanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised, useMessages } from '../../session';
import { DocumentSteps, DocumentsPrinted } from '../../steps/DocumentSteps';
import { realEstateMessages } from './messages';

type RealEstateRef = ActorRefFrom<RealEstateMachine>;

/** The screens of 不动产查询. */
export function RealEstateView({ flow }: { flow: RealEstateRef }) {
  const t = useMessages();
  const m = useLocalised(realEstateMessages);
  const s = useStep(flow);
  const c = s.context;
  const view = c.answer?.view;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'choosingAddress'
          ? (m.levels[c.path.length] ?? m.chooseNext)
          : s.name === 'result'
            ? m.resultTitle
            : m.title}
      </h1>
      {c.path.length > 0 && s.name !== 'result' && s.name !== 'identifying' && (
        <p class="breadcrumb">{c.path.join(' › ')}</p>
      )}
      <WaitingPanel
        step={s}
        says={{ starting: m.loading, picking: m.loading, lookingUp: m.loading }}
      />
      {s.name === 'choosingAddress' && (
        <ul class="tiles tiles--compact" role="list">
          {c.options.map((part) => (
            <li key={part}>
              <button
                type="button"
                class="tile"
                onClick={() => s.send({ type: 'user.pickAddress', part })}
              >
                {part}
              </button>
            </li>
          ))}
        </ul>
      )}
      {s.name === 'notFound' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.notFound}</p>
          <EventButton step={s} event={{ type: 'user.back' }}>
            {t.nav.back}
          </EventButton>
        </section>
      )}
      {/* Offline is what the registry failure says anyway. */}
      <FailurePanel
        step={s}
        failure={c.failure === 'offline' ? null : c.failure}
        says={{
          registryFailed: (
            <p class="notice notice--failure" role="alert">
              {m.registryFailed}
            </p>
          ),
        }}
      >
        <EventButton step={s} event={{ type: 'user.retry' }}>
          {m.retry}
        </EventButton>
      </FailurePanel>
      {s.name === 'result' && view && (
        <section class="flow__step flow__step--list">
          {c.identityNotice && (
            <p class="notice" role="alert">
              {c.identityNotice === 'notOwner' ? m.notOwner : m.identityRefused}
            </p>
          )}
          <dl class="facts">
            <dt>{m.address}</dt>
            <dd>{addressLine(view.address)}</dd>
            <dt>{m.unitNumber}</dt>
            <dd>{view.unitNumber}</dd>
            <dt>{m.use}</dt>
            <dd>{view.use}</dd>
            <dt>{m.area}</dt>
            <dd>{m.areaValue(view.area.toFixed(2))}</dd>
            <dt>{m.rightType}</dt>
            <dd>{view.rightType}</dd>
            <dt>{m.mortgage}</dt>
            <dd class={view.mortgages.length > 0 ? 'fact--restricted' : ''}>
              {view.mortgages.length === 0
                ? m.noMortgage
                : view.mortgages
                    .map((x) => m.mortgaged(x.holder, chineseDate(x.registeredOn)))
                    .join('；')}
            </dd>
            <dt>{m.seizure}</dt>
            <dd class={view.seizures.length > 0 ? 'fact--restricted' : ''}>
              {view.seizures.length === 0
                ? m.noSeizure
                : view.seizures
                    .map((x) => m.seized(x.authority, x.caseNumber, chineseDate(x.until)))
                    .join('；')}
            </dd>
            <dt>{m.owners}</dt>
            <dd>
              {view.owners
                ? view.owners.map((o) => `${o.name}（${o.maskedId}）${o.share}`).join('；')
                : m.ownersHidden}
            </dd>
            {view.certificateNumber && (
              <>
                <dt>{m.certificateNumber}</dt>
                <dd>{view.certificateNumber}</dd>
              </>
            )}
          </dl>
          {/* A device that failed before the flow started: that step is left out, and said so. */}
          {!c.verifying && c.card === null && !view.owners && (
            <p class="notice">{m.verifyUnavailable}</p>
          )}
          {!c.printing && <p class="notice">{m.printUnavailable}</p>}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.identify' }} look="secondary" refused="hide">
              {m.iAmOwner}
            </EventButton>
            {c.printing && (
              <EventButton step={s} event={{ type: 'user.print' }}>
                {m.print}
              </EventButton>
            )}
            {!c.printing && (
              <EventButton step={s} event={{ type: 'user.done' }}>
                {m.done}
              </EventButton>
            )}
          </div>
        </section>
      )}
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
