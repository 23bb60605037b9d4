import type { SnapshotFrom } from 'xstate';
import type { IdentityMachine } from '../../machines';
import { FailureNotice } from '../components/FailureNotice';
import { useMessages } from '../session';
import { useSelector } from '../useSelector';

import type { IdentityRef } from './documentFlowView';
const stepOf = (s: SnapshotFrom<IdentityMachine>) =>
  typeof s.value === 'string' ? s.value : 'reading';

/** 人证核验: the card, then the face, three tries, then a polite refusal. */
export function IdentityView({ identity }: { identity: IdentityRef }) {
  const t = useMessages();
  const m = t.identity;
  const step = useSelector(identity, stepOf);
  const c = useSelector(identity, (s) => s.context);
  const send = identity.send.bind(identity);
  const button = (
    label: string,
    type: 'user.retry' | 'user.back' | 'user.done',
    primary = true,
  ) => (
    <button
      type="button"
      class={primary ? 'primary-button primary-button--huge' : 'secondary-button'}
      onClick={() => send({ type })}
    >
      {label}
    </button>
  );

  switch (step) {
    case 'reading':
      return (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.placeCard}</p>
          <div class="card-reader-hint" aria-hidden="true" />
        </section>
      );
    case 'readFailed':
      return (
        <section class="flow__step">
          {c.failure && <FailureNotice code={c.failure} />}
          <p class="flow__prompt">{m.readFailed}</p>
          {button(m.tryAgain, 'user.retry')}
        </section>
      );
    case 'cardRefused':
      return (
        <section class="flow__step">
          <p class="notice notice--failure" role="alert">
            {c.cardProblem ? t.queue.cardRefused[c.cardProblem] : m.readFailed}
          </p>
          {button(m.tryAgain, 'user.retry')}
        </section>
      );
    case 'verifying':
      return (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.lookAtCamera}</p>
          <div class="face-frame" aria-hidden="true" />
          <p role="status">{m.verifying}</p>
        </section>
      );
    case 'faceRetry':
      return (
        <section class="flow__step">
          {c.failure && <FailureNotice code={c.failure} />}
          <p class="flow__prompt">{m.faceRetry(c.maxFaceTries - c.faceFailures)}</p>
          {button(m.retryFace, 'user.retry')}
        </section>
      );
    case 'faceFailed':
      return (
        <section class="flow__step">
          {c.failure && <FailureNotice code={c.failure} />}
          <p class="flow__prompt">{m.faceDevice}</p>
          {button(m.retryFace, 'user.retry')}
        </section>
      );
    case 'refused':
      return (
        <section class="flow__step">
          <h2 class="flow__prompt flow__prompt--big">{m.refusedTitle}</h2>
          <p class="flow__explain" role="alert">
            {m.refused}
          </p>
          {button(m.ok, 'user.done')}
        </section>
      );
    default:
      return null;
  }
}
