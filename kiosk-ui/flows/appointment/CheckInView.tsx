import { dateLabel } from '../../../domain';
import type { AppointmentMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { TicketShown } from '../../components/TicketShown';
import type { StepOf } from '../../components/useStep';
import { useLocalised, useMode } from '../../session';
import { appointmentMessages } from './messages';

/** 签到's own screens: why the check-in was refused, or the priority number it gave. */
export function CheckInView({ step: s }: { step: StepOf<AppointmentMachine> }) {
  const m = useLocalised(appointmentMessages);
  const { locale } = useMode();
  const { refusal, ticket, service, failure, setup } = s.context;
  const refused = refusal && typeof refusal === 'object' && !refusal.ok ? refusal : null;

  return (
    <>
      {s.name === 'checkInRefused' && refused && (
        <section class="flow__step">
          <p class="notice" role="alert">
            {refused.reason === 'too-early'
              ? m.refused['too-early'](refused.opensAt)
              : refused.reason === 'other-day'
                ? m.refused['other-day'](
                    dateLabel(refused.date, locale, setup ? { today: setup.today } : {}),
                  )
                : m.refused[refused.reason]}
          </p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.takeNumber' }} refused="hide">
              {m.takeNumber}
            </EventButton>
            <EventButton
              step={s}
              event={{ type: 'user.done' }}
              look={s.can({ type: 'user.takeNumber' }) ? 'secondary' : 'primary'}
            >
              {m.done}
            </EventButton>
          </div>
        </section>
      )}
      {(s.name === 'checkedIn' || s.name === 'ticketFailed') && ticket && service && (
        <TicketShown
          ticket={ticket}
          service={service}
          heading={m.checkedIn}
          printFailure={s.hasTag('failed') ? (failure ?? 'unknown') : null}
          step={s}
        />
      )}
    </>
  );
}
