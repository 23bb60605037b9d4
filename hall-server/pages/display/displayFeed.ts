import type { DisplaySnapshot, HallEventRecord } from '../../../domain/hallProtocol';
import { CallAnnouncer, type Voice } from '../announce';
import { applyEvent, callOf, type DisplayState } from '../displayState';
import { openHallStream, type HallStream, type StreamStatus } from '../eventStream';
import { hallRequest } from '../hallClient';

export interface DisplayView {
  state: DisplayState | null;
  /** 'lost' puts the 连接中断 banner up. */
  status: StreamStatus;
}

const SNAPSHOT_RETRY_MS = 2_000;
/** The counts kept from events are checked against the server's now and then (a new hall day). */
const RECHECK_MS = 5 * 60_000;

/**
 * The display's data: the snapshot (GET /api/display), then the event stream from its last id.
 * Each call is announced once; a gap in the ids or a reset from the server re-reads the
 * snapshot; a lost connection resumes after the last id seen, so nothing is fetched twice.
 */
export function startDisplayFeed(
  onChange: (view: DisplayView) => void,
  voice: Voice | null,
): () => void {
  let view: DisplayView = { state: null, status: 'connecting' };
  let stream: HallStream | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const announcer = voice ? new CallAnnouncer(voice) : null;
  const show = (next: Partial<DisplayView>) => {
    view = { ...view, ...next };
    if (!stopped) onChange(view);
  };

  const readSnapshot = async (): Promise<void> => {
    try {
      const snapshot = await hallRequest<DisplaySnapshot>('/api/display');
      if (stopped) return;
      // Calls up to the snapshot were made before this display looked (or in a gap): not said.
      announcer?.startAfter(snapshot.lastEventId);
      show({ state: snapshot });
      if (stream) stream.reconnect();
      else stream = openHallStream({ after, onEvent, onStatus, onReset: resync });
    } catch {
      if (stopped) return;
      show({ status: 'lost' });
      retry = setTimeout(() => void readSnapshot(), SNAPSHOT_RETRY_MS);
    }
  };
  const after = () => view.state?.lastEventId ?? 0;
  const onStatus = (status: StreamStatus) => show({ status });
  const resync = () => {
    stream?.suspend();
    void readSnapshot();
  };
  const onEvent = (record: HallEventRecord) => {
    if (!view.state) return;
    const { state, outcome } = applyEvent(view.state, record);
    if (outcome === 'gap') return resync();
    if (outcome === 'duplicate') return;
    show({ state });
    const call = callOf(record.event);
    if (call) announcer?.announce(record.id, call);
  };

  // A snapshot as of the very event the display has reached replaces its state whole (the
  // waiting counts of a new hall day); one as of another id would skip or repeat calls: left.
  const recheck = setInterval(() => {
    if (!view.state || view.status !== 'open') return;
    hallRequest<DisplaySnapshot>('/api/display').then(
      (snapshot) => {
        if (!stopped && snapshot.lastEventId === view.state?.lastEventId) show({ state: snapshot });
      },
      () => undefined,
    );
  }, RECHECK_MS);

  void readSnapshot();
  return () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(recheck);
    stream?.close();
  };
}
