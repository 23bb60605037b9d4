import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { maskPhone } from '../../../domain';
import type { AppointmentMachine } from '../../../machines';
import { FailureNotice } from '../../components/FailureNotice';
import { NumericKeypad } from '../../components/NumericKeypad';
import { TicketShown } from '../../components/TicketShown';
import { useMessages, useMode } from '../../session';
import { useSelector } from '../../useSelector';

type AppointmentRef = ActorRefFrom<AppointmentMachine>;
const stepOf = (s: SnapshotFrom<AppointmentMachine>) =>
  typeof s.value === 'string' ? s.value : 'loading';

/** The screens of 预约 and 签到. */
export function AppointmentView({ flow }: { flow: AppointmentRef }) {
  const t = useMessages();
  const m = t.appointment;
  const { locale } = useMode();
  const step = useSelector(flow, stepOf);
  const c = useSelector(flow, (s) => s.context);
  const send = flow.send.bind(flow);
  const primary = (label: string, event: Parameters<AppointmentRef['send']>[0], huge = false) => (
    <button
      type="button"
      class={`primary-button${huge ? ' primary-button--huge' : ''}`}
      onClick={() => send(event)}
    >
      {label}
    </button>
  );
  const refusal = c.refusal && typeof c.refusal === 'object' ? c.refusal : null;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {step === 'chooseService' ? m.chooseService : m.title}
        {c.service && step !== 'chooseService' ? ` · ${c.service.name[locale]}` : ''}
      </h1>
      {c.failure && step !== 'ticketFailed' && <FailureNotice code={c.failure} />}
      {c.refusal === 'slot-full' && step === 'chooseSlot' && (
        <p class="notice" role="alert">
          {m.slotFull}
        </p>
      )}

      {step === 'unavailable' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.unavailable}</p>
          {primary(m.retry, { type: 'user.retry' })}
        </section>
      )}
      {step === 'chooseService' && c.setup && (
        <>
          <ul class="tiles" role="list">
            {c.setup.services.map((s) => (
              <li key={s.code}>
                <button
                  type="button"
                  class="tile"
                  onClick={() => send({ type: 'user.selectService', code: s.code })}
                >
                  {s.name[locale]}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="secondary-button"
            onClick={() => send({ type: 'user.checkIn' })}
          >
            {m.checkIn}
          </button>
        </>
      )}
      {step === 'chooseSlot' && c.setup && c.places && (
        <div class="slots">
          {c.setup.days.map((day) => (
            <section key={day} class="slots__day">
              <h2>{day}</h2>
              <div class="slots__times">
                {c.setup?.slots.map((slot) => {
                  const left = c.places?.[day]?.[slot.start] ?? 0;
                  return (
                    <button
                      key={slot.start}
                      type="button"
                      class="slot"
                      disabled={left === 0}
                      onClick={() =>
                        send({ type: 'user.selectSlot', date: day, start: slot.start })
                      }
                    >
                      {slot.start}–{slot.end} · {left > 0 ? m.placesLeft(left) : m.full}
                    </button>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
      {(step === 'identify' || step === 'checkInIdentify') && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.placeCard}</p>
          <div class="card-frame" aria-hidden="true" />
        </section>
      )}
      {(step === 'identifyFailed' || step === 'cardRefused' || step === 'checkInFailed') && (
        <section class="flow__step">
          {c.cardProblem && (
            <p class="notice notice--failure" role="alert">
              {t.queue.cardRefused[c.cardProblem]}
            </p>
          )}
          {primary(t.queue.tryAgain, { type: 'user.retry' })}
        </section>
      )}
      {step === 'enterPhone' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.enterPhone}</p>
          <p class="phone-display" aria-live="polite" aria-label={m.phone}>
            {c.phone || '\u00a0'}
          </p>
          <NumericKeypad
            onDigit={(digit) => send({ type: 'user.digit', digit })}
            onDelete={() => send({ type: 'user.deleteDigit' })}
          />
          <button
            type="button"
            class="primary-button"
            aria-disabled={c.phone.length !== 11}
            onClick={() => send({ type: 'user.confirm' })}
          >
            {c.phone.length === 11 ? m.next : m.phoneInvalid}
          </button>
        </section>
      )}
      {step === 'confirm' && c.service && c.slot && (
        <section class="flow__step">
          <p class="flow__prompt">{m.confirmTitle}</p>
          <dl class="summary">
            <dt>{m.service}</dt>
            <dd>{c.service.name[locale]}</dd>
            <dt>{m.time}</dt>
            <dd>
              {c.date} {c.slot.start}–{c.slot.end}
            </dd>
            <dt>{m.phone}</dt>
            <dd>{maskPhone(c.phone)}</dd>
          </dl>
          {primary(m.confirm, { type: 'user.confirm' }, true)}
        </section>
      )}
      {(step === 'booking' ||
        step === 'printingSlip' ||
        step === 'checkingIn' ||
        step === 'printingTicket' ||
        step === 'loadingPlaces' ||
        step === 'loading') && (
        <p class="flow__prompt" role="status">
          {step === 'booking'
            ? m.booking
            : step === 'checkingIn'
              ? m.checkingIn
              : step === 'loading' || step === 'loadingPlaces'
                ? '…'
                : m.printing}
        </p>
      )}
      {step === 'bookingFailed' && primary(m.retry, { type: 'user.retry' })}
      {(step === 'booked' || step === 'slipFailed' || step === 'alreadyBooked') &&
        c.appointment && (
          <section class="flow__step">
            <p class="flow__prompt flow__prompt--big">
              {step === 'alreadyBooked' ? m.alreadyBooked : m.booked}
            </p>
            <p class="flow__prompt">
              {c.appointment.date} {c.appointment.slot.start}–{c.appointment.slot.end}
            </p>
            {step === 'slipFailed' && (
              <p class="notice notice--failure" role="alert">
                {m.slipFailed}
              </p>
            )}
            <p class="flow__prompt">{m.bookedHint}</p>
            <div class="flow__actions">
              {step === 'alreadyBooked' && (
                <button
                  type="button"
                  class="secondary-button"
                  onClick={() => send({ type: 'user.confirm' })}
                >
                  {m.reprintSlip}
                </button>
              )}
              {step === 'slipFailed' && (
                <button
                  type="button"
                  class="secondary-button"
                  onClick={() => send({ type: 'user.retry' })}
                >
                  {m.reprintSlip}
                </button>
              )}
              {primary(m.done, { type: 'user.done' }, true)}
            </div>
          </section>
        )}
      {step === 'checkInRefused' && refusal && !refusal.ok && (
        <section class="flow__step">
          <p class="notice" role="alert">
            {refusal.reason === 'too-early'
              ? m.refused['too-early'](refusal.opensAt)
              : refusal.reason === 'other-day'
                ? m.refused['other-day'](refusal.date)
                : m.refused[refusal.reason]}
          </p>
          {primary(m.done, { type: 'user.done' })}
        </section>
      )}
      {(step === 'checkedIn' || step === 'ticketFailed') && c.ticket && c.service && (
        <TicketShown
          ticket={c.ticket}
          service={c.service}
          heading={m.checkedIn}
          printFailure={step === 'ticketFailed' ? (c.failure ?? 'unknown') : null}
          onRetry={() => send({ type: 'user.retry' })}
          onDone={() => send({ type: 'user.done' })}
        />
      )}
    </main>
  );
}
