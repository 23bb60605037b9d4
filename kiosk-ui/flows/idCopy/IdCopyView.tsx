import type { ActorRefFrom } from 'xstate';
import type { IdCopyMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailureNotice } from '../../components/FailureNotice';
import { WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { CardReminder } from '../../screens/CardReminder';
import { useLocalised } from '../../session';
import { idCopyMessages } from './messages';

type IdCopyRef = ActorRefFrom<IdCopyMachine>;

/** The screens of 身份证复印: place, capture, check, print, take. */
export function IdCopyView({ flow }: { flow: IdCopyRef }) {
  const m = useLocalised(idCopyMessages);
  const s = useStep(flow);
  const { failure, front, back } = s.context;
  const side = s.name === 'placeFront' ? 'front' : 'back';

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {m.title}
      </h1>
      {/* A camera failure is said on the step it sends the citizen back to. */}
      {failure && <FailureNotice code={failure} />}
      <WaitingPanel
        step={s}
        says={{ capturingFront: m.capturing, capturingBack: m.capturing, printing: m.printing }}
      />
      {(s.name === 'placeFront' || s.name === 'placeBack') && (
        <section class="flow__step">
          <p class="flow__prompt">{side === 'front' ? m.placeFront : m.placeBack}</p>
          <div class={`card-frame card-frame--${side}`} aria-hidden="true" />
          <EventButton step={s} event={{ type: 'user.capture' }} look="huge">
            {m.capture}
          </EventButton>
        </section>
      )}
      {(s.name === 'preview' || s.name === 'printFailed') && (
        <section class="flow__step">
          <p class="flow__prompt">{s.hasTag('failed') ? m.printFailed : m.preview}</p>
          <div class="copy-preview">
            {front && <img src={front.dataUrl} alt={m.front} />}
            {back && <img src={back.dataUrl} alt={m.back} />}
          </div>
          {s.hasTag('failed') && <p>{m.askStaff}</p>}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.retake' }} look="secondary" refused="hide">
              {m.retake}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.print' }} refused="hide">
              {m.print}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.retry' }} refused="hide">
              {m.retry}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'takePaper' && (
        <section class="flow__step">
          <CardReminder />
          <p class="flow__prompt flow__prompt--big" role="status">
            {m.takePaper}
          </p>
          <EventButton step={s} event={{ type: 'user.done' }} look="huge">
            {m.done}
          </EventButton>
        </section>
      )}
    </main>
  );
}
