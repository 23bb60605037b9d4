import { useEffect, useState } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import {
  AUDIENCES,
  DEPARTMENTS,
  guideSections,
  type CatalogItem,
  type Locale,
} from '../../../domain';
import { guideList, MAX_GUIDE_QUERY, type guideMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard';
import { RetryPanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised, useMessages, useMode } from '../../session';
import { DocumentSteps, DocumentsPrinted } from '../../steps/DocumentSteps';
import { guideMessages, type GuideMessages } from './messages';
import './guide.css';

type GuideRef = ActorRefFrom<typeof guideMachine>;

const nameOf = (item: CatalogItem, locale: Locale) =>
  locale === 'en' && item.nameEn ? item.nameEn : item.name;

/** The marks an item carries in the list and on its guide: 一证可办, 一照可办, how it is done. */
function ItemMarks({ item, m }: { item: CatalogItem; m: GuideMessages }) {
  return (
    <span class="item-marks">
      {item.idCardOnly && <span class="mark mark--card">{m.idCardOnly}</span>}
      {item.licenceOnly && <span class="mark mark--licence">{m.licenceOnly}</span>}
      <span class={`mark mark--${item.channel}`}>{m.channels[item.channel]}</span>
    </span>
  );
}

/**
 * The screens of 办事指南: the list (department, audience, search on the on-screen keyboard),
 * an item's guide with every field, and printing it.
 */
export function GuideView({ flow }: { flow: GuideRef }) {
  const t = useMessages();
  const m = useLocalised(guideMessages);
  const { locale } = useMode();
  const s = useStep(flow);
  const c = s.context;
  // Whether the keyboard is out is the screen's own matter; the text typed is the flow's.
  const [typing, setTyping] = useState(false);
  const item = c.selected;
  // A new screen of the flow (the list, a guide, printing) is read from its top.
  useEffect(() => window.scrollTo({ top: 0 }), [s.name]);

  return (
    <main class="flow flow--guide" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {item && s.name !== 'browsing' ? nameOf(item, locale) : m.title}
      </h1>
      <WaitingPanel step={s} says={{ loading: m.loading }} />
      <RetryPanel
        step={s}
        failure={c.failure === 'offline' || c.failure === 'timeout' ? null : c.failure}
        says={{ failed: m.catalogFailed }}
        back={t.nav.back}
        retry={m.retry}
      />

      {s.name === 'browsing' && (
        <section class="flow__step flow__step--list">
          <div class="chips" role="group" aria-label={m.department}>
            {[null, ...DEPARTMENTS].map((department) => (
              <button
                key={department ?? 'all'}
                type="button"
                class="chip"
                aria-pressed={c.department === department}
                onClick={() => s.send({ type: 'user.department', department })}
              >
                {department ? m.departments[department] : m.all}
              </button>
            ))}
          </div>
          <div class="chips" role="group" aria-label={m.audience}>
            {[null, ...AUDIENCES].map((audience) => (
              <button
                key={audience ?? 'all'}
                type="button"
                class="chip"
                aria-pressed={c.audience === audience}
                onClick={() => s.send({ type: 'user.audience', audience })}
              >
                {audience ? m.audiences[audience] : m.all}
              </button>
            ))}
            <button
              type="button"
              class="chip chip--search"
              aria-expanded={typing}
              onClick={() => setTyping(!typing)}
            >
              {typing ? m.closeKeyboard : c.query ? `${m.search}：${c.query}` : m.search}
            </button>
          </div>
          {typing && (
            <OnScreenKeyboard
              value={c.query}
              onInput={(query) => s.send({ type: 'user.query', query })}
              layout="pinyin"
              maxLength={MAX_GUIDE_QUERY}
              label={m.searchLabel}
              placeholder={m.searchHint}
              clearLabel={m.clear}
              deleteLabel={m.delete}
              spaceLabel={m.space}
            />
          )}
          <GuideList
            items={guideList(c)}
            m={m}
            locale={locale}
            open={(code) => {
              setTyping(false);
              s.send({ type: 'user.open', code });
            }}
          />
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {t.nav.back}
            </EventButton>
          </div>
        </section>
      )}

      {s.name === 'guide' && item && (
        <section class="flow__step flow__step--list">
          <p class="guide__meta">
            {m.departments[item.department]} · {m.code(item.code)} <ItemMarks item={item} m={m} />
          </p>
          <dl class="guide" data-speak="off">
            {guideSections(item).map((section) => (
              <div key={section.key} class="guide__section">
                <dt>{m.sections[section.key]}</dt>
                <dd>
                  <ul>
                    {section.lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
          {!c.printing && <p class="notice">{m.printUnavailable}</p>}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.close' }} look="secondary">
              {m.backToList}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.queue' }} look="secondary">
              {m.queue}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.book' }} look="secondary">
              {m.book}
            </EventButton>
            {c.printing && (
              <EventButton step={s} event={{ type: 'user.print' }}>
                {m.print}
              </EventButton>
            )}
          </div>
        </section>
      )}

      <DocumentSteps steps={s.children} />
      {s.name === 'printed' && (
        <DocumentsPrinted take={m.takeGuide} summary={c.printSummary}>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.close' }} look="secondary">
              {t.nav.back}
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

function GuideList(props: {
  items: readonly CatalogItem[];
  m: GuideMessages;
  locale: Locale;
  open: (code: string) => void;
}) {
  const { items, m } = props;
  return (
    <>
      <p class="flow__explain" role="status">
        {items.length > 0 ? m.count(items.length) : m.none}
      </p>
      <ul class="guide-list" role="list" data-speak="off">
        {items.map((item) => (
          <li key={item.code}>
            <button type="button" class="guide-list__item" onClick={() => props.open(item.code)}>
              <span class="guide-list__name">{nameOf(item, props.locale)}</span>
              <span class="guide-list__meta">
                {m.departments[item.department]} <ItemMarks item={item} m={m} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
