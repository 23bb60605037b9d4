import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { IdCopyMachine } from '../../../machines';
import { useMessages } from '../../session';
import { useSelector } from '../../useSelector';
import { FailureNotice } from '../../components/FailureNotice';

type IdCopyRef = ActorRefFrom<IdCopyMachine>;
type IdCopySnapshot = SnapshotFrom<IdCopyMachine>;

const stepOf = (s: IdCopySnapshot) => (typeof s.value === 'string' ? s.value : 'placeFront');

/** The screens of 身份证复印: place, capture, check, print, take. */
export function IdCopyView({ flow }: { flow: IdCopyRef }) {
  const t = useMessages();
  const step = useSelector(flow, stepOf);
  const failure = useSelector(flow, (s) => s.context.failure);
  const front = useSelector(flow, (s) => s.context.front?.dataUrl);
  const back = useSelector(flow, (s) => s.context.back?.dataUrl);
  const send = flow.send.bind(flow);
  const m = t.idCopy;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {m.title}
      </h1>
      {failure && <FailureNotice code={failure} />}
      {(step === 'placeFront' || step === 'placeBack') && (
        <section class="flow__step">
          <p class="flow__prompt">{step === 'placeFront' ? m.placeFront : m.placeBack}</p>
          <div
            class={`card-frame card-frame--${step === 'placeFront' ? 'front' : 'back'}`}
            aria-hidden="true"
          />
          <button
            type="button"
            class="primary-button primary-button--huge"
            onClick={() => send({ type: 'user.capture' })}
          >
            {m.capture}
          </button>
        </section>
      )}
      {(step === 'capturingFront' || step === 'capturingBack') && (
        <p class="flow__prompt" role="status">
          {m.capturing}
        </p>
      )}
      {(step === 'preview' || step === 'printFailed') && (
        <section class="flow__step">
          <p class="flow__prompt">{step === 'preview' ? m.preview : m.printFailed}</p>
          <div class="copy-preview">
            {front && <img src={front} alt={m.front} />}
            {back && <img src={back} alt={m.back} />}
          </div>
          {step === 'printFailed' && <p>{m.askStaff}</p>}
          <div class="flow__actions">
            <button
              type="button"
              class="secondary-button"
              onClick={() => send({ type: 'user.retake' })}
              hidden={step !== 'preview'}
            >
              {m.retake}
            </button>
            <button
              type="button"
              class="primary-button"
              onClick={() => send({ type: step === 'preview' ? 'user.print' : 'user.retry' })}
            >
              {step === 'preview' ? m.print : m.retry}
            </button>
          </div>
        </section>
      )}
      {step === 'printing' && (
        <p class="flow__prompt" role="status">
          {m.printing}
        </p>
      )}
      {step === 'takePaper' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big" role="status">
            {m.takePaper}
          </p>
          <button
            type="button"
            class="primary-button primary-button--huge"
            onClick={() => send({ type: 'user.done' })}
          >
            {m.done}
          </button>
        </section>
      )}
    </main>
  );
}
