import type { CalendarDate } from './calendarDate';
import { maskIdNumber } from './masking';

/** An address as the register keys it, from district down to the room: 区 › 街道 › 小区 › 幢 › 室. */
export type AddressPath = readonly string[];

export interface RealEstateOwner {
  name: string;
  idNumber: string;
  /** 共有情况, e.g. 单独所有, 共同共有, 按份共有 50%. */
  share: string;
}

/** 抵押 */
export interface Mortgage {
  /** 抵押权人 */
  holder: string;
  /** 被担保主债权数额, e.g. 120 万元. */
  amount: string;
  registeredOn: CalendarDate;
  /** 债务履行期限 until */
  until: CalendarDate;
}

/** 查封 */
export interface Seizure {
  /** 查封机关 */
  authority: string;
  /** 查封文号 */
  caseNumber: string;
  registeredOn: CalendarDate;
  until: CalendarDate;
}

/** A unit of real estate as the 不动产登记簿 holds it. */
export interface RealEstateRecord {
  /** 不动产单元号 (28 characters). */
  unitNumber: string;
  /** 不动产权证书号 */
  certificateNumber: string;
  address: AddressPath;
  /** 用途 */
  use: string;
  /** 建筑面积, m² */
  area: number;
  /** 权利类型 */
  rightType: string;
  /** 权利性质 */
  rightNature: string;
  owners: readonly RealEstateOwner[];
  mortgages: readonly Mortgage[];
  seizures: readonly Seizure[];
  /** The registry's verification page for results about this unit. */
  verifyUrl: string;
}

/** What a query shows: the public part always; the owners only to one of them. */
export interface RealEstateView {
  unitNumber: string;
  address: AddressPath;
  use: string;
  area: number;
  rightType: string;
  rightNature: string;
  /** 抵押: holder and date are public (the amount only to an owner). */
  mortgages: readonly (Omit<Mortgage, 'amount'> & { amount: string | null })[];
  seizures: readonly Seizure[];
  /** The owners, with masked ID numbers, when the viewer is one of them; else null. */
  owners: readonly { name: string; maskedId: string; share: string }[] | null;
  certificateNumber: string | null;
  viewerIsOwner: boolean;
  verifyUrl: string;
}

/**
 * What the register shows to whoever asks (不动产登记资料查询暂行办法): the natural state and
 * the restrictions (mortgage, seizure) to anyone; the owners and the certificate to an owner only,
 * matched by the ID number on the card they verified with.
 */
export function realEstateViewFor(
  record: RealEstateRecord,
  viewerIdNumber: string | null,
): RealEstateView {
  const isOwner =
    viewerIdNumber !== null && record.owners.some((o) => o.idNumber === viewerIdNumber);
  return {
    unitNumber: record.unitNumber,
    address: record.address,
    use: record.use,
    area: record.area,
    rightType: record.rightType,
    rightNature: record.rightNature,
    mortgages: record.mortgages.map((m) => ({ ...m, amount: isOwner ? m.amount : null })),
    seizures: record.seizures,
    owners: isOwner
      ? record.owners.map((o) => ({
          name: o.name,
          maskedId: maskIdNumber(o.idNumber),
          share: o.share,
        }))
      : null,
    certificateNumber: isOwner ? record.certificateNumber : null,
    viewerIsOwner: isOwner,
    verifyUrl: record.verifyUrl,
  };
}

/** The address on one line, as printed: 西湖区文三路街道金色家园3幢1单元502室. */
export function addressLine(address: AddressPath): string {
  return address.join('');
}
