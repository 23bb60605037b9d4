import { estimatedWaitMinutes, type QueueServiceConfig, type QueueTicket } from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import { queueMessages } from '../flows/queue/messages';
import { useLocalised, useMessages, useMode } from '../session';
import { EventButton } from './EventButton';
import { CardReminder } from '../screens/CardReminder';

type TicketEvent = { type: 'user.retry' } | { type: 'user.done' };

/**
 * A queue number on screen, as 取号 and 签到 both show it: it stays until the citizen taps Done,
 * and when the ticket did not print it says so, with the number still valid and a retry (while
 * the flow takes one).
 */
export function TicketShown(props: {
  ticket: QueueTicket;
  service: QueueServiceConfig;
  heading: string;
  notice?: string | null;
  /** Set when the print failed: why, if known. */
  printFailure: DeviceErrorCode | 'unknown' | null;
  /** The flow showing it, for Retry and Done. */
  step: { can(event: TicketEvent): boolean; send(event: TicketEvent): void };
}) {
  const t = useMessages();
  const m = useLocalised(queueMessages);
  const { locale } = useMode();
  const { ticket, service, printFailure } = props;
  return (
    <section class="flow__step ticket-shown" aria-live="polite">
      <CardReminder />
      {props.notice && <p class="notice">{props.notice}</p>}
      {printFailure && (
        <p class="notice notice--failure" role="alert">
          {printFailure !== 'unknown' ? `${t.failures[printFailure]} ` : ''}
          {m.printFailed}
        </p>
      )}
      <p class="flow__prompt">{props.heading}</p>
      <p class="ticket-number">{ticket.number}</p>
      {ticket.reserve && (
        <p class="ticket-reserve" data-speak>
          <strong>{m.reserve}</strong> · {m.reserveNote}
        </p>
      )}
      {ticket.priority && (
        <p class="ticket-priority" data-speak>
          {m.priority}
        </p>
      )}
      {!ticket.reserve && (
        <p class="flow__prompt">
          {m.waitingAhead(ticket.waitingAhead, estimatedWaitMinutes(service, ticket.waitingAhead))}
        </p>
      )}
      <p class="flow__prompt">
        {m.windows}：{service.windows[locale]}
      </p>
      {!printFailure && <p class="flow__prompt">{m.takeTicket}</p>}
      <div class="flow__actions">
        <EventButton
          step={props.step}
          event={{ type: 'user.retry' }}
          look="secondary"
          refused="hide"
        >
          {m.retryPrint}
        </EventButton>
        <EventButton step={props.step} event={{ type: 'user.done' }} look="huge">
          {m.done}
        </EventButton>
      </div>
    </section>
  );
}
