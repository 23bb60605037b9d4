import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createActor } from 'xstate';
import type { KioskConfig } from '../../domain';
import { staffMachine } from '../../machines';
import { HallQueueService, HttpHallAdmin, type HallFetch } from '../../stores/hall';
import { consoleServices, type ConsoleServices } from '../staff/consoleServices';
import { ConsoleContext } from '../staff/StaffConsole';
import { staffText } from '../staff/staffText';
import { AuditSection } from '../staff/sections/AuditSection';
import { HoursSection } from '../staff/sections/HoursSection';
import { ImportSection } from '../staff/sections/ImportSection';
import { ItemsSection } from '../staff/sections/ItemsSection';
import { RatingsSection } from '../staff/sections/RatingsSection';
import { SettingsSection } from '../staff/sections/SettingsSection';
import { TodaySection } from '../staff/sections/TodaySection';
import { HallDevicesSection } from './HallDevicesSection';
import { HallPageContext, type StaffFetch } from './hallContext';
import { hallConsoleDevices } from './noLocalDevices';
import {
  forgetSession,
  keepSession,
  login,
  logout,
  storedSession,
  type StaffSession,
} from './session';

/**
 * The hall's 管理 page (/admin on the hall server): staff sign in with their own account (this
 * replaces the kiosk console's PIN), then work the console's sections over HTTP for the whole
 * hall. The sections that belong to one kiosk — its print journal (打印记录), its printers' test
 * page and its face-check lockouts — stay on that kiosk's own console; 设备状态 here lists every
 * kiosk of the hall instead.
 */

type HallSection =
  'devices' | 'today' | 'items' | 'import' | 'hours' | 'settings' | 'ratings' | 'audit';

const SECTIONS: Record<HallSection, { title: string; view: () => preact.JSX.Element }> = {
  devices: { title: staffText.sections.devices, view: HallDevicesSection },
  today: { title: staffText.sections.today, view: TodaySection },
  items: { title: staffText.sections.items, view: ItemsSection },
  import: { title: staffText.sections.import, view: ImportSection },
  hours: { title: staffText.sections.hours, view: HoursSection },
  settings: { title: staffText.sections.settings, view: SettingsSection },
  ratings: { title: staffText.sections.ratings, view: RatingsSection },
  audit: { title: staffText.sections.audit, view: AuditSection },
};

/** What each role may open: a window clerk reads the hall's devices and the day, no more. */
const ROLE_SECTIONS: Record<StaffSession['role'], readonly HallSection[]> = {
  admin: ['devices', 'today', 'items', 'import', 'hours', 'settings', 'ratings', 'audit'],
  window: ['devices', 'today'],
};

const words = {
  title: '大厅管理',
  subtitle: 'Hall administration',
  username: '用户名 Username',
  password: '密码 Password',
  signIn: '登录',
  signingIn: '正在登录…',
  signedInAs: (name: string, role: string) => `${name}（${role === 'admin' ? '管理员' : '窗口'}）`,
  logout: '退出',
  expired: {
    zh: '登录已过期或已在别处退出，请重新登录。',
    en: 'The session has ended; sign in again.',
  },
  configFailed:
    '大厅配置（/kiosk.config.json）读取失败，请稍后刷新本页。The hall configuration could not be read; reload later.',
  loading: '正在读取大厅配置…',
  kioskOnly:
    '打印记录、打印测试页和人脸核验锁定记录属于单台终端，请在该终端的管理台查看。Print records, test pages and face-check lockouts belong to one kiosk: see that kiosk’s own console.',
  saved: '已保存到大厅服务器。',
};

/** A fetch on this origin that carries the session's token and notices a session ended (401). */
function authorised(session: StaffSession, ended: () => void) {
  const watch = (response: Response) => {
    if (response.status === 401) ended();
    return response;
  };
  const staffFetch: StaffFetch = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${session.token}`);
    return fetch(path, { ...init, headers }).then(watch);
  };
  const hallFetch: HallFetch = (request) => fetch(request).then(watch);
  return { staffFetch, hallFetch };
}

async function hallConfig(): Promise<KioskConfig> {
  const { loadConfig } = await import('../loadConfig');
  // No memory: this page shows the hall's file as it is, never a kiosk's last good copy.
  const loaded = await loadConfig('/kiosk.config.json', null);
  if (!loaded.usable) throw new Error(loaded.problems.join('; '));
  return loaded.config;
}

export function HallAdminPage() {
  const [session, setSession] = useState<StaffSession | null>(() => storedSession(new Date()));
  const [config, setConfig] = useState<KioskConfig | null>(null);
  const [configFailed, setConfigFailed] = useState(false);
  const [notice, setNotice] = useState<{ zh: string; en: string } | null>(null);

  useEffect(() => {
    hallConfig().then(setConfig, (error: unknown) => {
      console.error('The hall configuration could not be read', error);
      setConfigFailed(true);
    });
  }, []);

  const signIn = (next: StaffSession) => {
    keepSession(next);
    setNotice(null);
    setSession(next);
  };
  const signOut = async (why: { zh: string; en: string } | null) => {
    if (session && !why) await logout(session);
    forgetSession();
    setNotice(why);
    setSession(null);
  };

  if (configFailed)
    return (
      <main class="hall-admin hall-admin--centered">
        <p role="alert" class="staff-error">
          {words.configFailed}
        </p>
      </main>
    );
  if (!config)
    return (
      <main class="hall-admin hall-admin--centered" aria-busy="true">
        <p>{words.loading}</p>
      </main>
    );
  if (!session) return <LoginForm config={config} notice={notice} onSignedIn={signIn} />;
  return (
    <SignedIn
      key={session.token}
      session={session}
      fileConfig={config}
      onLogout={() => void signOut(null)}
      onExpired={() => void signOut(words.expired)}
    />
  );
}

function LoginForm({
  config,
  notice,
  onSignedIn,
}: {
  config: KioskConfig;
  notice: { zh: string; en: string } | null;
  onSignedIn: (session: StaffSession) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ zh: string; en: string } | null>(notice);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await login(username, password, config.hall.timeZone);
    setBusy(false);
    if (outcome.ok) return onSignedIn(outcome.session);
    // The username stays; the password is typed again.
    setPassword('');
    setProblem(outcome.message);
    passwordInput.current?.focus();
  };

  return (
    <main class="hall-admin hall-admin--centered">
      <form
        class="hall-login"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="login-title"
      >
        <h1 id="login-title">
          {config.hall.name['zh-CN']} · {words.title}
          <span class="hall-login__sub" lang="en">
            {words.subtitle}
          </span>
        </h1>
        <p role="alert" class="staff-error">
          {problem && (
            <>
              {problem.zh}
              <br />
              <span lang="en">{problem.en}</span>
            </>
          )}
        </p>
        <label class="staff-field">
          {words.username}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </label>
        <label class="staff-field">
          {words.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            ref={passwordInput}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="staff-button staff-button--primary" disabled={busy}>
          {busy ? words.signingIn : words.signIn}
        </button>
      </form>
    </main>
  );
}

function SignedIn({
  session,
  fileConfig,
  onLogout,
  onExpired,
}: {
  session: StaffSession;
  fileConfig: KioskConfig;
  onLogout: () => void;
  onExpired: () => void;
}) {
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const built = useMemo(() => {
    const { staffFetch, hallFetch } = authorised(session, () => expired.current());
    const admin = new HttpHallAdmin({ baseUrl: '/', token: session.token, fetch: hallFetch });
    // 今日概况 reads tickets and appointments with the session's token; this page never issues
    // tickets, so no reserve blocks are fetched and no timers run.
    const queue = new HallQueueService({
      url: '/',
      token: session.token,
      kioskId: 'hall-admin',
      services: fileConfig.queue.services,
      calendar: { hours: fileConfig.officeHours, ...fileConfig.calendar },
      timeZone: fileConfig.hall.timeZone,
      fetch: hallFetch,
      autoStart: false,
      databaseName: 'budayang-hall-admin-queue',
    });
    const services: ConsoleServices = consoleServices({
      admin,
      config: fileConfig,
      fileConfig,
      fileCatalog: {
        current: () =>
          import('../../stores/catalog').then(({ FileCatalogSource }) =>
            new FileCatalogSource().current(),
          ),
      },
      devices: hallConsoleDevices(),
      queue,
      journal: null,
      faceLockout: null,
      hallWide: true,
    });
    return { services, staffFetch, queue };
  }, [session, fileConfig]);
  useEffect(() => () => void built.queue.close(), [built]);

  // The console's machine is the kiosk's PIN door; here the login is the door, and the actor
  // only stands in the sections' context (no section reads it). It is never started.
  const staff = useMemo(() => createActor(staffMachine), []);
  const [section, setSection] = useState<HallSection>('devices');
  const [saved, setSaved] = useState(false);
  const allowed = ROLE_SECTIONS[session.role];
  const Section = SECTIONS[section].view;

  return (
    <HallPageContext.Provider value={{ session, staffFetch: built.staffFetch }}>
      <ConsoleContext.Provider
        value={{ services: built.services, staff, changed: () => setSaved(true) }}
      >
        <div class="staff-console hall-admin" lang="zh-CN">
          <header class="staff-console__bar">
            <h1 class="staff-console__title">{words.title}</h1>
            <span class="staff-console__hall">
              {fileConfig.hall.name['zh-CN']}
              {saved && <span class="hall-admin__saved"> · {words.saved}</span>}
            </span>
            <span>{words.signedInAs(session.username, session.role)}</span>
            <button type="button" class="staff-button" onClick={onLogout}>
              {words.logout}
            </button>
          </header>
          <div class="staff-console__body">
            <nav class="staff-nav" aria-label={staffText.sectionsLabel}>
              {allowed.map((id) => (
                <button
                  key={id}
                  type="button"
                  class="staff-nav__item"
                  aria-current={id === section ? 'page' : undefined}
                  onClick={() => setSection(id)}
                >
                  {SECTIONS[id].title}
                </button>
              ))}
              <p class="hall-admin__kiosk-only">{words.kioskOnly}</p>
            </nav>
            <main class="staff-section" aria-label={SECTIONS[section].title}>
              <Section key={section} />
            </main>
          </div>
        </div>
      </ConsoleContext.Provider>
    </HallPageContext.Provider>
  );
}
