import type { Certificate } from './certificates';

/**
 * Applications (办件) as the back office keeps them, and the port the kiosk asks it through
 * (`ApplicationDesk`, beside the licence registry): which items a person or a business may do,
 * deciding a `kiosk` item, submitting a `submit` item, and where an application stands.
 */

/**
 * Where an application stands: 已受理 → 审核中 → 已办结, or 补正材料 (back to the applicant for
 * what is missing, then 审核中 again), or 不予受理 (refused, with the reason).
 */
export const APPLICATION_STATES = [
  'accepted',
  'reviewing',
  'correction',
  'completed',
  'rejected',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The moves the back office may make; anything else is refused. */
const MOVES: Readonly<Record<ApplicationState, readonly ApplicationState[]>> = {
  accepted: ['reviewing', 'rejected'],
  reviewing: ['correction', 'completed', 'rejected'],
  correction: ['reviewing', 'rejected'],
  completed: [],
  rejected: [],
};

export function canMove(from: ApplicationState, to: ApplicationState): boolean {
  return MOVES[from].includes(to);
}

/** Who applies: a person with their card, or a business through its legal representative. */
export type Applicant =
  | { kind: 'person'; idNumber: string; name: string }
  | {
      kind: 'business';
      creditCode: string;
      enterpriseName: string;
      representative: { idNumber: string; name: string };
    };

/** The ID number an application belongs to, for "only its applicant may see it". */
export function applicantIdNumber(applicant: Applicant): string {
  return applicant.kind === 'person' ? applicant.idNumber : applicant.representative.idNumber;
}

export interface ApplicationEvent {
  state: ApplicationState;
  /** ISO 8601 moment. */
  at: string;
  /** What staff wrote: the missing materials' summary, the refusal's reason, the result. */
  note?: string;
}

export interface Application {
  /** 申请编号, printed on the receipt slip and in its QR. */
  number: string;
  itemCode: string;
  itemName: string;
  /** The applicant's masked name and ID number (never the whole number on a screen). */
  applicantLabel: string;
  submittedAt: string;
  state: ApplicationState;
  /** Every state it has been in, oldest first (the first is `accepted`). */
  history: readonly ApplicationEvent[];
  /** 补正材料: exactly what to bring or send. */
  missing?: readonly string[];
  /** 不予受理: why. */
  reason?: string;
  /** 已办结: the result the applicant may print here (once, through the print journal). */
  result?: Certificate;
  /** The secret the receipt slip's QR carries beside the number (see `lookup`). */
  slipToken: string;
}

/** A `kiosk` item decided by the back office's rules: its result, or why not. */
export type KioskDecision =
  { granted: true; result: Certificate } | { granted: false; reason: string };

/** The form a `submit` item was filled with, and how many pages of materials were captured. */
export interface Submission {
  itemCode: string;
  applicant: Applicant;
  fields: Readonly<Record<string, string>>;
  /** The captured pages (images as data URLs), sent once and not kept by the kiosk. */
  pages: readonly string[];
  /** The applicant confirmed the declaration (告知承诺). */
  declared: true;
}

/** Why the back office did not take a lookup: unknown number, or another person's application. */
export type LookupRefusal = 'unknown' | 'not-yours';

export interface ApplicationDesk {
  /**
   * The name of the business with this credit code when the person with this ID number is its
   * legal representative (一照通办 acts for the business only then); null otherwise.
   */
  representedEnterprise(creditCode: string, idNumber: string): Promise<string | null>;
  /** Of these item codes, the ones this applicant may do (the rules may refuse some). */
  eligibleItems(applicant: Applicant, itemCodes: readonly string[]): Promise<string[]>;
  /** Decides a `kiosk` item now. */
  decide(itemCode: string, applicant: Applicant): Promise<KioskDecision>;
  /** Submits a `submit` item; the application comes back `accepted`, with its number. */
  submit(submission: Submission): Promise<Application>;
  /**
   * An application by its number, for the applicant whose card is on the reader (`idNumber`), or
   * for whoever holds the receipt slip (`slipToken`, carried in the slip's QR): a typed number
   * alone shows nothing, so a guessed number tells a stranger nothing.
   */
  lookup(query: {
    number: string;
    idNumber?: string;
    slipToken?: string;
  }): Promise<{ found: true; application: Application } | { found: false; why: LookupRefusal }>;
  /** The applications of the person with this card, newest first. */
  applicationsOf(idNumber: string): Promise<Application[]>;
}

/** The steps a citizen sees for an application: done, now, and to come. */
export interface ProgressStep {
  state: ApplicationState;
  status: 'done' | 'now' | 'next';
  at?: string;
  note?: string;
}

/**
 * The progress line of an application: what happened (from its history), where it is now, and
 * what comes next on the usual path (受理 → 审核 → 办结); a refused application has no next.
 */
export function progressOf(application: Application): ProgressStep[] {
  const steps: ProgressStep[] = application.history.map((event, i, all) => ({
    state: event.state,
    status: i === all.length - 1 ? 'now' : 'done',
    at: event.at,
    ...(event.note ? { note: event.note } : {}),
  }));
  const path: ApplicationState[] = ['accepted', 'reviewing', 'completed'];
  const now = application.state;
  if (now === 'completed' || now === 'rejected') {
    const last = steps[steps.length - 1];
    if (last) last.status = 'done';
    return steps;
  }
  const from = now === 'correction' ? path.indexOf('reviewing') : path.indexOf(now);
  for (const state of path.slice(from + 1)) steps.push({ state, status: 'next' });
  return steps;
}

/**
 * An application number: `SQ`, the hall day (YYYYMMDD), the kiosk's two-digit station, a
 * four-digit serial and a check digit (ISO 7064 MOD 11-10), so a mistyped number is caught on the
 * keyboard before it is looked up.
 */
export function applicationNumber(day: string, station: number, serial: number): string {
  const body = `${day.replaceAll('-', '')}${String(station).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  return `SQ${body}${mod11_10(body)}`;
}

export function isApplicationNumber(text: string): boolean {
  const match = /^SQ(\d{14})(\d)$/.exec(text.trim().toUpperCase());
  return match !== null && mod11_10(match[1] as string) === Number(match[2]);
}

function mod11_10(digits: string): number {
  let product = 10;
  for (const char of digits) {
    let sum = (Number(char) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}
