import { estimatedWaitMinutes, type QueueServiceConfig, type QueueTicket } from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import { useMessages, useMode } from '../session';

/**
 * A queue number on screen, as 取号 and 签到 both show it: it stays until the citizen taps Done,
 * and when the ticket did not print it says so, with the number still valid and a retry.
 */
export function TicketShown(props: {
  ticket: QueueTicket;
  service: QueueServiceConfig;
  heading: string;
  notice?: string | null;
  /** Set when the print failed: why, if known. */
  printFailure: DeviceErrorCode | 'unknown' | null;
  onRetry: () => void;
  onDone: () => void;
}) {
  const t = useMessages();
  const m = t.queue;
  const { locale } = useMode();
  const { ticket, service, printFailure } = props;
  return (
    <section class="flow__step ticket-shown" aria-live="polite">
      {props.notice && <p class="notice">{props.notice}</p>}
      {printFailure && (
        <p class="notice notice--failure" role="alert">
          {printFailure !== 'unknown' ? `${t.failures[printFailure]} ` : ''}
          {m.printFailed}
        </p>
      )}
      <p class="flow__prompt">{props.heading}</p>
      <p class="ticket-number">{ticket.number}</p>
      {ticket.priority && <p class="ticket-priority">{m.priority}</p>}
      <p class="flow__prompt">
        {m.waitingAhead(ticket.waitingAhead, estimatedWaitMinutes(service, ticket.waitingAhead))}
      </p>
      <p class="flow__prompt">
        {m.windows}：{service.windows[locale]}
      </p>
      {!printFailure && <p class="flow__prompt">{m.takeTicket}</p>}
      <div class="flow__actions">
        {printFailure && (
          <button type="button" class="secondary-button" onClick={props.onRetry}>
            {m.retryPrint}
          </button>
        )}
        <button type="button" class="primary-button primary-button--huge" onClick={props.onDone}>
          {m.done}
        </button>
      </div>
    </section>
  );
}
