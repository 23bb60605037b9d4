import { PIN_PATTERN, type PinRecord } from '../../domain';

const SALT_BYTES = 16;
const HASH_BITS = 256;

/**
 * Hashes a console PIN for keeping: PBKDF2-SHA-256 over a fresh 16-byte salt, so two kiosks (or
 * two settings) of the same PIN never share a hash. WebCrypto, as in the browser and Node 20.
 */
export async function hashPin(pin: string, now: Date, iterations = 310_000): Promise<PinRecord> {
  if (!PIN_PATTERN.test(pin))
    throw new Error('a console PIN is 6 to 12 digits; check it with PIN_PATTERN before hashing');
  if (!Number.isSafeInteger(iterations) || iterations < 1)
    throw new Error(`PBKDF2 iterations must be a positive whole number, not ${iterations}`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(pin, salt, iterations);
  return { salt: toBase64(salt), hash: toBase64(hash), iterations, setAt: now.toISOString() };
}

/** Whether `pin` is the one `record` was made from, compared in constant time. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  // hashPin never keeps such a PIN, so it cannot be the right one.
  if (!PIN_PATTERN.test(pin)) return false;
  const expected = fromBase64(record.hash);
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  // Every byte is looked at, whatever differs first: the time taken tells nothing of the hash.
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < Math.max(expected.length, actual.length); i += 1)
    difference |= (expected[i] ?? 0) ^ (actual[i] ?? 0);
  return difference === 0;
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
