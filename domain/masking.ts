/**
 * Masking (脱敏) for anything shown on a screen or printed on a slip that others might see:
 * enough stays visible for the citizen to recognise their own data, not enough to copy it.
 */

const MASK = '*';

/**
 * Keeps the first 4 and the last 4 characters: the province and city stay visible, birth date and
 * sequence do not (1101**********002X). Shorter strings are masked whole.
 */
export function maskIdNumber(idNumber: string): string {
  const characters = Array.from(idNumber);
  if (characters.length <= 8) return MASK.repeat(characters.length);
  return (
    characters.slice(0, 4).join('') +
    MASK.repeat(characters.length - 8) +
    characters.slice(-4).join('')
  );
}

/** Name separators that stay visible: the middle dot of transcribed names (买买提·艾力) and spaces. */
const NAME_SEPARATORS = new Set(['·', '•', '・', '.', ' ', '-']);
const LATIN_NAME = /^[A-Za-z][A-Za-z .,'-]*$/;

/**
 * Chinese names keep their first character, and their last when they have three or more
 * (张*, 张*明, 欧**娜, 买**·**力); separators stay. Latin-letter names keep the first letter
 * of each word (J*** S****). Characters outside the BMP (rare names) count as one.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (LATIN_NAME.test(trimmed)) {
    return trimmed.replace(/[A-Za-z]+/g, (word) => word.charAt(0) + MASK.repeat(word.length - 1));
  }
  const characters = Array.from(trimmed);
  const letterPositions = characters
    .map((character, index) => (NAME_SEPARATORS.has(character) ? -1 : index))
    .filter((index) => index >= 0);
  const first = letterPositions[0];
  const last = letterPositions.length >= 3 ? letterPositions[letterPositions.length - 1] : first;
  return characters
    .map((character, index) =>
      NAME_SEPARATORS.has(character) || index === first || index === last ? character : MASK,
    )
    .join('');
}

/**
 * A mainland mobile number keeps its first 3 and last 4 digits (138****1234). Other numbers keep
 * only their last 4 characters.
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  if (/^1\d{10}$/.test(trimmed)) return `${trimmed.slice(0, 3)}****${trimmed.slice(7)}`;
  const characters = Array.from(trimmed);
  if (characters.length <= 4) return MASK.repeat(characters.length);
  return MASK.repeat(characters.length - 4) + characters.slice(-4).join('');
}
