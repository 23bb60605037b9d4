/**
 * Who may call the hall server: kiosks by their token, staff by a session from a password login.
 *
 * - Kiosk tokens are random strings shown once at registration; the store keeps only their
 *   SHA-256, looked up on every call. A body's `kioskId` must be the token's kiosk.
 * - Staff passwords are kept as scrypt hashes (node:crypto, salted, with their parameters). Wrong
 *   passwords lock the login exactly as wrong PINs lock the console (domain/hallAdmin.ts
 *   `afterWrongPin` / `isEntryLocked`: the fifth in a row locks for 5 min, then 15, 45 …).
 * - A login opens a session: a random token, its SHA-256 kept with a 12 h expiry.
 * - Window staff may use the window actions; admins everything.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { afterWrongPin, isEntryLocked } from '../domain';
import type { HallStore, StaffSession, StaffUserRecord } from './store/hallStore';

export const SESSION_HOURS = 12;

/** The demo hall's kiosks and their demo-only tokens (documented as such in the README). */
export const DEMO_KIOSKS = ['kiosk-01', 'kiosk-02', 'kiosk-03', 'kiosk-04'] as const;
export const demoKioskToken = (kioskId: string): string => `demo-${kioskId}`;
/** The demo staff users' password: the mock console PIN (demo only). */
export const DEMO_STAFF_PASSWORD = '246810';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh random token (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spent on an unknown user, so a wrong name takes as long as a wrong password. */
let dummyHash: Promise<string> | null = null;

export type LoginOutcome =
  | { ok: true; token: string; session: StaffSession }
  | { ok: false; reason: 'wrong'; hallId: string | null }
  | { ok: false; reason: 'locked'; hallId: string; lockedUntil: string };

/**
 * Checks a staff login, keeps the lock up to date and writes the audit log (login, refusal,
 * lock). A locked login is refused without looking at the password.
 */
export async function login(
  store: HallStore,
  username: string,
  password: string,
  now: Date,
): Promise<LoginOutcome> {
  const user = await store.staffUser(username);
  if (!user) {
    dummyHash ??= hashPassword('not a password');
    await verifyPassword(password, await dummyHash);
    return { ok: false, reason: 'wrong', hallId: null };
  }
  const at = now.toISOString();
  if (isEntryLocked(user, now) && user.lockedUntil !== null) {
    await store.audit(user.hallId, {
      at,
      actor: username,
      action: 'login-refused-locked',
      detail: `locked until ${user.lockedUntil}`,
    });
    return { ok: false, reason: 'locked', hallId: user.hallId, lockedUntil: user.lockedUntil };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const lock = afterWrongPin(user, now);
    await store.saveStaffUser({ ...user, ...lock });
    if (lock.lockedUntil) {
      await store.audit(user.hallId, {
        at,
        actor: username,
        action: 'login-locked',
        detail: `${lock.locks}. lock, until ${lock.lockedUntil}`,
      });
      return { ok: false, reason: 'locked', hallId: user.hallId, lockedUntil: lock.lockedUntil };
    }
    await store.audit(user.hallId, {
      at,
      actor: username,
      action: 'login-refused',
      detail: `wrong password (${lock.wrong} in a row)`,
    });
    return { ok: false, reason: 'wrong', hallId: user.hallId };
  }
  if (user.wrong !== 0 || user.locks !== 0 || user.lockedUntil !== null)
    await store.saveStaffUser({ ...user, wrong: 0, locks: 0, lockedUntil: null });
  const token = randomToken();
  const session: StaffSession = {
    tokenHash: sha256(token),
    hallId: user.hallId,
    username,
    role: user.role,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await store.createSession(session);
  await store.audit(user.hallId, { at, actor: username, action: 'login', detail: user.role });
  return { ok: true, token, session };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S{8,512})\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export type Role = StaffSession['role'];

/** Whether a role may do what needs `needed`: admins may do everything. */
export function roleAllows(role: Role, needed: Role): boolean {
  return role === 'admin' || role === needed;
}

/**
 * The demo hall's kiosks (kiosk-01 … kiosk-04, tokens demo-kiosk-01 …) and staff users (`admin`
 * and `window`, password 246810): demo only. Each is added only when missing, so a restart
 * changes nothing.
 */
export async function seedDemoAccess(store: HallStore, hallId = 'demo'): Promise<string[]> {
  const added: string[] = [];
  for (const kioskId of DEMO_KIOSKS) {
    const tokenHash = sha256(demoKioskToken(kioskId));
    if (await store.kioskByTokenHash(tokenHash)) continue;
    await store.registerKiosk(hallId, kioskId, tokenHash);
    added.push(kioskId);
  }
  for (const [username, role] of [
    ['admin', 'admin'],
    ['window', 'window'],
  ] as const) {
    if (await store.staffUser(username)) continue;
    const user: StaffUserRecord = {
      hallId,
      username,
      passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
      role,
      wrong: 0,
      locks: 0,
      lockedUntil: null,
    };
    await store.saveStaffUser(user);
    added.push(username);
  }
  return added;
}
