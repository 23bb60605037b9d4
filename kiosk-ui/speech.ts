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

/**
 * A code read out sign by sign: “A012” as “A 0 1 2”, which a zh-CN voice reads 「A 零 一 二」
 * rather than 「A 十二」. For queue numbers, which callers read the same way.
 */
export function spelled(code: string): string {
  return [...code.replace(/\s+/g, '')].join(' ');
}

/**
 * The parts of a screen read out as one utterance: each part ends in a full stop, so the voice
 * pauses between them (“取号 · 税务办理。请将身份证放在读卡区。”).
 */
export function utteranceOf(parts: readonly string[], locale: Locale): string {
  const stop = locale === 'zh-CN' ? '。' : '.';
  return parts
    .map((part) => part.replace(/\s+/g, ' ').replace(/[…]+$/u, '').trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part))
    .map((part) => (/[。！？!?.，,：:；;]$/u.test(part) ? part : `${part}${stop}`))
    .join(locale === 'zh-CN' ? '' : ' ');
}
