import type { ActorRefFrom } from 'xstate';
import type { CardStepMachine } from '../../machines';
import { WaitingPanel } from '../components/StepPanels';
import { useStep } from '../components/useStep';

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
  return (
    <>
      <p class="flow__prompt flow__prompt--big">{props.prompt}</p>
      <div class={props.frame} aria-hidden="true" />
      <WaitingPanel step={card} says={{ reading: props.reading }} />
    </>
  );
}
