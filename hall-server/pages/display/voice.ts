import type { Voice } from '../announce';

/**
 * The browser's speech synthesis as the display's voice, in zh-CN. A new text waits its turn in
 * CallAnnouncer; nothing here cancels what is being said. `onBlocked` hears when the browser
 * refuses to speak before someone has touched the page (a TV kiosk runs Chromium with
 * --autoplay-policy=no-user-gesture-required, as deploy/watchdog does).
 */
export function browserVoice(onBlocked: (blocked: boolean) => void): Voice | null {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return {
    say(text, done) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.85;
      const voice =
        synth.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-') === 'zh-cn') ??
        synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh'));
      if (voice) utterance.voice = voice;
      utterance.onend = () => {
        onBlocked(false);
        done();
      };
      utterance.onerror = (event) => {
        if (event.error === 'not-allowed') onBlocked(true);
        done();
      };
      synth.speak(utterance);
    },
  };
}
