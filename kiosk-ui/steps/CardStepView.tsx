import type { ActorRefFrom } from 'xstate';
import type { CardStepMachine } from '../../machines';
import { FailureNotice } from '../components/FailureNotice';
import { WaitingPanel } from '../components/StepPanels';
import { useStep } from '../components/useStep';
import { useLocalised } from '../session';
import { useSelector } from '../useSelector';
import { cardStepMessages } from './messages';

export type CardStepRef = ActorRefFrom<CardStepMachine>;

/** 读取身份证: where to lay the card and, once it lies there and is read, that it is being read. */
export function CardStepView(props: {
  card: CardStepRef;
  prompt: string;
  reading: string;
  /** The picture of where the card goes: the flows' card frame, or the reader hint of 人证核验. */
  frame: 'card-frame' | 'card-reader-hint';
}) {
  const card = useStep(props.card);
  const m = useLocalised(cardStepMessages);
  const setAside = useSelector(props.card, (s) => s.matches({ reading: 'cardSetAside' }));
  return (
    <>
      {/* Pulled out mid-read: the read waits for the card to be put back, and says why. */}
      {card.context.failure === 'card-removed' && !card.hasTag('busy') && (
        <FailureNotice code="card-removed" />
      )}
      <p class="flow__prompt flow__prompt--big">{props.prompt}</p>
      {setAside && (
        <p class="notice" role="status">
          {m.placeAgain}
        </p>
      )}
      <div class={props.frame} aria-hidden="true" />
      <WaitingPanel step={card} says={{ reading: props.reading }} />
    </>
  );
}
