import type { ComponentChildren } from 'preact';
import type { EventObject } from 'xstate';

/** The part of a step view a button needs. */
interface Sends<TEvent extends EventObject> {
  can(event: TEvent): boolean;
  send(event: TEvent): void;
}

const CLASSES = {
  primary: 'primary-button',
  huge: 'primary-button primary-button--huge',
  secondary: 'secondary-button',
} as const;

/**
 * A button that sends one event of a flow or step, enabled while the machine takes it
 * (`snapshot.can`). With `refused="hide"` it is not drawn at all then: for an action that
 * belongs to some of the states a screen is drawn for (a reprint after a failed print).
 */
export function EventButton<TEvent extends EventObject>(props: {
  step: Sends<TEvent>;
  event: TEvent;
  look?: keyof typeof CLASSES;
  refused?: 'disable' | 'hide';
  children: ComponentChildren;
}) {
  const { step, event } = props;
  const takes = step.can(event);
  if (!takes && props.refused === 'hide') return null;
  return (
    <button
      type="button"
      class={CLASSES[props.look ?? 'primary']}
      disabled={!takes}
      onClick={() => step.send(event)}
    >
      {props.children}
    </button>
  );
}
