/** The three cards a resident-ID reader yields. */
export type IdCardType = 'resident' | 'foreign-permanent' | 'hmt-residence-permit';

/**
 * What an ID-card reader yields: 居民身份证, 外国人永久居留身份证, or 港澳台居民居住证.
 * Delivered as read, valid or not; flows check it with the rules in this folder before use.
 */
export interface IdCardRecord {
  cardType: IdCardType;
  /** 姓名 as printed; foreign cards: Chinese name if any, else English. */
  name: string;
  /** Foreign permanent-residence cards. */
  nameEn?: string;
  sex: 'M' | 'F';
  /** 民族, resident cards only. */
  nation?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address?: string;
  /** 18 characters with the GB 11643 check character. */
  idNumber: string;
  issuer: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD or 长期 (no end). */
  validTo: string;
  /** data: URL */
  photo?: string;
}
