import type { ActorRefFrom } from 'xstate';
import { clockOf, dateLabel, type Locale } from '../../domain';
import type { IdentityMachine } from '../../machines';
import { EventButton } from '../components/EventButton';
import { FailurePanel } from '../components/StepPanels';
import { useStep } from '../components/useStep';
import { queueMessages } from '../flows/queue/messages';
import { useKiosk, useLocalised, useMode } from '../session';
import { CardStepView } from './CardStepView';
import { identityMessages } from './messages';

export type IdentityRef = ActorRefFrom<IdentityMachine>;

/** 人证核验: the card, then the face, three tries, then a polite refusal. */
export function IdentityView({ identity }: { identity: IdentityRef }) {
  const m = useLocalised(identityMessages);
  const q = useLocalised(queueMessages);
  const { config } = useKiosk();
  const { locale } = useMode();
  const s = useStep(identity);
  const c = s.context;
  const card = s.children.card;

  return (
    <>
      {card && (
        <section class="flow__step">
          <CardStepView
            card={card}
            prompt={m.placeCard}
            reading={m.reading}
            frame="card-reader-hint"
          />
        </section>
      )}
      <FailurePanel
        step={s}
        failure={c.failure}
        says={{
          readFailed: <p class="flow__prompt">{m.readFailed}</p>,
          cardRefused: (
            <p class="notice notice--failure" role="alert">
              {c.cardProblem ? q.cardRefused[c.cardProblem] : m.readFailed}
            </p>
          ),
          faceRetry: <p class="flow__prompt">{m.faceRetry(c.maxFaceTries - c.faceFailures)}</p>,
          faceFailed: <p class="flow__prompt">{m.faceDevice}</p>,
          lockCheckFailed: <p class="flow__prompt">{m.lockCheckFailed}</p>,
        }}
      >
        <EventButton step={s} event={{ type: 'user.retry' }} look="huge">
          {s.name === 'readFailed' || s.name === 'cardRefused' ? m.tryAgain : m.retryFace}
        </EventButton>
      </FailurePanel>
      {s.name === 'verifying' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.lookAtCamera}</p>
          <div class="face-frame" aria-hidden="true" />
          <p role="status">{m.verifying}</p>
        </section>
      )}
      {s.name === 'refused' && (
        <section class="flow__step">
          <h2 class="flow__prompt flow__prompt--big">{m.refusedTitle}</h2>
          <p class="flow__explain" role="alert">
            {m.refused}
          </p>
          <EventButton step={s} event={{ type: 'user.done' }} look="huge">
            {m.ok}
          </EventButton>
        </section>
      )}
      {s.name === 'lockedOut' && (
        <section class="flow__step">
          <h2 class="flow__prompt flow__prompt--big">{m.lockedTitle}</h2>
          <p class="flow__explain" role="alert">
            {m.locked}
            {c.lockedUntil && (
              <span class="nowrap">
                {m.resumesAt}
                {momentText(c.lockedUntil, locale, config.hall.timeZone)}
              </span>
            )}
          </p>
          <p class="flow__prompt flow__prompt--big">
            {m.lockedWindow(config.hall.windows?.[locale] ?? m.staffedWindow)}
          </p>
          {config.hall.telephone && (
            <p class="flow__prompt">{m.lockedTelephone(config.hall.telephone)}</p>
          )}
          <EventButton step={s} event={{ type: 'user.done' }} look="huge">
            {m.ok}
          </EventButton>
        </section>
      )}
    </>
  );
}

/** When the lock-out ends, as the hall's clock shows it: “11月24日 周二（明天） 10:05”. */
function momentText(iso: string, locale: Locale, timeZone: string): string {
  const now = clockOf(new Date(), timeZone);
  const until = clockOf(new Date(iso), timeZone);
  return `${dateLabel(until.date, locale, { today: now.date })} ${until.time}`;
}
