import { useEffect, useState } from 'preact/hooks';
import type { FlowId } from '../domain';
import type { FlowActorRef } from './flows';
import { IdleWarning } from './components/IdleWarning';
import { whenIdle } from './idle';
import { TopBar } from './components/TopBar';
import { messagesFor } from './i18n';
import { AttractScreen } from './screens/AttractScreen';
import { GoodbyeScreen } from './screens/GoodbyeScreen';
import { HomeScreen } from './screens/HomeScreen';
import {
  KioskContext,
  screenOf,
  useKiosk,
  useMessages,
  useMode,
  useSession,
  type KioskServices,
  type ScreenName,
} from './session';
import { speak } from './speech';

export function App(services: KioskServices) {
  return (
    <KioskContext.Provider value={services}>
      <Kiosk />
    </KioskContext.Provider>
  );
}

function Kiosk() {
  const screen = useSession(screenOf);
  const countdown = useSession((s) => s.context.countdown);
  const { locale, elderly } = useMode();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.classList.toggle('elderly', elderly);
  }, [locale, elderly]);

  useSpokenPrompt(screen, countdown !== null);

  return (
    <div class="kiosk">
      {screen === 'attract' ? (
        <>
          <AttractScreen />
          <HomeWarmup />
        </>
      ) : (
        <>
          <TopBar showBack={screen !== 'home' && screen !== 'goodbye'} />
          <GoingHomeNotice />
          {screen === 'home' && <HomeScreen />}
          {screen === 'goodbye' && <GoodbyeScreen />}
          {screen !== 'home' && screen !== 'goodbye' && <FlowScreen flow={screen} />}
        </>
      )}
      {countdown !== null && <IdleWarning seconds={countdown} />}
    </div>
  );
}

/** Whether this page has laid out the home screen once already (in a warm-up or for real). */
let homeLaidOut = false;

/**
 * The first tap on attract lays out the home screen: at 6× CPU 110 ms of layout, most of it
 * shaping the tiles' CJK text for the first time (issue 16). Once attract has been idle for a
 * while, the top bar and home are laid out once, invisibly (hidden, inert, out of the flow), and
 * removed after that frame: the fonts' shaping caches are warm when a citizen taps. Once a page.
 */
function HomeWarmup() {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>(
    homeLaidOut ? 'done' : 'waiting',
  );
  useEffect(() => {
    if (phase === 'waiting') {
      // After attract's own start-up (its first paint and the devices' first statuses).
      const timer = window.setTimeout(() => whenIdle(() => setPhase('drawing'), 3000), 1000);
      return () => window.clearTimeout(timer);
    }
    if (phase === 'drawing') {
      homeLaidOut = true;
      const frame = requestAnimationFrame(() => window.setTimeout(() => setPhase('done'), 0));
      return () => cancelAnimationFrame(frame);
    }
    return undefined;
  }, [phase]);
  if (phase !== 'drawing') return null;
  return (
    <div class="home-warmup" aria-hidden="true" {...{ inert: true }}>
      <TopBar showBack={false} />
      <HomeScreen />
    </div>
  );
}

/** The running flow's view; while its code is still loading, nothing (the top bar stays). */
function FlowScreen({ flow }: { flow: FlowId }) {
  const ref = useSession((s) => s.children.flow as FlowActorRef | undefined);
  const View = useKiosk().flows.view(flow);
  const t = useMessages();
  if (!View || !ref)
    return (
      <main class="flow-loading" aria-busy="true">
        <p role="status">{t.opening}</p>
      </main>
    );
  return <View flow={ref} />;
}

/** 返回首页 pressed while a device works: it says home follows once that device is done. */
function GoingHomeNotice() {
  const work = useSession((s) => s.context.goingHome);
  const t = useMessages();
  if (!work) return null;
  return (
    <p class="going-home" role="status">
      {t.goingHome[work]}
    </p>
  );
}

/** In elderly mode each screen's prompt is spoken once when it appears. */
function useSpokenPrompt(screen: ScreenName, warning: boolean) {
  const { locale, elderly } = useMode();
  // A card left on the reader is said instead (CardReminder): nothing may talk over it.
  const cardOnReader = useSession((s) => s.context.cardOnReader);
  useEffect(() => {
    if (!elderly) return;
    if (cardOnReader && (screen === 'attract' || screen === 'goodbye')) return;
    const speech = messagesFor(locale).speech;
    if (warning) speak(speech.idle, locale);
    else if (screen === 'attract' || screen === 'home' || screen === 'goodbye')
      speak(speech[screen], locale);
  }, [screen, warning, elderly, locale, cardOnReader]);
}
