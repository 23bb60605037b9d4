import { dateLabel } from '../../../domain';
import type { AppointmentMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailureNotice } from '../../components/FailureNotice';
import { NumericKeypad } from '../../components/NumericKeypad';
import type { StepOf } from '../../components/useStep';
import { useLocalised, useMode } from '../../session';
import { appointmentMessages } from './messages';
import { CardReminder } from '../../screens/CardReminder';

/** A mobile number in full, grouped as people read it out: 138 1234 5678. */
export const phoneLabel = (phone: string) =>
  [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)].filter(Boolean).join(' ');

/** 预约's own screens: the service, the slot, the mobile number, the check, the slip. */
export function BookingView({ step: s }: { step: StepOf<AppointmentMachine> }) {
  const m = useLocalised(appointmentMessages);
  const { locale } = useMode();
  const c = s.context;
  const today = c.setup?.today;
  const day = (date: string) => dateLabel(date, locale, today ? { today } : {});

  return (
    <>
      {c.refusal === 'slot-full' && s.name === 'chooseSlot' && (
        <p class="notice" role="alert">
          {m.slotFull}
        </p>
      )}
      {s.name === 'chooseService' && c.setup && (
        <>
          <ul class="tiles" role="list">
            {c.setup.services.map((offered) => (
              <li key={offered.code}>
                <button
                  type="button"
                  class="tile"
                  onClick={() => s.send({ type: 'user.selectService', code: offered.code })}
                >
                  {offered.name[locale]}
                </button>
              </li>
            ))}
          </ul>
          <EventButton step={s} event={{ type: 'user.checkIn' }} look="secondary">
            {m.checkIn}
          </EventButton>
        </>
      )}
      {s.name === 'chooseSlot' && c.setup && c.places && (
        <div class="slots">
          {c.setup.days.map((date) => (
            <section key={date} class="slots__day">
              <h2>{day(date)}</h2>
              <div class="slots__times">
                {c.setup?.slots.map((slot) => {
                  const left = c.places?.[date]?.[slot.start] ?? 0;
                  return (
                    <button
                      key={slot.start}
                      type="button"
                      class="slot"
                      disabled={!s.can({ type: 'user.selectSlot', date, start: slot.start })}
                      onClick={() => s.send({ type: 'user.selectSlot', date, start: slot.start })}
                    >
                      <span class="slot__time">
                        {slot.start}–{slot.end}
                      </span>
                      <span class="slot__sep"> · </span>
                      <span class="slot__left">{left > 0 ? m.placesLeft(left) : m.full}</span>
                    </button>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
      {s.name === 'enterPhone' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.enterPhone}</p>
          <p class="phone-display" aria-live="polite" aria-label={m.phone}>
            {c.phone || '\u00a0'}
          </p>
          <NumericKeypad
            onDigit={(digit) => s.send({ type: 'user.digit', digit })}
            onDelete={() => s.send({ type: 'user.deleteDigit' })}
          />
          <EventButton step={s} event={{ type: 'user.confirm' }}>
            {s.can({ type: 'user.confirm' }) ? m.next : m.phoneInvalid}
          </EventButton>
        </section>
      )}
      {s.name === 'confirm' && c.service && c.slot && (
        <section class="flow__step">
          <p class="flow__prompt">{m.confirmTitle}</p>
          <dl class="summary">
            <dt>{m.service}</dt>
            <dd>{c.service.name[locale]}</dd>
            <dt>{m.time}</dt>
            <dd>
              {c.date && day(c.date)} {c.slot.start}–{c.slot.end}
            </dd>
            <dt>{m.phone}</dt>
            {/* In full, so a mistyped digit can be seen; it is stored and printed masked. */}
            <dd class="summary__phone">{phoneLabel(c.phone)}</dd>
          </dl>
          <EventButton step={s} event={{ type: 'user.confirm' }} look="huge">
            {m.confirm}
          </EventButton>
        </section>
      )}
      {(s.name === 'booked' || s.name === 'slipFailed' || s.name === 'alreadyBooked') &&
        c.appointment && (
          <section class="flow__step">
            <CardReminder />
            {s.hasTag('failed') && c.failure && <FailureNotice code={c.failure} />}
            <p class="flow__prompt flow__prompt--big">
              {s.name === 'alreadyBooked' ? m.alreadyBooked : m.booked}
            </p>
            <p class="flow__prompt">
              {day(c.appointment.date)} {c.appointment.slot.start}–{c.appointment.slot.end}
            </p>
            {s.hasTag('failed') && (
              <p class="notice notice--failure" role="alert">
                {m.slipFailed}
              </p>
            )}
            <p class="flow__prompt">{m.bookedHint}</p>
            <div class="flow__actions">
              <EventButton
                step={s}
                event={{ type: 'user.confirm' }}
                look="secondary"
                refused="hide"
              >
                {m.reprintSlip}
              </EventButton>
              <EventButton step={s} event={{ type: 'user.retry' }} look="secondary" refused="hide">
                {m.reprintSlip}
              </EventButton>
              <EventButton step={s} event={{ type: 'user.done' }} look="huge">
                {m.done}
              </EventButton>
            </div>
          </section>
        )}
    </>
  );
}
