import type { ActorRefFrom } from 'xstate';
import type { LicencePrintMachine, LicencePrintEvent } from '../../../machines';
import { FailureNotice } from '../../components/FailureNotice';
import { useMessages } from '../../session';
import { useSelector } from '../../useSelector';
import { DocumentPreview } from '../../steps/DocumentPreview';
import { IdentityView } from '../../steps/IdentityView';
import { PrintJobsView, PrintSummary } from '../../steps/PrintJobsView';
import { useDocumentFlow } from '../../steps/documentFlowView';

type LicenceRef = ActorRefFrom<LicencePrintMachine>;
/** The screens of 证照打印. */
export function LicencePrintView({ flow }: { flow: LicenceRef }) {
  const t = useMessages();
  const m = t.licence;
  const { step, identity, printing, button, send } = useDocumentFlow<LicencePrintEvent>(
    flow,
    'starting',
  );
  const c = useSelector(flow, (s) => s.context);

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {step === 'choose' ? m.chooseTitle : step === 'preview' ? m.previewTitle : m.title}
      </h1>
      {step === 'identifying' && identity && <IdentityView identity={identity} />}
      {(step === 'starting' || step === 'loading') && (
        <p class="flow__prompt" role="status">
          {m.loading}
        </p>
      )}
      {(step === 'loadFailed' || step === 'issueFailed') && (
        <section class="flow__step">
          <p class="notice notice--failure" role="alert">
            {step === 'loadFailed' ? m.loadFailed : m.issueFailed}
          </p>
          {step === 'loadFailed'
            ? button(m.retry, { type: 'user.retry' })
            : button(t.nav.back, { type: 'user.back' })}
        </section>
      )}
      {step === 'choose' && c.printables && (
        <section class="flow__step flow__step--list">
          <h2 class="section-title">{m.licences}</h2>
          {c.printables.licences.length === 0 && <p>{m.noLicences}</p>}
          <ul class="choice-list" role="list">
            {c.printables.licences.map((offer) => {
              const { enterprise, issuance, role } = offer.licence;
              const left = offer.sheets.filter((s) => s.printable).length;
              return (
                <li key={issuance.id}>
                  <button
                    type="button"
                    class="choice"
                    onClick={() => send({ type: 'user.selectLicence', issuanceId: issuance.id })}
                  >
                    <span class="choice__title">{enterprise.name}</span>
                    <span class="choice__detail">
                      {enterprise.creditCode} · {role === 'agent' ? m.roleAgent : m.roleLegal} ·{' '}
                      {issuance.reason === 'new' ? m.reasonNew : m.reasonChange}
                    </span>
                    <span class="choice__detail">
                      {m.sheets(issuance.originals, issuance.duplicates)}
                      {issuance.reprints.length > 0 && ` · ${m.reprintAuthorised}`}
                    </span>
                    {left === 0 && <span class="choice__badge">{m.printed}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <h2 class="section-title">{m.certificates}</h2>
          <ul class="choice-list" role="list">
            {c.printables.certificates.map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  class="choice"
                  onClick={() => send({ type: 'user.selectCertificate', kind })}
                >
                  <span class="choice__title">{m.certificateNames[kind]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {step === 'alreadyPrinted' && (
        <section class="flow__step">
          <p class="flow__prompt" role="alert">
            {c.chosen?.licence.enterprise.name}：{m.alreadyPrinted}
          </p>
          {button(t.nav.back, { type: 'user.back' })}
        </section>
      )}
      {step === 'issuing' && (
        <p class="flow__prompt" role="status">
          {m.issuing}
        </p>
      )}
      {step === 'preview' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.previewHint(c.planned.length)}</p>
          <DocumentPreview planned={c.planned} label={m.previewTitle} />
          <div class="flow__actions">
            {button(t.nav.back, { type: 'user.back' }, 'secondary')}
            {button(m.confirmPrint, { type: 'user.print' })}
          </div>
        </section>
      )}
      {step === 'printing' && printing && <PrintJobsView printing={printing} />}
      {step === 'finished' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big" role="status">
            {m.takeDocuments}
          </p>
          {c.printSummary && <PrintSummary summary={c.printSummary} />}
          <p>{m.takeCard}</p>
          <div class="flow__actions">
            {button(m.printMore, { type: 'user.more' }, 'secondary')}
            {button(m.done, { type: 'user.done' })}
          </div>
        </section>
      )}
      {c.failure && step === 'choose' && <FailureNotice code={c.failure} />}
    </main>
  );
}
