import { useEffect, useRef } from 'preact/hooks';
import type { KeyboardOptions } from 'simple-keyboard/build/interfaces';

/**
 * The keyboards a kiosk screen may take text with: `pinyin` (letters, with the Chinese candidates
 * of what was typed, so 不动产 can be typed as "budongchan" or searched as "bdc"), `alphanumeric`
 * (capital letters and digits: credit codes, application numbers) and `digits` (telephone
 * numbers).
 */
export type KeyboardLayout = 'pinyin' | 'alphanumeric' | 'digits';

const LAYOUTS: Readonly<Record<KeyboardLayout, string[]>> = {
  pinyin: [
    '1 2 3 4 5 6 7 8 9 0',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    'z x c v b n m {bksp}',
    '{clear} {space}',
  ],
  alphanumeric: [
    '1 2 3 4 5 6 7 8 9 0',
    'Q W E R T Y U I O P',
    'A S D F G H J K L',
    'Z X C V B N M {bksp}',
    '{clear}',
  ],
  digits: ['1 2 3', '4 5 6', '7 8 9', '{clear} 0 {bksp}'],
};

/** What the loaded keyboard gives us: a small part of simple-keyboard's API. */
interface KeyboardInstance {
  setInput(input: string): void;
  getInput(): string;
  destroy(): void;
}

/**
 * simple-keyboard, its styles and (for pinyin) the Chinese candidates: loaded only when a screen
 * that takes text is shown, in chunks of their own, never on the citizen's path before that.
 */
async function loadKeyboard(layout: KeyboardLayout) {
  const { admitPlainTextHtml } = await import('../trustedTypes');
  admitPlainTextHtml();
  const [{ default: Keyboard }, candidates] = await Promise.all([
    // The package's main file is a UMD bundle; its ES module build is the one to bundle.
    import('simple-keyboard/build/index.modern.esm.js'),
    layout === 'pinyin'
      ? import('simple-keyboard-layouts/build/layouts/chinese').then(
          // The layout's type leaves out the candidates it carries (pinyin → characters).
          (m) =>
            (m.default as { layoutCandidates?: KeyboardOptions['layoutCandidates'] })
              .layoutCandidates ?? null,
        )
      : Promise.resolve(null),
    import('simple-keyboard/build/css/index.css'),
    import('./keyboard.css'),
  ]);
  return { Keyboard, candidates };
}

/**
 * A large on-screen keyboard under the text it types: every change goes to `onInput` (the flow's
 * machine keeps the text), and the text is shown above the keys. Destroyed when the screen goes,
 * so nothing typed stays in it.
 */
export function OnScreenKeyboard(props: {
  value: string;
  onInput: (text: string) => void;
  layout: KeyboardLayout;
  maxLength: number;
  /** What is typed, for the output's label (search, credit code, telephone number). */
  label: string;
  placeholder?: string;
  clearLabel: string;
  deleteLabel: string;
  spaceLabel: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<KeyboardInstance | null>(null);
  const onInput = useRef(props.onInput);
  onInput.current = props.onInput;
  const value = useRef(props.value);
  value.current = props.value;

  useEffect(() => {
    let gone = false;
    void loadKeyboard(props.layout).then(({ Keyboard, candidates }) => {
      if (gone || !host.current) return;
      const options: KeyboardOptions = {
        layout: { default: LAYOUTS[props.layout] },
        display: {
          '{bksp}': props.deleteLabel,
          '{clear}': props.clearLabel,
          '{space}': props.spaceLabel,
        },
        maxLength: props.maxLength,
        theme: 'hg-theme-default kiosk-keyboard',
        preventMouseDownDefault: true,
        disableButtonHold: true,
        ...(candidates
          ? {
              layoutCandidates: candidates,
              enableLayoutCandidates: true,
              layoutCandidatesPageSize: 7,
            }
          : {}),
        onChange: (text: string) => onInput.current(text.slice(0, props.maxLength)),
        onKeyPress: (button: string) => {
          if (button !== '{clear}') return;
          keyboard.current?.setInput('');
          onInput.current('');
        },
      };
      const made = new Keyboard(host.current, options) as KeyboardInstance;
      made.setInput(value.current);
      keyboard.current = made;
    });
    return () => {
      gone = true;
      keyboard.current?.destroy();
      keyboard.current = null;
    };
  }, [props.layout, props.maxLength, props.clearLabel, props.deleteLabel, props.spaceLabel]);

  // A value changed by the flow (cleared, trimmed) is what the keyboard types on from.
  useEffect(() => {
    const made = keyboard.current;
    if (made && made.getInput() !== props.value) made.setInput(props.value);
  }, [props.value]);

  return (
    <div class="keyboard">
      <output class="keyboard__value" aria-label={props.label} aria-live="polite">
        {props.value || <span class="keyboard__placeholder">{props.placeholder ?? ''}</span>}
      </output>
      <div ref={host} class="keyboard__keys" data-layout={props.layout} />
    </div>
  );
}
