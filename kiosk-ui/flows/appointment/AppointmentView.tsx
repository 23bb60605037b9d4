import type { ActorRefFrom } from 'xstate';
import type { AppointmentMachine } from '../../../machines';
import { EventButton } from '../../components/EventButton';
import { FailurePanel, WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised, useMode } from '../../session';
import { CardStepView } from '../../steps/CardStepView';
import { queueMessages } from '../queue/messages';
import { BookingView } from './BookingView';
import { CheckInView } from './CheckInView';
import { appointmentMessages } from './messages';

type AppointmentRef = ActorRefFrom<AppointmentMachine>;

/** The screens of 预约 and 签到: what both show, then each one's own screens. */
export function AppointmentView({ flow }: { flow: AppointmentRef }) {
  const m = useLocalised(appointmentMessages);
  const q = useLocalised(queueMessages);
  const { locale } = useMode();
  const s = useStep(flow);
  const { service, failure, cardProblem } = s.context;
  const card = s.children.card;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {s.name === 'chooseService' ? m.chooseService : m.title}
        {service && s.name !== 'chooseService' ? ` · ${service.name[locale]}` : ''}
      </h1>
      <WaitingPanel
        step={s}
        says={{
          booking: m.booking,
          checkingIn: m.checkingIn,
          printingSlip: m.printing,
          printingTicket: m.printing,
        }}
      />
      <FailurePanel
        step={s}
        failure={failure}
        says={{
          unavailable: <p class="flow__prompt">{m.unavailable}</p>,
          identifyFailed: null,
          cardRefused: cardProblem && (
            <p class="notice notice--failure" role="alert">
              {q.cardRefused[cardProblem]}
            </p>
          ),
          checkInFailed: null,
          // Only the hall server is 'offline' here: no booking is made on the side (stores/hall).
          bookingFailed: failure === 'offline' && <p class="flow__prompt">{m.unavailable}</p>,
        }}
      >
        <EventButton step={s} event={{ type: 'user.retry' }}>
          {s.name === 'unavailable' || s.name === 'bookingFailed' ? m.retry : q.tryAgain}
        </EventButton>
      </FailurePanel>
      {card && (
        <section class="flow__step">
          <CardStepView card={card} prompt={m.placeCard} reading={q.reading} frame="card-frame" />
        </section>
      )}
      <BookingView step={s} />
      <CheckInView step={s} />
    </main>
  );
}
