import type { Locale } from '../domain';

/**
 * Speaks a screen's prompt in elderly mode. A terminal without speech synthesis or without a
 * voice for the language stays silent rather than reading Chinese with an English voice.
 */
export function speak(text: string, locale: Locale): void {
  const synth = globalThis.speechSynthesis;
  if (!synth) return;
  const prefix = locale === 'zh-CN' ? 'zh' : 'en';
  const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(prefix));
  if (!voice && synth.getVoices().length > 0) return;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = locale;
  utterance.rate = 0.9;
  if (voice) utterance.voice = voice;
  synth.speak(utterance);
}

export function stopSpeaking(): void {
  globalThis.speechSynthesis?.cancel();
}
