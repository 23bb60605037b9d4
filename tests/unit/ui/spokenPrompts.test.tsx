// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PromptSpeaker, spokenParts } from '../../../kiosk-ui/components/SpokenPrompts';
import { spelled, utteranceOf } from '../../../kiosk-ui/speech';

/** A flow's screen as the view kit draws it. */
function screen(children: preact.ComponentChildren): Element {
  const root = document.createElement('div');
  render(<main class="flow">{children}</main>, root);
  return root.querySelector('main') as Element;
}

describe('what a flow screen says in elderly mode', () => {
  it('reads the heading, prompts, notices and failures in order, and spells the ticket number', () => {
    const parts = spokenParts(
      screen(
        <>
          <h1 class="screen-title">取号 · 税务办理</h1>
          <section class="flow__step">
            <p class="notice notice--failure" role="alert">
              凭条未能打印，但号码有效
            </p>
            <p class="flow__prompt">您的号码</p>
            <p class="ticket-number">B012</p>
            <button type="button">完成</button>
          </section>
        </>,
      ),
    );
    expect(parts).toEqual(['取号 · 税务办理', '凭条未能打印，但号码有效', '您的号码', 'B 0 1 2']);
  });

  it('leaves out buttons, hidden parts, parts marked off, and a part inside another', () => {
    const parts = spokenParts(
      screen(
        <>
          <p class="flow__prompt flow__prompt--big">请将身份证放在读卡区</p>
          <p class="flow__prompt" hidden>
            看不见的
          </p>
          <p class="flow__prompt" data-speak="off">
            不读的
          </p>
          <div class="notice">
            <p class="flow__prompt">只读一次</p>
          </div>
          <button type="button" class="tile">
            商事登记
          </button>
        </>,
      ),
    );
    expect(parts).toEqual(['请将身份证放在读卡区', '只读一次']);
  });
});

describe('PromptSpeaker', () => {
  const rig = () => {
    const said: string[][] = [];
    return { said, speaker: new PromptSpeaker((parts) => said.push(parts)) };
  };

  it('says what is new on the screen, and nothing for a re-render with the same words', () => {
    const { said, speaker } = rig();
    speaker.show(['取号', '请选择要办理的业务']);
    speaker.show(['取号', '请选择要办理的业务']);
    speaker.show(['取号 · 商事登记', '请将身份证放在读卡区']);
    speaker.show(['取号 · 商事登记', '请将身份证放在读卡区', '正在读取身份证…']);
    expect(said).toEqual([
      ['取号', '请选择要办理的业务'],
      ['取号 · 商事登记', '请将身份证放在读卡区'],
      ['正在读取身份证…'],
    ]);
  });

  it('says a prompt again when its step comes back, and everything after home or forget()', () => {
    const { said, speaker } = rig();
    speaker.show(['请将身份证放在读卡区']);
    speaker.show(['未能读取身份证，请重新放置。']);
    speaker.show(['请将身份证放在读卡区']);
    speaker.show(null);
    speaker.show(['请将身份证放在读卡区']);
    speaker.forget();
    speaker.show(['请将身份证放在读卡区']);
    expect(said).toHaveLength(5);
  });
});

describe('the words for the voice', () => {
  it('spells a queue number sign by sign, as a zh-CN voice reads it well', () => {
    expect(spelled('A012')).toBe('A 0 1 2');
    expect(spelled(' D 001 ')).toBe('D 0 0 1');
  });

  it('ends each part with a stop and drops ellipses and parts without words', () => {
    expect(
      utteranceOf(['取号 · 税务办理', '正在打印凭条…', '…', '您的号码', 'B 0 0 1'], 'zh-CN'),
    ).toBe('取号 · 税务办理。正在打印凭条。您的号码。B 0 0 1。');
    expect(utteranceOf(['Your number', 'B 0 0 1'], 'en')).toBe('Your number. B 0 0 1.');
  });
});
