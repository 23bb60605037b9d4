/**
 * The window console's staff session, kept in sessionStorage: it lasts as long as the browser
 * tab, and is gone when the tab is closed (a shared PC at a window keeps no login).
 */
export interface StaffLogin {
  token: string;
  username: string;
  expiresAt: string;
}

const SESSION_KEY = 'budayang.hall.staff';
const WINDOW_KEY = 'budayang.hall.window';

export function savedLogin(): StaffLogin | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const login = JSON.parse(raw) as Partial<StaffLogin>;
    if (typeof login.token !== 'string' || typeof login.username !== 'string') return null;
    if (typeof login.expiresAt === 'string' && Date.parse(login.expiresAt) < Date.now())
      return null;
    return { token: login.token, username: login.username, expiresAt: login.expiresAt ?? '' };
  } catch {
    return null;
  }
}

export function saveLogin(login: StaffLogin | null): void {
  if (login) sessionStorage.setItem(SESSION_KEY, JSON.stringify(login));
  else sessionStorage.removeItem(SESSION_KEY);
}

export function savedWindow(): number | null {
  const value = Number(sessionStorage.getItem(WINDOW_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function saveWindow(window: number | null): void {
  if (window === null) sessionStorage.removeItem(WINDOW_KEY);
  else sessionStorage.setItem(WINDOW_KEY, String(window));
}
