import type { CalendarDate } from './calendarDate';

/** An enterprise (or 个体工商户) as the 电子证照库 holds its current registration. */
export interface Enterprise {
  /** 统一社会信用代码, GB 32100. */
  creditCode: string;
  name: string;
  /** 类型, e.g. 有限责任公司（自然人投资或控股）. */
  type: string;
  /** 法定代表人 (or 经营者 / 负责人, per `type`). */
  legalRepresentative: string;
  /** 注册资本, as the register words it, e.g. 壹佰万元整. */
  registeredCapital: string;
  /** 成立日期 */
  establishedOn: CalendarDate;
  /** 营业期限: until, or null for 长期. */
  termUntil: CalendarDate | null;
  /** 住所 */
  address: string;
  /** 经营范围 */
  businessScope: string;
  /** 登记机关 */
  authority: string;
}

/** How the person at the kiosk stands to the enterprise: only these may print its licence. */
export type EnterpriseRole = 'legal-representative' | 'agent';

/** 正本 or 副本 of a business licence. */
export type LicenceCopy = 'original' | 'duplicate';

/** Window staff allowed one more print of one sheet (补打), after the first was lost or spoiled. */
export interface ReprintAuthorisation {
  id: string;
  copy: LicenceCopy;
  index: number;
  /** The staff member who approved it, as the registry names them. */
  authorisedBy: string;
  /** ISO 8601 */
  authorisedAt: string;
}

/** A licence the registry issued (new registration or a change) and that waits to be printed. */
export interface LicenceIssuance {
  id: string;
  creditCode: string;
  reason: 'new' | 'change';
  /** 发照日期: the date printed under the authority's seal. */
  issuedOn: CalendarDate;
  /** How many 正本 and 副本 were granted. */
  originals: number;
  duplicates: number;
  /** The registry's verification page for this licence, encoded in the printed QR. */
  verifyUrl: string;
  reprints: readonly ReprintAuthorisation[];
}

/** A licence this person may print: the enterprise, their role, the issuance. */
export interface PrintableLicence {
  enterprise: Enterprise;
  role: EnterpriseRole;
  issuance: LicenceIssuance;
}

/** One sheet of paper of an issuance: 正本 1, 副本 2, or a reprint of one of them. */
export interface LicenceSheet {
  issuanceId: string;
  copy: LicenceCopy;
  /** 1-based, per copy kind. */
  index: number;
  /** Set when this sheet is a staff-authorised reprint. */
  reprint: string | null;
}

/** Every sheet an issuance grants, 正本 first, then the reprints staff authorised. */
export function sheetsOf(issuance: LicenceIssuance): LicenceSheet[] {
  const sheets: LicenceSheet[] = [];
  const add = (copy: LicenceCopy, count: number) => {
    for (let index = 1; index <= count; index += 1)
      sheets.push({ issuanceId: issuance.id, copy, index, reprint: null });
  };
  add('original', issuance.originals);
  add('duplicate', issuance.duplicates);
  for (const r of issuance.reprints)
    sheets.push({ issuanceId: issuance.id, copy: r.copy, index: r.index, reprint: r.id });
  return sheets;
}

/**
 * The print journal's idempotency key of a sheet: one issuance, one copy, one index, and for a
 * reprint the authorisation, so that each authorisation prints exactly one sheet more.
 */
export function sheetKey(sheet: LicenceSheet): string {
  const base = `licence:${sheet.issuanceId}:${sheet.copy}-${sheet.index}`;
  return sheet.reprint ? `${base}:reprint-${sheet.reprint}` : base;
}

/** 正本 / 副本 with its number, as printed and shown: 正本, 副本（1）… */
export function copyLabel(copy: LicenceCopy, index: number, count: number): string {
  const name = copy === 'original' ? '正本' : '副本';
  return count > 1 ? `${name}（${index}）` : name;
}
