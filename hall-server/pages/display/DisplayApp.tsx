import { useEffect, useState } from 'preact/hooks';
import type { DisplayState } from '../displayState';
import { Bilingual, ConnectionBanner } from '../Bilingual';
import { MESSAGES } from '../messages';
import { startDisplayFeed, type DisplayView } from './displayFeed';
import { browserVoice } from './voice';

/** 叫号屏: on a TV in the hall; nobody touches it. */
export function DisplayApp() {
  const [view, setView] = useState<DisplayView>({ state: null, status: 'connecting' });
  const [voiceBlocked, setVoiceBlocked] = useState(false);
  useEffect(() => startDisplayFeed(setView, browserVoice(setVoiceBlocked)), []);
  const { state, status } = view;
  return (
    <div class="display">
      {status === 'lost' && <ConnectionBanner text={MESSAGES.connectionLost} />}
      {state ? (
        <DisplayBoard state={state} />
      ) : (
        <div class="display-loading">
          <Bilingual text={MESSAGES.loadingDisplay} />
        </div>
      )}
      {voiceBlocked && (
        <div class="voice-blocked" role="status">
          <Bilingual text={MESSAGES.voiceBlocked} />
        </div>
      )}
    </div>
  );
}

function DisplayBoard({ state }: { state: DisplayState }) {
  const active = state.windows
    .filter((w) => w.current !== null)
    .sort((a, b) => (b.current?.calledAt ?? '').localeCompare(a.current?.calledAt ?? ''));
  const latest = state.recentCalls[0];
  return (
    <>
      <header class="display-header">
        <Bilingual text={state.hallName} class="hall-name" />
        <Bilingual text={MESSAGES.displayTitle} class="display-title" />
      </header>
      <main class="display-main">
        <section class="now-calling" aria-labelledby="now-calling">
          <h1 id="now-calling">
            <Bilingual text={MESSAGES.nowCalling} />
          </h1>
          {active.length === 0 ? (
            <p class="idle">
              <Bilingual text={MESSAGES.idle} />
            </p>
          ) : (
            <ol class={active.length > 4 ? 'calls many' : 'calls'}>
              {active.map((w) => (
                <li
                  key={w.number}
                  class={latest && latest.number === w.current?.number ? 'call latest' : 'call'}
                  data-window={w.number}
                >
                  <span class="call-number">{w.current?.number}</span>
                  <span class="arrow" aria-hidden="true">
                    →
                  </span>
                  <Bilingual text={MESSAGES.windowNo(w.number)} class="call-window" />
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside class="recent" aria-labelledby="recent-calls">
          <h2 id="recent-calls">
            <Bilingual text={MESSAGES.recentCalls} />
          </h2>
          {state.recentCalls.length === 0 ? (
            <p class="muted">
              <Bilingual text={MESSAGES.noCallsYet} />
            </p>
          ) : (
            <ol class="recent-list">
              {state.recentCalls.map((call) => (
                <li key={`${call.number}-${call.window}`} data-number={call.number}>
                  <span class="recent-number">{call.number}</span>
                  <span class="recent-window">
                    <Bilingual text={MESSAGES.windowNo(call.window)} />
                  </span>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </main>
      <footer class="waiting" aria-label="等候人数 Waiting">
        <Bilingual text={MESSAGES.waiting} class="waiting-title" />
        <ul>
          {state.waiting.map((service) => (
            <li key={service.serviceCode} data-service={service.serviceCode}>
              <span class="prefix">{service.prefix}</span>
              <Bilingual text={service.name} class="service-name" />
              <span class="count">{service.count}</span>
            </li>
          ))}
        </ul>
      </footer>
    </>
  );
}
