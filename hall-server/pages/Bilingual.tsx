import type { LocalizedText } from '../../domain/locale';

/** Chinese first, English smaller beside or below it (the class decides). */
export function Bilingual({ text, class: className }: { text: LocalizedText; class?: string }) {
  return (
    <span class={className ? `bi ${className}` : 'bi'}>
      <span class="zh" lang="zh-CN">
        {text['zh-CN']}
      </span>{' '}
      <span class="en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

/** The 连接中断 banner, full width, while the live stream is down. */
export function ConnectionBanner({ text }: { text: LocalizedText }) {
  return (
    <div class="connection-banner" role="alert">
      <span class="zh" lang="zh-CN">
        {text['zh-CN']}
      </span>
      <span class="sep"> · </span>
      <span class="en" lang="en">
        {text.en}
      </span>
    </div>
  );
}
