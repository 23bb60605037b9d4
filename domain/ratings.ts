/**
 * 好差评 (issue 14): a citizen rates what a visit finished, “一次一评” after GB/T 39734-2020;
 * a bad rating opens a work order that staff follow up within working days (GB/T 39735-2020).
 * Types and the names of things here; the rules (deadlines, the rates) in ratingRules.ts.
 */
import type { CalendarDate } from './calendarDate';
import type { FlowId } from './flows';
import { parseKioskCode } from './kioskCodes';

/** The five levels, best first, as GB/T 39734 names them. */
export const RATING_LEVELS = [
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_NAMES: Readonly<Record<RatingLevel, string>> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};

/** 差评: the two lowest levels; each opens a work order. */
export function isBadRating(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/** 好评: the three highest (好评率 counts them). */
export function isGoodRating(level: RatingLevel): boolean {
  return !isBadRating(level);
}

/** Why a citizen was not satisfied; `other` comes with their own words. */
export const RATING_REASONS = [
  'attitude',
  'efficiency',
  'materials',
  'device',
  'guide',
  'other',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

export const RATING_REASON_NAMES: Readonly<Record<RatingReason, string>> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  materials: '材料要求',
  device: '设备故障',
  guide: '指南不清',
  other: '其他',
};

/** What a visit finished, to be rated: never the person, only the service. */
export interface RatingSubject {
  /** The flow that finished it. */
  flow: FlowId;
  /** The catalog item's code, where the flow did an item; else the flow's own name for it. */
  itemCode: string | null;
  /** Words for the rating screen: 取号 A012, 营业执照打印, … */
  title: string;
  /** The queue service or window it concerned, where there was one. */
  service: string | null;
  /** What makes it once per item and visit (a ticket id, a job key, an application number). */
  key: string;
}

/** One rating as kept: the subject, the level, reasons, and a phone only with consent. */
export interface Rating {
  id: string;
  /** ISO 8601 moment. */
  at: string;
  kioskId: string;
  subject: RatingSubject;
  level: RatingLevel;
  reasons: readonly RatingReason[];
  /** The citizen's words for `other`, at most 200 characters. */
  otherText: string | null;
  /** A mobile number for a call-back, kept only when the citizen consented. */
  callbackPhone: string | null;
}

/** A rating offered and not given (skipped, or the visit timed out): counted for 未评价率. */
export interface RatingOffer {
  id: string;
  at: string;
  kioskId: string;
  subject: RatingSubject;
  /** Whether it was rated; an offer skipped or timed out stays false. */
  rated: boolean;
}

export type WorkOrderState = 'open' | 'called' | 'rectified' | 'closed';

/** One attempt to reach the citizen. */
export interface CallBack {
  /** ISO 8601 moment. */
  at: string;
  by: string;
  reached: boolean;
  note: string;
}

/** The follow-up of a bad rating: a deadline in working days, call-backs, rectification, close. */
export interface WorkOrder {
  /** The rating's id. */
  id: string;
  ratingId: string;
  openedAt: string;
  /** The last working day it is due (hall calendar). */
  dueDate: CalendarDate;
  state: WorkOrderState;
  callBacks: readonly CallBack[];
  rectification: string | null;
  rectifiedAt: string | null;
  closedAt: string | null;
  closingNote: string | null;
}

/** Working days a bad rating must be put right in, by default (GB/T 39735 practice). */
export const DEFAULT_RECTIFY_WORKING_DAYS = 15;

/** What the citizen gave on the rating screen. */
export interface GivenRating {
  level: RatingLevel;
  reasons: readonly RatingReason[];
  otherText: string | null;
  /** Only with the citizen's consent; a mobile number. */
  callbackPhone: string | null;
}

/** Where the rating flow keeps what it is given: the console's store now, the hall server later. */
export interface RatingDesk {
  /** Records that a rating was offered (counted for 主动评价率); the offer's id. */
  offer(subject: RatingSubject): Promise<string>;
  /** Keeps the rating of an offer; a bad one opens its work order. */
  rate(offerId: string, subject: RatingSubject, given: GivenRating): Promise<void>;
}

/** A mainland mobile number (the call-back number): 11 digits starting 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** The most the 其他 reason's words may hold. */
export const OTHER_TEXT_MAX = 200;

/**
 * What a slip the kiosk printed earlier lets its holder rate from the 好差评 tile: the ticket, the
 * appointment or the application it stands for (null for a code that is none of ours). Only the
 * slip's id is read: the rating knows the service, never who held the slip.
 */
export function subjectOfCode(text: string): RatingSubject | null {
  const code = parseKioskCode(text);
  if (!code) return null;
  if (code.kind === 'ticket')
    return { flow: 'queue', itemCode: null, title: '取号', service: null, key: `T:${code.id}` };
  if (code.kind === 'appointment')
    return {
      flow: 'appointment',
      itemCode: null,
      title: '预约',
      service: null,
      key: `A:${code.id}`,
    };
  const [number = code.id] = code.id.split('.');
  return {
    flow: 'items',
    itemCode: null,
    title: `申请 ${number}`,
    service: null,
    key: `S:${number}`,
  };
}
