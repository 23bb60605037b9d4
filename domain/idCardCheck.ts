import { calendarParts, isCalendarDate, type CalendarDate } from './calendarDate';
import type { IdCardRecord } from './idCardRecord';
import { birthDateOf, idNumberCardType, isValidIdNumber } from './idNumber';

/** 长期: the validity end printed on cards of people aged 46 and over at issue; it never expires. */
export const NO_END = '长期';

/** Why a card read from the reader cannot be used; flows branch on these. */
export type IdCardProblem =
  /** The number is not a valid number of any of the three cards. */
  | 'bad-number'
  /** The number is valid, but of another card type than the card says. */
  | 'number-type-mismatch'
  /** Not a real date, after today, or not the birth date the number carries. */
  | 'bad-birth-date'
  /** validTo is before today. */
  | 'expired'
  /** validFrom is after today. */
  | 'not-yet-valid'
  /** validFrom or validTo is not a date, or the card would end before it begins or begin before birth. */
  | 'bad-dates';

export type IdCardCheck = { ok: true } | { ok: false; problem: IdCardProblem };

/**
 * Whether a card can be used today. Problems are reported in the order a clerk would look:
 * the number, its card type, the birth date, the validity dates, then whether the card is in date.
 * Every number format of the three cards carries the birth date, so it must match for all of them.
 * A card is valid through its validTo day.
 */
export function checkIdCard(record: IdCardRecord, today: CalendarDate): IdCardCheck {
  const fail = (problem: IdCardProblem): IdCardCheck => ({ ok: false, problem });

  if (!isValidIdNumber(record.idNumber, today)) return fail('bad-number');
  if (idNumberCardType(record.idNumber) !== record.cardType) return fail('number-type-mismatch');
  if (
    !isCalendarDate(record.birthDate) ||
    record.birthDate > today ||
    record.birthDate !== birthDateOf(record.idNumber)
  ) {
    return fail('bad-birth-date');
  }
  const endless = record.validTo === NO_END;
  if (
    !isCalendarDate(record.validFrom) ||
    (!endless && !isCalendarDate(record.validTo)) ||
    (!endless && record.validTo < record.validFrom) ||
    record.validFrom < record.birthDate
  ) {
    return fail('bad-dates');
  }
  if (record.validFrom > today) return fail('not-yet-valid');
  if (!endless && record.validTo < today) return fail('expired');
  return { ok: true };
}

/**
 * Age in whole years (周岁) on `today`, going up on the birthday itself. Someone born on 29 February
 * turns a year older on 1 March in common years. Throws on a date that is not a real date.
 */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const birth = calendarParts(birthDate);
  const now = calendarParts(today);
  if (!birth || !now) {
    throw new Error(
      `ageOn takes two real YYYY-MM-DD dates, got ${JSON.stringify(birthDate)} and ${JSON.stringify(today)}`,
    );
  }
  const hadBirthday =
    now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}

/** Control characters (C0, DEL, C1) and the invisible bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Card text made safe to show, print and encode: no control characters, no broken characters. */
export function sanitiseCardText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd').trim();
}

/**
 * The record a reader delivered, with every text field sanitised (the photo, a data: URL, is left
 * as it is): a NUL in a name would end the printed page at it, a lone surrogate would break every
 * URI made of the preview. The card step applies it once, to every reader's output, before checking.
 */
export function sanitiseIdCardRecord(record: IdCardRecord): IdCardRecord {
  const clean = { ...record };
  for (const key of Object.keys(clean) as (keyof IdCardRecord)[]) {
    const value = clean[key];
    if (key !== 'photo' && typeof value === 'string')
      (clean as Record<string, unknown>)[key] = sanitiseCardText(value);
  }
  return clean;
}
