import { useKiosk, useMessages, useMode, useSend } from '../session';

/** The bar on every screen but attract: hall name, Home, Back inside flows, language, elderly mode. */
export function TopBar({ showBack }: { showBack: boolean }) {
  const t = useMessages();
  const send = useSend();
  const { locale, elderly } = useMode();
  const { config } = useKiosk();
  return (
    <header class="top-bar">
      <div class="top-bar__hall">{config.hall.name[locale]}</div>
      <nav class="top-bar__nav" aria-label={t.nav.home}>
        {showBack && (
          <button type="button" class="nav-button" onClick={() => send({ type: 'user.back' })}>
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

/** Language and elderly-mode switches; attract shows them too. */
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
        class="setting-button"
        aria-pressed={elderly}
        aria-label={t.nav.elderlyLabel}
        onClick={() => send({ type: 'user.setElderly', elderly: !elderly })}
      >
        {elderly ? t.nav.elderlyOff : t.nav.elderlyOn}
      </button>
    </div>
  );
}
