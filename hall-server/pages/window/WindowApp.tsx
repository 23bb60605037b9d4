import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HallWindow, QueueServiceView } from '../../../domain/hallProtocol';
import type { LocalizedText } from '../../../domain/locale';
import { Bilingual } from '../Bilingual';
import { HallRequestError, hallRequest } from '../hallClient';
import { MESSAGES } from '../messages';
import { LoginForm } from './LoginForm';
import { WindowConsole } from './WindowConsole';
import { saveLogin, saveWindow, savedLogin, savedWindow, type StaffLogin } from './staffSession';

/** 窗口: staff sign in, pick their window, and work the queue from it. */
export function WindowApp() {
  const [login, setLogin] = useState<StaffLogin | null>(savedLogin);
  const [window, setWindow] = useState<number | null>(savedWindow);
  const [notice, setNotice] = useState<LocalizedText | null>(null);

  const signIn = (next: StaffLogin) => {
    saveLogin(next);
    setNotice(null);
    setLogin(next);
  };
  const signOut = useCallback(
    (why: LocalizedText | null) => {
      if (login && why === null)
        void hallRequest('/api/staff/logout', { method: 'POST', token: login.token }).catch(
          () => undefined,
        );
      saveLogin(null);
      setNotice(why);
      setLogin(null);
    },
    [login],
  );
  const choose = (next: number | null) => {
    saveWindow(next);
    setWindow(next);
  };

  if (!login) return <LoginForm onLogin={signIn} notice={notice} />;
  if (window === null) return <WindowPicker login={login} onPick={choose} onSignOut={signOut} />;
  return (
    <WindowConsole
      login={login}
      window={window}
      onChangeWindow={() => choose(null)}
      onSignOut={signOut}
    />
  );
}

function WindowPicker({
  login,
  onPick,
  onSignOut,
}: {
  login: StaffLogin;
  onPick: (window: number) => void;
  onSignOut: (why: LocalizedText | null) => void;
}) {
  const [windows, setWindows] = useState<HallWindow[] | null>(null);
  const [services, setServices] = useState<QueueServiceView[]>([]);
  const [error, setError] = useState<LocalizedText | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [list, serviceList] = await Promise.all([
        hallRequest<HallWindow[]>('/api/windows', { token: login.token }),
        hallRequest<QueueServiceView[]>('/api/queue/services'),
      ]);
      setWindows(list);
      setServices(serviceList);
    } catch (failure) {
      if (failure instanceof HallRequestError && failure.status === 401)
        return onSignOut(MESSAGES.sessionExpired);
      setError(failure instanceof HallRequestError ? failure.text : MESSAGES.requestFailed);
    }
  }, [login.token, onSignOut]);
  useEffect(() => void load(), [load]);

  return (
    <div class="console">
      <header class="console-header">
        <Bilingual text={MESSAGES.consoleTitle} class="console-title" />
        <span class="who">
          <Bilingual text={MESSAGES.signedInAs(login.username)} />
        </span>
        <button type="button" onClick={() => onSignOut(null)}>
          <Bilingual text={MESSAGES.signOut} />
        </button>
      </header>
      <main class="picker">
        <h1>
          <Bilingual text={MESSAGES.pickWindow} />
        </h1>
        {error && (
          <p class="message error" role="alert">
            <Bilingual text={error} />{' '}
            <button type="button" onClick={() => void load()}>
              <Bilingual text={MESSAGES.retry} />
            </button>
          </p>
        )}
        {windows && windows.length === 0 && (
          <p class="message info">
            <Bilingual text={MESSAGES.noWindows} />
          </p>
        )}
        <div class="window-grid">
          {windows?.map((w) => (
            <button
              type="button"
              key={w.number}
              class="window-choice"
              onClick={() => onPick(w.number)}
            >
              <Bilingual text={MESSAGES.windowNo(w.number)} class="window-choice-name" />
              <span class="window-services">
                {w.services
                  .map((code) => services.find((s) => s.code === code)?.name['zh-CN'] ?? code)
                  .join('、')}
              </span>
            </button>
          ))}
        </div>
      </main>
    </div>
  );
}
