import type { Locale } from '../../domain';
import { speak, spelled, utteranceOf } from '../speech';

/**
 * What a flow's screen says to a citizen, as the view kit draws it: the step's heading, its
 * prompts (`.flow__prompt`, the card, face and choice prompts of every flow and shared step),
 * notices and failures (`.notice`, `role="alert"`), explanations (`.flow__explain`) and the
 * ticket number (`.ticket-number`). A view can add an element with `data-speak`, spell one out
 * with `data-speak="spell"`, or keep one quiet with `data-speak="off"`.
 */
export const SPOKEN =
  'h1, h2, .flow__prompt, .notice, [role="alert"], .flow__explain, .ticket-number, [data-speak]';

const SPELLED = '.ticket-number, [data-speak="spell"]';

/** The spoken parts of a screen, in the order they are drawn; hidden and nested ones left out. */
export function spokenParts(screen: Element): string[] {
  const parts: string[] = [];
  const taken: Element[] = [];
  for (const element of screen.querySelectorAll(SPOKEN)) {
    if (element.closest('[data-speak="off"]')) continue;
    if (taken.some((outer) => outer.contains(element))) continue;
    if (element.closest('[hidden]')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    taken.push(element);
    parts.push(element.matches(SPELLED) ? spelled(text) : text);
  }
  return parts;
}

/**
 * Says each part of a screen once: when the screen changes, what is new on it (a step's
 * prompt, a failure, the number) and nothing already said while it stayed in view. A re-render
 * that changes no words says nothing; a part that went away and comes back is said again.
 */
export class PromptSpeaker {
  #said: readonly string[] = [];

  constructor(private readonly say: (parts: string[]) => void) {}

  /** The parts now on screen; `null` when no flow is drawn (home, goodbye), which forgets all. */
  show(parts: readonly string[] | null): void {
    if (parts === null) {
      this.#said = [];
      return;
    }
    const fresh = parts.filter((part) => !this.#said.includes(part));
    this.#said = [...parts];
    if (fresh.length > 0) this.say(fresh);
  }

  /** Forgets what was said: the next screen is read out whole (elderly mode switched on). */
  forget(): void {
    this.#said = [];
  }
}

/** How long the screen must stay still before it is read out: a passing state is not spoken. */
const SETTLE_MS = 250;

/**
 * Reads out the prompts of the flow on screen (`main.flow` inside `kiosk`) as they change, one
 * mechanism for every flow and shared step: a view draws its prompts with the kit's classes and
 * is spoken without a call of its own. Returns the function that stops it.
 */
export function readPromptsAloud(kiosk: Element, language: () => Locale): () => void {
  const speaker = new PromptSpeaker((parts) => speak(utteranceOf(parts, language()), language()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    timer = undefined;
    const screen = kiosk.querySelector('main.flow');
    speaker.show(screen ? spokenParts(screen) : null);
  };
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(read, SETTLE_MS);
  };
  const observer = new MutationObserver(later);
  observer.observe(kiosk, { childList: true, subtree: true, characterData: true });
  later();
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
