import { useRef } from 'preact/hooks';
import { useKiosk, useMessages, useMode, useSend, useSession } from '../session';
import { useSpokenPrompts } from './useSpokenPrompts';

/**
 * The bar on every screen but attract: hall name, Home, Back inside flows, language, elderly
 * mode. Every flow is drawn under it, so it also reads out the flow's prompts in elderly mode.
 */
export function TopBar({ showBack }: { showBack: boolean }) {
  const t = useMessages();
  const send = useSend();
  const { locale, elderly } = useMode();
  const { config } = useKiosk();
  const deviceAtWork = useSession((s) => s.context.busy !== null);
  const bar = useRef<HTMLElement>(null);
  useSpokenPrompts(bar);
  return (
    <header class="top-bar" ref={bar}>
      <div class="top-bar__hall" data-staff-entry>
        {config.hall.name[locale]}
      </div>
      <nav class="top-bar__nav" aria-label={t.nav.home}>
        {showBack && (
          <button
            type="button"
            class="nav-button"
            // 上一步 never stops a device at work (a card being read, a sheet printing).
            disabled={deviceAtWork}
            onClick={() => send({ type: 'user.back' })}
          >
            <span aria-hidden="true">‹ </span>
            {t.nav.back}
          </button>
        )}
        <button type="button" class="nav-button" onClick={() => send({ type: 'user.home' })}>
          <span aria-hidden="true">⌂ </span>
          {t.nav.home}
        </button>
      </nav>
      <SettingsButtons locale={locale} elderly={elderly} />
    </header>
  );
}

/**
 * Language and elderly-mode switches; attract shows them too. Each names what it switches to:
 * the elderly switch says 切换到长者模式 in the standard mode and 切换到标准模式 in elderly mode.
 */
export function SettingsButtons({ locale, elderly }: ReturnType<typeof useMode>) {
  const t = useMessages();
  const send = useSend();
  return (
    <div class="settings">
      <button
        type="button"
        class="setting-button"
        lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
        aria-label={`${t.nav.languageLabel}: ${t.nav.language}`}
        onClick={() =>
          send({ type: 'user.setLocale', locale: locale === 'zh-CN' ? 'en' : 'zh-CN' })
        }
      >
        {t.nav.language}
      </button>
      <button
        type="button"
        class="setting-button setting-button--mode"
        aria-label={elderly ? t.nav.elderlyOffLabel : t.nav.elderlyOnLabel}
        onClick={() => send({ type: 'user.setElderly', elderly: !elderly })}
      >
        <span class="setting-button__to">{t.nav.switchTo}</span>
        <span class="setting-button__mode">{elderly ? t.nav.elderlyOff : t.nav.elderlyOn}</span>
      </button>
    </div>
  );
}
