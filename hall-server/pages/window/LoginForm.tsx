import { useState } from 'preact/hooks';
import type { LocalizedText } from '../../../domain/locale';
import { Bilingual } from '../Bilingual';
import { HallRequestError, hallRequest } from '../hallClient';
import { MESSAGES } from '../messages';
import type { StaffLogin } from './staffSession';

interface LoginAnswer {
  token: string;
  username: string;
  expiresAt: string;
}

/** POST /api/staff/login; a refusal says why in both languages and keeps the username typed. */
export function LoginForm({
  onLogin,
  notice,
}: {
  onLogin: (login: StaffLogin) => void;
  notice: LocalizedText | null;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) return setError(MESSAGES.loginNeedsBoth);
    setBusy(true);
    setError(null);
    try {
      const answer = await hallRequest<LoginAnswer>('/api/staff/login', {
        method: 'POST',
        body: { username: username.trim(), password },
      });
      onLogin({ token: answer.token, username: answer.username, expiresAt: answer.expiresAt });
    } catch (failure) {
      setError(loginRefusal(failure));
      // A wrong or locked login forgets the password typed; anything else keeps it for a retry.
      if (failure instanceof HallRequestError && [401, 423].includes(failure.status))
        setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="card login-card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>
          <Bilingual text={MESSAGES.loginTitle} />
        </h1>
        {notice && !error && (
          <p class="message info" role="status">
            <Bilingual text={notice} />
          </p>
        )}
        <label>
          <Bilingual text={MESSAGES.username} />
          <input
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </label>
        <label>
          <Bilingual text={MESSAGES.password} />
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="message error" role="alert">
            <Bilingual text={error} />
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          <Bilingual text={MESSAGES.signIn} />
        </button>
      </form>
    </main>
  );
}

function loginRefusal(failure: unknown): LocalizedText {
  if (!(failure instanceof HallRequestError)) return MESSAGES.requestFailed;
  if (failure.status === 423) {
    const until = (failure.body as { lockedUntil?: unknown } | null)?.lockedUntil;
    const time = typeof until === 'string' ? clockTime(until) : null;
    return time ? MESSAGES.lockedUntil(time) : MESSAGES.locked;
  }
  if (failure.status === 401) return MESSAGES.wrongLogin;
  return failure.text;
}

function clockTime(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
}
