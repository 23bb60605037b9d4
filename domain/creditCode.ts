/**
 * 统一社会信用代码 (GB 32100-2015): registering authority, organisation type, six-digit region code,
 * nine-character organisation code, and a check character. The alphabet leaves out I, O, Z, S and V
 * so that no character can be misread as another.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const FIRST_17_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

/** The check character for the first 17 characters; throws on anything else, since that is a caller's bug. */
export function creditCheckCharacter(first17: string): string {
  if (!FIRST_17_SHAPE.test(first17)) {
    throw new Error(
      `creditCheckCharacter takes the first 17 characters of a credit code (digits and capitals without I O Z S V, characters 3–8 digits), got ${JSON.stringify(first17)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Whether this is a well-formed unified social credit code with the right check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  const first17 = code.slice(0, 17);
  if (!FIRST_17_SHAPE.test(first17)) return false;
  return creditCheckCharacter(first17) === code.charAt(17);
}
