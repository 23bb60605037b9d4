import { useEffect } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import { planLicence, type LicencePrintMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailureNotice } from '../../components/FailureNotice';
import { FailurePanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised, useMessages } from '../../session';
import { DocumentPreview } from '../../steps/DocumentPreview';
import { DocumentSteps, DocumentsPrinted } from '../../steps/DocumentSteps';
import { nextIdle, usePreviewRaster } from '../../steps/previewRaster';
import { licenceMessages } from './messages';

type LicenceRef = ActorRefFrom<LicencePrintMachine>;

/** The screens of 证照打印. */
export function LicencePrintView({ flow }: { flow: LicenceRef }) {
  const t = useMessages();
  const m = useLocalised(licenceMessages);
  const s = useStep(flow);
  const c = s.context;
  const raster = usePreviewRaster();

  // While the list is shown, the previews of the offered licences are drawn in idle time (the
  // same plans the tap takes: planLicence keeps them), so choosing one shows it at once.
  const choosing = s.name === 'choose';
  useEffect(() => {
    const { printables, setup, card } = c;
    if (!choosing || !printables || !setup || !card) return;
    let stopped = false;
    void (async () => {
      for (const offer of printables.licences) {
        if (!offer.sheets.some((sheet) => sheet.printable)) continue;
        // One licence's pages drawn per idle period: a tap in between is answered first.
        await nextIdle();
        if (stopped) return;
        for (const planned of planLicence(offer, setup, card))
          for (const page of planned.preview) void raster.prepare(page);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [choosing, c.printables, c.setup, c.card, raster]);

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'choose' ? m.chooseTitle : s.name === 'preview' ? m.previewTitle : m.title}
      </h1>
      <DocumentSteps steps={s.children} />
      <WaitingPanel
        step={s}
        says={{ starting: m.loading, loading: m.loading, issuing: m.issuing }}
      />
      <FailurePanel
        step={s}
        says={{
          loadFailed: (
            <>
              <p class="notice notice--failure" role="alert">
                {m.loadFailed}
              </p>
              <EventButton step={s} event={{ type: 'user.retry' }}>
                {m.retry}
              </EventButton>
            </>
          ),
          issueFailed: (
            <>
              <p class="notice notice--failure" role="alert">
                {m.issueFailed}
              </p>
              <EventButton step={s} event={{ type: 'user.back' }}>
                {t.nav.back}
              </EventButton>
            </>
          ),
        }}
      />
      {s.name === 'choose' && c.printables && (
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
                    onClick={() => s.send({ type: 'user.selectLicence', issuanceId: issuance.id })}
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
                  onClick={() => s.send({ type: 'user.selectCertificate', kind })}
                >
                  <span class="choice__title">{m.certificateNames[kind]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.name === 'alreadyPrinted' && (
        <section class="flow__step">
          <p class="flow__prompt" role="alert">
            {c.chosen?.licence.enterprise.name}：{m.alreadyPrinted}
          </p>
          <EventButton step={s} event={{ type: 'user.back' }}>
            {t.nav.back}
          </EventButton>
        </section>
      )}
      {s.name === 'preview' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.previewHint(c.planned.length)}</p>
          <DocumentPreview planned={c.planned} label={m.previewTitle} raster={raster} />
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.print' }}>
              {m.confirmPrint}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'finished' && (
        <DocumentsPrinted take={m.takeDocuments} summary={c.printSummary}>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.more' }} look="secondary">
              {m.printMore}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.done' }}>
              {m.done}
            </EventButton>
          </div>
        </DocumentsPrinted>
      )}
      {c.failure && s.name === 'choose' && <FailureNotice code={c.failure} />}
    </main>
  );
}
