import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from 'xstate';
import type { SessionEvent, SessionMachine } from '../machines';
import type { FlowId, KioskConfig, Locale } from '../domain';
import type { FlowCatalogue } from './flows/flowCatalogue';
import { messagesFor, type Messages } from './i18n';
import { shallowEqual, useSelector } from './useSelector';

export type SessionActor = Actor<SessionMachine>;
export type SessionSnapshot = ReturnType<SessionActor['getSnapshot']>;

/** What every screen may read: the running session and the hall's configuration. */
export interface KioskServices {
  session: SessionActor;
  config: KioskConfig;
  /** Problems found in the configuration file; the defaults are in use when there are any. */
  configProblems: readonly string[];
  /** The flows this kiosk offers: their tiles, and their views once loaded. */
  flows: FlowCatalogue;
}

export const KioskContext = createContext<KioskServices | null>(null);

export function useKiosk(): KioskServices {
  const services = useContext(KioskContext);
  if (!services) {
    throw new Error(
      'useKiosk() must be used inside <KioskContext.Provider>; mount screens through <App>.',
    );
  }
  return services;
}

export function useSession<T>(
  selector: (snapshot: SessionSnapshot) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  return useSelector(useKiosk().session, selector, isEqual);
}

export function useSend(): (event: SessionEvent) => void {
  const { session } = useKiosk();
  return (event) => session.send(event);
}

/** The words for the citizen's current language. */
export function useMessages(): Messages {
  return messagesFor(useSession((s) => s.context.locale));
}

/** Words in both languages, Chinese first; a flow or a shared step keeps its own beside it. */
export type LocaleMessages<M> = Readonly<Record<Locale, M>>;

/** The name of a flow's tile in the citizen's current language. */
export function useFlowTitle(): (flow: FlowId) => string {
  const { flows } = useKiosk();
  const locale = useSession((s) => s.context.locale);
  return (flow) => flows.title(flow, locale);
}

/** The words of one flow or step in the citizen's current language. */
export function useLocalised<M>(messages: LocaleMessages<M>): M {
  return messages[useSession((s) => s.context.locale)];
}

export type ScreenName = 'attract' | 'home' | 'goodbye' | FlowId;

export function screenOf(snapshot: SessionSnapshot): ScreenName {
  if (snapshot.matches('attract')) return 'attract';
  if (snapshot.matches({ active: { screen: 'goodbye' } })) return 'goodbye';
  return snapshot.context.flow ?? 'home';
}

export function useMode(): { locale: SessionSnapshot['context']['locale']; elderly: boolean } {
  return useSession(
    (s) => ({ locale: s.context.locale, elderly: s.context.elderly }),
    shallowEqual,
  );
}
