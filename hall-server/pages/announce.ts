/**
 * What the call display (叫号屏) says aloud, and the queue it says it from. Pure: the voice is
 * plugged in (the browser's speechSynthesis in display/voice.ts, a recorder in the tests).
 */

const CHINESE_DIGITS = '零一二三四五六七八九';

/** The call to announce: a ticket number and the window it is called to. */
export interface Call {
  number: string;
  window: number;
  recall: boolean;
}

/**
 * A ticket number as a Chinese hall reads it, sign by sign: “A012” → “A零一二” (not 「A十二」);
 * a reserve number “AR003” → “AR零零三”.
 */
export function spokenNumber(number: string): string {
  return [...number.replace(/\s+/g, '')]
    .map((sign) => (/\d/.test(sign) ? CHINESE_DIGITS[Number(sign)] : sign))
    .join('');
}

/** “请 A零一二 号到 3 号窗口”; a recall begins “再次呼叫，”. */
export function announcementText(call: Call): string {
  const text = `请 ${spokenNumber(call.number)} 号到 ${call.window} 号窗口`;
  return call.recall ? `再次呼叫，${text}` : text;
}

/** A voice that says one text and calls `done` once when it has finished (or failed). */
export interface Voice {
  say(text: string, done: () => void): void;
}

export interface AnnouncerOptions {
  /** Calls waiting to be said beyond this many drop the oldest (a backlog after a long cut). */
  maxPending?: number;
  /**
   * Goes on to the next call when a voice never reports the end of one (Chromium's speech
   * synthesis sometimes does not): this long per text, at least.
   */
  stuckMs?: (text: string) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Says calls one after the other, never cutting off the one playing; a call already announced
 * (the same event id, or an older one: event ids only grow) is not said again.
 */
export class CallAnnouncer {
  readonly #voice: Voice;
  readonly #maxPending: number;
  readonly #stuckMs: (text: string) => number;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (timer: unknown) => void;
  #pending: string[] = [];
  #speaking: string | null = null;
  #highest = 0;
  #turn = 0;

  constructor(voice: Voice, options: AnnouncerOptions = {}) {
    this.#voice = voice;
    this.#maxPending = options.maxPending ?? 8;
    this.#stuckMs = options.stuckMs ?? ((text) => 4_000 + 500 * [...text].length);
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer =
      options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** The calls with event ids up to this one were made before the display looked: not said. */
  startAfter(eventId: number): void {
    this.#highest = eventId;
  }

  /** Queues the call of event `eventId`; false when that event was announced already. */
  announce(eventId: number, call: Call): boolean {
    if (eventId <= this.#highest) return false;
    this.#highest = eventId;
    this.#pending.push(announcementText(call));
    if (this.#pending.length > this.#maxPending) this.#pending.shift();
    if (this.#speaking === null) this.#next();
    return true;
  }

  /** The text being said now, if any. */
  get speaking(): string | null {
    return this.#speaking;
  }

  /** The texts waiting their turn, in order. */
  get pending(): readonly string[] {
    return this.#pending;
  }

  #next(): void {
    const text = this.#pending.shift();
    if (text === undefined) {
      this.#speaking = null;
      return;
    }
    this.#speaking = text;
    const turn = ++this.#turn;
    let over = false;
    const finish = () => {
      if (over) return;
      over = true;
      this.#clearTimer(timer);
      if (turn === this.#turn) this.#next();
    };
    const timer = this.#setTimer(finish, this.#stuckMs(text));
    this.#voice.say(text, finish);
  }
}
