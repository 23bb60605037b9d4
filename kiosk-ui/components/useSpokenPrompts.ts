import { useEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../domain';
import { useMode } from '../session';

/**
 * In elderly mode, reads out the prompts of the flow on screen in the kiosk that holds `anchor`
 * (SpokenPrompts.ts, loaded the first time elderly mode is on: standard mode never carries it).
 * Attract, home and goodbye are spoken by the app shell. A privacy wipe remounts the app, which
 * stops the reading.
 */
export function useSpokenPrompts(anchor: { current: Element | null }): void {
  const { locale, elderly } = useMode();
  const language = useRef<Locale>(locale);
  language.current = locale;

  useEffect(() => {
    const kiosk = anchor.current?.closest('.kiosk') ?? anchor.current?.parentElement;
    if (!elderly || !kiosk) return;
    let stop: (() => void) | null = null;
    let gone = false;
    void import('./SpokenPrompts').then(({ readPromptsAloud }) => {
      if (!gone) stop = readPromptsAloud(kiosk, () => language.current);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [anchor, elderly]);
}
