import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type {
  HallTicket,
  HallWindow,
  QueueServiceView,
  WindowAction,
} from '../../../domain/hallProtocol';
import type { LocalizedText } from '../../../domain/locale';
import { Bilingual, ConnectionBanner } from '../Bilingual';
import { openHallStream, type StreamStatus } from '../eventStream';
import { HallRequestError, hallRequest } from '../hallClient';
import { MESSAGES } from '../messages';
import { RatingOffer } from './RatingOffer';
import type { StaffLogin } from './staffSession';

interface Message {
  kind: 'ok' | 'error';
  text: LocalizedText;
}

const REFRESH_DEBOUNCE_MS = 120;

/**
 * One window's console: the current ticket, the waiting list (refreshed whenever the hall's event
 * stream says something changed, and on every reconnection), and the five actions. A failed action
 * says why and changes nothing on screen but the message.
 */
export function WindowConsole({
  login,
  window,
  onChangeWindow,
  onSignOut,
}: {
  login: StaffLogin;
  window: number;
  onChangeWindow: () => void;
  onSignOut: (why: LocalizedText | null) => void;
}) {
  const [hallWindow, setHallWindow] = useState<HallWindow | null>(null);
  const [waiting, setWaiting] = useState<HallTicket[] | null>(null);
  const [services, setServices] = useState<QueueServiceView[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [busy, setBusy] = useState<WindowAction | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [rating, setRating] = useState<HallTicket | null>(null);
  const [choosingTransfer, setChoosingTransfer] = useState(false);

  const failed = useCallback(
    (failure: unknown) => {
      if (failure instanceof HallRequestError && failure.status === 401) {
        onSignOut(MESSAGES.sessionExpired);
        return;
      }
      setMessage({
        kind: 'error',
        text: failure instanceof HallRequestError ? failure.text : MESSAGES.requestFailed,
      });
    },
    [onSignOut],
  );

  const refresh = useCallback(async () => {
    try {
      const [windows, list, serviceList] = await Promise.all([
        hallRequest<HallWindow[]>('/api/windows', { token: login.token }),
        hallRequest<HallTicket[]>(`/api/windows/${window}/waiting`, { token: login.token }),
        hallRequest<QueueServiceView[]>('/api/queue/services'),
      ]);
      const mine = windows.find((w) => w.number === window);
      if (!mine) return onChangeWindow();
      setHallWindow(mine);
      setWaiting(list);
      setServices(serviceList);
    } catch (failure) {
      failed(failure);
    }
  }, [login.token, window, failed, onChangeWindow]);

  // The latest refresh, for the stream's callbacks (made once per window).
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    let lastId: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshRef.current(), REFRESH_DEBOUNCE_MS);
    };
    const stream = openHallStream({
      after: () => lastId,
      onEvent: (record) => {
        lastId = record.id;
        if (record.event.type !== 'device-status') soon();
      },
      onStatus: (next) => {
        setStatus(next);
        // Whatever happened while the stream was down is read afresh.
        if (next === 'open') soon();
      },
      onReset: () => {
        lastId = null;
        stream.reconnect();
      },
    });
    void refreshRef.current();
    return () => {
      clearTimeout(timer);
      stream.close();
    };
  }, [window]);

  const act = async (action: WindowAction, serviceCode?: string) => {
    if (busy) return;
    setBusy(action);
    setMessage(null);
    try {
      const { ticket } = await hallRequest<{ ticket: HallTicket; eventId: number }>(
        `/api/windows/${window}/${action}`,
        {
          method: 'POST',
          token: login.token,
          ...(serviceCode ? { body: { serviceCode } } : {}),
        },
      );
      setMessage({ kind: 'ok', text: doneText(action, ticket, window, services) });
      // The answer is the window's new state; the refresh below confirms it.
      const stays = action === 'call-next' || action === 'recall';
      setHallWindow((w) => (w ? { ...w, current: stays ? ticket : null } : w));
      if (action === 'call-next')
        setWaiting((list) => list?.filter((t) => t.id !== ticket.id) ?? list);
      if (action === 'finish') setRating(ticket);
      else if (action === 'call-next') setRating(null);
      setChoosingTransfer(false);
      await refresh();
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(null);
    }
  };

  const current = hallWindow?.current ?? null;
  const serviceName = (code: string) => services.find((s) => s.code === code)?.name;
  const transferTargets = services.filter((s) => s.code !== current?.serviceCode);

  return (
    <div class="console">
      {status === 'lost' && <ConnectionBanner text={MESSAGES.connectionLost} />}
      <header class="console-header">
        <h1 class="console-title">
          <Bilingual text={MESSAGES.windowNo(window)} />
        </h1>
        <span class="window-services">
          {(hallWindow?.services ?? [])
            .map((code) => serviceName(code)?.['zh-CN'] ?? code)
            .join('、')}
        </span>
        <span class="who">
          <Bilingual text={MESSAGES.signedInAs(login.username)} />
        </span>
        <button type="button" onClick={onChangeWindow}>
          <Bilingual text={MESSAGES.changeWindow} />
        </button>
        <button type="button" onClick={() => onSignOut(null)}>
          <Bilingual text={MESSAGES.signOut} />
        </button>
      </header>
      <main class="console-main">
        <section class="card current" aria-labelledby="current-title">
          <h2 id="current-title">
            <Bilingual text={MESSAGES.currentTicket} />
          </h2>
          {current ? (
            <div class="current-ticket">
              <span class="current-number" data-testid="current-number">
                {current.number}
              </span>
              <span class="current-detail">
                {serviceName(current.serviceCode)?.['zh-CN'] ?? current.serviceCode}
                {current.priority && (
                  <span class="badge priority">
                    <Bilingual text={MESSAGES.priority} />
                  </span>
                )}
                <span class="calls-made">
                  <Bilingual text={MESSAGES.calledTimes(current.calls)} />
                </span>
              </span>
            </div>
          ) : (
            <p class="no-current">
              <Bilingual text={MESSAGES.noCurrent} />
            </p>
          )}
          <div class="actions">
            <ActionButton
              label={MESSAGES.callNext}
              class="primary call-next"
              busy={busy === 'call-next'}
              disabled={busy !== null}
              onClick={() => void act('call-next')}
            />
            <ActionButton
              label={MESSAGES.recall}
              busy={busy === 'recall'}
              disabled={busy !== null || !current}
              onClick={() => void act('recall')}
            />
            <ActionButton
              label={MESSAGES.skip}
              busy={busy === 'skip'}
              disabled={busy !== null || !current}
              onClick={() => void act('skip')}
            />
            <ActionButton
              label={MESSAGES.transfer}
              busy={busy === 'transfer'}
              disabled={busy !== null || !current || transferTargets.length === 0}
              onClick={() => setChoosingTransfer((open) => !open)}
            />
            <ActionButton
              label={MESSAGES.finish}
              class="finish"
              busy={busy === 'finish'}
              disabled={busy !== null || !current}
              onClick={() => void act('finish')}
            />
          </div>
          {choosingTransfer && current && (
            <div class="transfer" role="group" aria-labelledby="transfer-title">
              <h3 id="transfer-title">
                <Bilingual text={MESSAGES.transferTo} />
              </h3>
              {transferTargets.map((service) => (
                <button
                  type="button"
                  key={service.code}
                  disabled={busy !== null}
                  onClick={() => void act('transfer', service.code)}
                >
                  <Bilingual text={service.name} />
                </button>
              ))}
              <button type="button" class="quiet" onClick={() => setChoosingTransfer(false)}>
                <Bilingual text={MESSAGES.cancel} />
              </button>
            </div>
          )}
          {message && (
            <p
              class={`message ${message.kind}`}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              <Bilingual text={message.text} />
            </p>
          )}
          {rating && <RatingOffer ticket={rating} onClose={() => setRating(null)} />}
        </section>
        <section class="card waiting-list" aria-labelledby="waiting-title">
          <h2 id="waiting-title">
            <Bilingual text={MESSAGES.waitingList} />
            {waiting && <span class="waiting-count">{waiting.length}</span>}
          </h2>
          {waiting && waiting.length === 0 && (
            <p class="muted">
              <Bilingual text={MESSAGES.nobodyWaiting} />
            </p>
          )}
          <ol class="tickets">
            {waiting?.map((ticket) => (
              <li key={ticket.id} data-number={ticket.number}>
                <span class="ticket-number">{ticket.number}</span>
                <span class="ticket-service">
                  {serviceName(ticket.serviceCode)?.['zh-CN'] ?? ticket.serviceCode}
                </span>
                {ticket.priority && (
                  <span class="badge priority">
                    <Bilingual text={MESSAGES.priority} />
                  </span>
                )}
                {ticket.reserve && (
                  <span class="badge">
                    <Bilingual text={MESSAGES.reserve} />
                  </span>
                )}
                {ticket.appointmentAt && (
                  <span class="badge appointment">
                    <Bilingual text={MESSAGES.appointmentAt(ticket.appointmentAt)} />
                  </span>
                )}
                <span class="ticket-time">{clock(ticket.issuedAt)}</span>
              </li>
            ))}
          </ol>
        </section>
      </main>
    </div>
  );
}

function ActionButton(props: {
  label: LocalizedText;
  class?: string;
  busy: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      class={`action ${props.class ?? ''}`}
      disabled={props.disabled}
      aria-busy={props.busy}
      onClick={props.onClick}
    >
      <Bilingual text={props.label} />
    </button>
  );
}

function doneText(
  action: WindowAction,
  ticket: HallTicket,
  window: number,
  services: QueueServiceView[],
): LocalizedText {
  switch (action) {
    case 'call-next':
      return MESSAGES.called(ticket.number, window);
    case 'recall':
      return MESSAGES.recalled(ticket.number);
    case 'skip':
      return MESSAGES.skipped(ticket.number);
    case 'finish':
      return MESSAGES.finished(ticket.number);
    case 'transfer': {
      const to = services.find((s) => s.code === ticket.serviceCode)?.name;
      return MESSAGES.transferred(
        ticket.number,
        to?.['zh-CN'] ?? ticket.serviceCode,
        to?.en ?? ticket.serviceCode,
      );
    }
  }
}

function clock(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
}
