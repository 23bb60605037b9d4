import type { ComponentChildren } from 'preact';
import { EventButton } from './EventButton';
import type { DeviceErrorCode } from '../../device-adapters';
import { FailureNotice } from './FailureNotice';

/** The part of a step view a panel needs. */
interface Tagged {
  name: string;
  hasTag(tag: string): boolean;
}

/**
 * The status line while the kiosk works (a `busy` or `working` state): what it is doing, by
 * state (`says`), else an ellipsis.
 */
export function WaitingPanel(props: { step: Tagged; says?: Readonly<Record<string, string>> }) {
  const { step } = props;
  if (!step.hasTag('busy') && !step.hasTag('working')) return null;
  return (
    <p class="flow__prompt" role="status">
      {props.says?.[step.name] ?? '…'}
    </p>
  );
}

/**
 * A `failed` state's screen: the device's failure (when there is one), what went wrong in this
 * state (`says`, by state: a failure drawn elsewhere, with a ticket say, is left out of it), and
 * the way on (`children`: its buttons).
 */
export function FailurePanel(props: {
  step: Tagged;
  failure?: DeviceErrorCode | null;
  says: Readonly<Record<string, ComponentChildren>>;
  children?: ComponentChildren;
}) {
  const { step, says } = props;
  if (!step.hasTag('failed') || !(step.name in says)) return null;
  return (
    <section class="flow__step">
      {props.failure && <FailureNotice code={props.failure} />}
      {says[step.name]}
      {props.children}
    </section>
  );
}

/** The part of a step view that steps back or tries again. */
interface BacksAndRetries {
  name: string;
  hasTag(tag: string): boolean;
  can(event: { type: 'user.back' } | { type: 'user.retry' }): boolean;
  send(event: { type: 'user.back' } | { type: 'user.retry' }): void;
}

/**
 * A service that did not answer (the catalog, the back office): what went wrong, by state
 * (`says`), with 上一步 and 重试. A device's failure, when there is one, is said first.
 */
export function RetryPanel(props: {
  step: BacksAndRetries;
  failure?: DeviceErrorCode | null;
  says: Readonly<Record<string, string>>;
  back: string;
  retry: string;
}) {
  const { step } = props;
  const says = Object.fromEntries(
    Object.entries(props.says).map(([state, words]) => [
      state,
      <p class="notice notice--failure" role="alert">
        {words}
      </p>,
    ]),
  );
  return (
    <FailurePanel step={step} failure={props.failure ?? null} says={says}>
      <div class="flow__actions">
        <EventButton step={step} event={{ type: 'user.back' }} look="secondary">
          {props.back}
        </EventButton>
        <EventButton step={step} event={{ type: 'user.retry' }}>
          {props.retry}
        </EventButton>
      </div>
    </FailurePanel>
  );
}
