import type { AppointmentMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { TicketShown } from '../../components/TicketShown';
import type { StepOf } from '../../components/useStep';
import { useLocalised } from '../../session';
import { appointmentMessages } from './messages';

/** 签到's own screens: why the check-in was refused, or the priority number it gave. */
export function CheckInView({ step: s }: { step: StepOf<AppointmentMachine> }) {
  const m = useLocalised(appointmentMessages);
  const { refusal, ticket, service, failure } = s.context;
  const refused = refusal && typeof refusal === 'object' && !refusal.ok ? refusal : null;

  return (
    <>
      {s.name === 'checkInRefused' && refused && (
        <section class="flow__step">
          <p class="notice" role="alert">
            {refused.reason === 'too-early'
              ? m.refused['too-early'](refused.opensAt)
              : refused.reason === 'other-day'
                ? m.refused['other-day'](refused.date)
                : m.refused[refused.reason]}
          </p>
          <EventButton step={s} event={{ type: 'user.done' }}>
            {m.done}
          </EventButton>
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
