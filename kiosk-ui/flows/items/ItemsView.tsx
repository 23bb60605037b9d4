import { useEffect, useState } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import { maskIdNumber } from '../../../domain';
import { materialsToCapture, type ItemsMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailureNotice } from '../../components/FailureNotice';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard';
import { RetryPanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised, useMessages, useMode } from '../../session';
import { DocumentSteps, DocumentsPrinted } from '../../steps/DocumentSteps';
import { itemsMessages } from './messages';
import '../guide/guide.css';

type ItemsRef = ActorRefFrom<ItemsMachine>;

/** Form fields filled from the card or the licence itself: what they say is not retyped. */
const FROM_DOCUMENT: ReadonlySet<string> = new Set([
  'name',
  'idNumber',
  'creditCode',
  'enterpriseName',
]);

/** The screens of 一证通办 / 一照通办. */
export function ItemsView({ flow }: { flow: ItemsRef }) {
  const t = useMessages();
  const m = useLocalised(itemsMessages);
  const { locale } = useMode();
  const s = useStep(flow);
  const c = s.context;
  const item = c.item;
  // Which form field the keyboard types into: the screen's own matter, the values are the flow's.
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => window.scrollTo({ top: 0 }), [s.name]);
  const keyboardWords = { clearLabel: m.clear, deleteLabel: m.delete, spaceLabel: m.space };
  const materials = materialsToCapture(item);
  const name = (i: { name: string; nameEn?: string | undefined }) =>
    locale === 'en' && i.nameEn ? i.nameEn : i.name;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'listing'
          ? c.applicant?.kind === 'business'
            ? m.listBusiness(c.applicant.enterpriseName)
            : m.listTitle
          : item && s.name !== 'refused'
            ? name(item)
            : m.title}
      </h1>
      <WaitingPanel
        step={s}
        says={{
          starting: m.loading,
          loading: m.loading,
          enterprise: m.loading,
          eligible: m.loading,
          deciding: m.loading,
          submitting: m.submitting,
        }}
      />
      {c.refusal && (
        <p class="notice notice--failure" role="alert">
          {m.refusals[c.refusal]}
        </p>
      )}

      {s.name === 'choose' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.choose}</p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.person' }} look="huge">
              {m.person}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.business' }} look="secondary">
              {m.business}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'licence' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.creditCodePrompt}</p>
          <OnScreenKeyboard
            value={c.creditCode}
            onInput={(text) => s.send({ type: 'user.type', text })}
            layout="alphanumeric"
            maxLength={18}
            label={m.creditCodeLabel}
            placeholder={m.creditCodeLabel}
            {...keyboardWords}
          />
          <p class="flow__explain">{m.thenRepresentative}</p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.confirm' }}>
              {m.confirm}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'listing' && (
        <section class="flow__step flow__step--list">
          <ul class="guide-list" role="list">
            {c.items.map((offered) => (
              <li key={offered.code}>
                <button
                  type="button"
                  class="guide-list__item"
                  onClick={() => s.send({ type: 'user.choose', code: offered.code })}
                >
                  <span class="guide-list__name">{name(offered)}</span>
                  <span class="guide-list__meta">
                    <span class={`mark mark--${offered.channel}`}>
                      {m.channels[offered.channel]}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {s.name === 'decided' && c.decision && (
        <section class="flow__step">
          {c.decision.granted ? (
            <p class="flow__prompt">{m.granted(c.decision.result.title)}</p>
          ) : (
            <p class="notice notice--failure" role="alert">
              {c.decision.reason}
            </p>
          )}
          {c.decision.granted && !c.printing && <p class="notice">{m.printUnavailable}</p>}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.backToList}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.print' }} refused="hide">
              {m.print}
            </EventButton>
            {!s.can({ type: 'user.print' }) && (
              <EventButton step={s} event={{ type: 'user.done' }}>
                {m.done}
              </EventButton>
            )}
          </div>
        </section>
      )}

      {s.name === 'form' && item && (
        <section class="flow__step flow__step--list">
          <p class="flow__prompt">{m.formTitle}</p>
          <dl class="facts form-fields">
            {(item.form ?? []).map((field) => (
              <div key={field.id} class="form-fields__row">
                <dt>
                  {field.label}
                  {field.required && <span class="form-fields__required">（{m.required}）</span>}
                </dt>
                <dd>
                  {field.prefill && FROM_DOCUMENT.has(field.prefill) && c.fields[field.id] ? (
                    // As the card or licence says it, not typed: shown (the number masked), not edited.
                    <span class="form-fields__fixed">
                      {field.prefill === 'idNumber'
                        ? maskIdNumber(c.fields[field.id] ?? '')
                        : c.fields[field.id]}
                    </span>
                  ) : (
                    <button
                      type="button"
                      class="form-fields__value"
                      aria-pressed={editing === field.id}
                      onClick={() => setEditing(editing === field.id ? null : field.id)}
                    >
                      {c.fields[field.id] || '—'}
                    </button>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {editing &&
            (item.form ?? [])
              .filter((field) => field.id === editing)
              .map((field) => (
                <OnScreenKeyboard
                  key={field.id}
                  value={c.fields[field.id] ?? ''}
                  onInput={(value) => s.send({ type: 'user.field', id: field.id, value })}
                  layout={field.kind === 'text' ? 'pinyin' : 'digits'}
                  maxLength={field.maxLength}
                  label={field.label}
                  {...keyboardWords}
                />
              ))}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.backToList}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.next' }}>
              {m.next}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'materials' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.materialsTitle}</p>
          {c.failure && <FailureNotice code={c.failure} />}
          {materials[c.pages.length] && (
            <p class="flow__explain">
              {m.material(
                materials[c.pages.length]?.name ?? '',
                c.pages.length + 1,
                materials.length,
              )}
            </p>
          )}
          {s.hasTag('busy') ? (
            <p class="flow__prompt" role="status">
              {m.capturing}
            </p>
          ) : (
            <div class="flow__actions">
              <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
                {t.nav.back}
              </EventButton>
              <EventButton step={s} event={{ type: 'user.skip' }} look="secondary">
                {m.skip}
              </EventButton>
              <EventButton step={s} event={{ type: 'user.capture' }}>
                {m.capture}
              </EventButton>
            </div>
          )}
        </section>
      )}

      {s.name === 'declaring' && item && (
        <section class="flow__step">
          <p class="flow__prompt">{m.declarationTitle}</p>
          <p class="declaration">{item.declaration}</p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.declare' }}>
              {m.declare}
            </EventButton>
          </div>
        </section>
      )}

      <RetryPanel
        step={s}
        failure={c.failure === 'offline' || c.failure === 'timeout' ? null : c.failure}
        says={{ submitFailed: m.submitFailed, failed: m.deskFailed }}
        back={t.nav.back}
        retry={m.retry}
      />

      {(s.name === 'submitted' || s.name === 'slip') && c.application && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.submittedTitle}</p>
          <p class="application-number" data-speak="spell">
            {c.application.number}
          </p>
          {s.name === 'submitted' && (
            <>
              <p class="flow__explain">{c.slipPrinted ? m.slipPrinted : m.slipNotPrinted}</p>
              <div class="flow__actions">
                <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
                  {m.backToList}
                </EventButton>
                <EventButton step={s} event={{ type: 'user.done' }}>
                  {m.done}
                </EventButton>
              </div>
            </>
          )}
        </section>
      )}

      {s.name === 'windowItem' && item && (
        <section class="flow__step">
          <p class="flow__prompt">{m.windowItem}</p>
          <p class="flow__explain">
            {item.place.window} · {item.place.hours}
          </p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.backToList}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.book' }} look="secondary">
              {m.book}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.queue' }}>
              {m.queue}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'refused' && (
        <section class="flow__step">
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.done' }}>
              {m.done}
            </EventButton>
          </div>
        </section>
      )}

      <DocumentSteps steps={s.children} />
      {s.name === 'finished' && (
        <DocumentsPrinted take={m.takeDocuments} summary={c.printSummary}>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.backToList}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.done' }}>
              {m.done}
            </EventButton>
          </div>
        </DocumentsPrinted>
      )}
    </main>
  );
}
