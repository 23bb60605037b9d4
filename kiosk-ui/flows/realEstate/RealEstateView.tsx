import type { ActorRefFrom } from 'xstate';
import { addressLine, chineseDate } from '../../../domain';
import type { RealEstateMachine, RealEstateEvent } from '../../../machines';
import { FailureNotice } from '../../components/FailureNotice';
import { useMessages } from '../../session';
import { useSelector } from '../../useSelector';
import { useDocumentFlow } from '../../steps/documentFlowView';
import { IdentityView } from '../../steps/IdentityView';
import { PrintJobsView, PrintSummary } from '../../steps/PrintJobsView';

type RealEstateRef = ActorRefFrom<RealEstateMachine>;
/** The screens of 不动产查询. */
export function RealEstateView({ flow }: { flow: RealEstateRef }) {
  const t = useMessages();
  const m = t.realEstate;
  const { step, identity, printing, button, send } = useDocumentFlow<RealEstateEvent>(
    flow,
    'starting',
  );
  const c = useSelector(flow, (s) => s.context);
  const view = c.answer?.view;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {step === 'choosingAddress'
          ? (m.levels[c.path.length] ?? m.chooseNext)
          : step === 'result'
            ? m.resultTitle
            : m.title}
      </h1>
      {c.path.length > 0 && step !== 'result' && step !== 'identifying' && (
        <p class="breadcrumb">{c.path.join(' › ')}</p>
      )}
      {(step === 'starting' || step === 'picking' || step === 'lookingUp') && (
        <p class="flow__prompt" role="status">
          {m.loading}
        </p>
      )}
      {step === 'choosingAddress' && (
        <ul class="tiles tiles--compact" role="list">
          {c.options.map((part) => (
            <li key={part}>
              <button
                type="button"
                class="tile"
                onClick={() => send({ type: 'user.pickAddress', part })}
              >
                {part}
              </button>
            </li>
          ))}
        </ul>
      )}
      {step === 'notFound' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.notFound}</p>
          {button(t.nav.back, { type: 'user.back' })}
        </section>
      )}
      {step === 'registryFailed' && (
        <section class="flow__step">
          {c.failure && c.failure !== 'offline' && <FailureNotice code={c.failure} />}
          <p class="notice notice--failure" role="alert">
            {m.registryFailed}
          </p>
          {button(m.retry, { type: 'user.retry' })}
        </section>
      )}
      {step === 'result' && view && (
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
          <div class="flow__actions">
            {!view.viewerIsOwner &&
              !c.card &&
              button(m.iAmOwner, { type: 'user.identify' }, 'secondary')}
            {button(m.print, { type: 'user.print' })}
          </div>
        </section>
      )}
      {step === 'identifying' && identity && <IdentityView identity={identity} />}
      {step === 'printing' && printing && <PrintJobsView printing={printing} />}
      {step === 'finished' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big" role="status">
            {m.takeDocuments}
          </p>
          {c.printSummary && <PrintSummary summary={c.printSummary} />}
          {button(m.done, { type: 'user.done' })}
        </section>
      )}
    </main>
  );
}
