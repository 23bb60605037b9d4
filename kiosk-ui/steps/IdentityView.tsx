import type { ActorRefFrom } from 'xstate';
import type { IdentityMachine } from '../../machines';
import { EventButton } from '../components/EventButton';
import { FailurePanel } from '../components/StepPanels';
import { useStep } from '../components/useStep';
import { queueMessages } from '../flows/queue/messages';
import { useLocalised } from '../session';
import { CardStepView } from './CardStepView';
import { identityMessages } from './messages';

export type IdentityRef = ActorRefFrom<IdentityMachine>;

/** 人证核验: the card, then the face, three tries, then a polite refusal. */
export function IdentityView({ identity }: { identity: IdentityRef }) {
  const m = useLocalised(identityMessages);
  const q = useLocalised(queueMessages);
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
    </>
  );
}
