import type { Unsubscribe } from '../device';
import type { CodeScanner, ScannedCode } from '../codeScanner';
import { StatusDevice } from '../shared/statusCell';

export interface WedgeScannerOptions {
  /** Where the scanner's keystrokes arrive; the window by default. */
  target?: EventTarget;
  /** The longest gap between a scanner's keystrokes; people type slower. */
  maxGapMs?: number;
  /** The shortest code that counts as a scan. */
  minLength?: number;
  /** A burst with no Enter ends after this pause. */
  endPauseMs?: number;
}

/**
 * A handheld keyboard-wedge scanner (the first choice on terminals that have one): it "types" a
 * code as a burst of keystrokes ending in Enter. A burst is told from a person by the gaps
 * between keys; once the second quick key shows it is a scanner, its keys are kept from inputs
 * (the very first key may already have reached a focused input — citizen screens have none).
 * A wedge scanner reports nothing of itself, so its status is always 'online'.
 */
export class WedgeScanner extends StatusDevice<'scanner'> implements CodeScanner {
  readonly #target: EventTarget;
  readonly #maxGapMs: number;
  readonly #minLength: number;
  readonly #endPauseMs: number;
  #listeners = new Set<(code: ScannedCode) => void>();
  #running = false;
  #buffer = '';
  #lastKeyAt = 0;
  #endTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: WedgeScannerOptions = {}) {
    super('scanner', 'online');
    this.#target = options.target ?? window;
    this.#maxGapMs = options.maxGapMs ?? 30;
    this.#minLength = options.minLength ?? 4;
    this.#endPauseMs = options.endPauseMs ?? 50;
  }

  get running(): boolean {
    return this.#running;
  }

  onCode(listener: (code: ScannedCode) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#target.addEventListener('keydown', this.#onKey, { capture: true });
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#target.removeEventListener('keydown', this.#onKey, { capture: true });
    clearTimeout(this.#endTimer);
    this.#buffer = '';
  }

  readonly #onKey = (event: Event) => {
    const key = event as KeyboardEvent;
    // Chrome's autofill sends keydown events without a key (crbug.com/581537): not a keystroke.
    if (typeof key.key !== 'string') return;
    const now = key.timeStamp;
    const quick = this.#buffer.length > 0 && now - this.#lastKeyAt <= this.#maxGapMs;
    this.#lastKeyAt = now;
    if (key.key === 'Enter') {
      if (quick && this.#buffer.length >= this.#minLength) {
        key.preventDefault();
        this.#deliver();
      }
      this.#buffer = '';
      return;
    }
    if (key.key.length !== 1) return;
    if (!quick) this.#buffer = '';
    this.#buffer += key.key;
    if (this.#buffer.length >= 2) key.preventDefault();
    clearTimeout(this.#endTimer);
    this.#endTimer = setTimeout(() => {
      if (this.#buffer.length >= this.#minLength) this.#deliver();
      this.#buffer = '';
    }, this.#endPauseMs);
  };

  #deliver(): void {
    clearTimeout(this.#endTimer);
    const code: ScannedCode = { text: this.#buffer, source: 'wedge', at: Date.now() };
    this.#buffer = '';
    for (const listener of [...this.#listeners]) listener(code);
  }
}
