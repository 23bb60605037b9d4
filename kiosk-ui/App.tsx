import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ActorRef, AnyEventObject, Snapshot } from 'xstate';
import type { FlowId } from '../domain';
import { IdleWarning } from './components/IdleWarning';
import { TopBar } from './components/TopBar';
import { messagesFor } from './i18n';
import { AttractScreen } from './screens/AttractScreen';
import { GoodbyeScreen } from './screens/GoodbyeScreen';
import { HomeScreen } from './screens/HomeScreen';
import {
  KioskContext,
  screenOf,
  useMode,
  useSession,
  type KioskServices,
  type ScreenName,
} from './session';
import { speak } from './speech';

export type FlowActorRef = ActorRef<Snapshot<unknown>, AnyEventObject>;

/** A flow's screens: given the running flow actor, they render its state and send it events. */
export type FlowView = ComponentType<{ flow: FlowActorRef }>;

export interface AppProps extends KioskServices {
  flowViews: Partial<Record<FlowId, FlowView>>;
}

export function App({ flowViews, ...services }: AppProps) {
  return (
    <KioskContext.Provider value={services}>
      <Kiosk flowViews={flowViews} />
    </KioskContext.Provider>
  );
}

function Kiosk({ flowViews }: Pick<AppProps, 'flowViews'>) {
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
        <AttractScreen />
      ) : (
        <>
          <TopBar showBack={screen !== 'home' && screen !== 'goodbye'} />
          {screen === 'home' && <HomeScreen />}
          {screen === 'goodbye' && <GoodbyeScreen />}
          {screen !== 'home' && screen !== 'goodbye' && (
            <FlowScreen flow={screen} views={flowViews} />
          )}
        </>
      )}
      {countdown !== null && <IdleWarning seconds={countdown} />}
    </div>
  );
}

function FlowScreen({ flow, views }: { flow: FlowId; views: AppProps['flowViews'] }) {
  const ref = useSession((s) => s.children.flow as FlowActorRef | undefined);
  const View = views[flow];
  if (!View || !ref) return null;
  return <View flow={ref} />;
}

/** In elderly mode each screen's prompt is spoken once when it appears. */
function useSpokenPrompt(screen: ScreenName, warning: boolean) {
  const { locale, elderly } = useMode();
  useEffect(() => {
    if (!elderly) return;
    const speech = messagesFor(locale).speech;
    if (warning) speak(speech.idle, locale);
    else if (screen === 'attract' || screen === 'home' || screen === 'goodbye')
      speak(speech[screen], locale);
  }, [screen, warning, elderly, locale]);
}
