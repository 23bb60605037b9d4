/** Face verifications a person may fail in one round before the kiosk refuses politely. */
export const DEFAULT_FACE_TRIES = 3;

/**
 * The face lock-out: a card whose face checks keep failing is refused at this kiosk for a while,
 * and the person is sent to a window, so nobody can try a found or stolen card over and over.
 */
export interface FaceLockoutPolicy {
  /** Failed rounds (the identity step ending refused after its tries) before the lock-out. */
  rounds: number;
  /** Face checks in one round. */
  triesPerRound: number;
  /** How long the card is then refused here; failures older than this no longer count. */
  hours: number;
}

/** Whether a card may try its face here now; when not, until when (ISO 8601). */
export type CardLock = { locked: false } | { locked: true; until: string };

/**
 * A refusal for the staff console: when, at which kiosk, which card (its lock-out key, never a
 * name or number); `locked` when the lock-out began, `refused` for each try while it lasts.
 */
export interface FaceRefusal {
  id: string;
  /** ISO 8601 moment. */
  at: string;
  kioskId: string;
  holderKey: string;
  kind: 'locked' | 'refused';
  /** ISO 8601 moment the lock-out ends. */
  until: string;
}

/** The kiosk's memory of failed face checks per card (a stable holder key, never the number). */
export interface FaceLockout {
  /** Whether the card may try now; a card refused is recorded for staff. */
  check(holderKey: string): Promise<CardLock>;
  /** A face check the person failed (someone else, no face, no live face): counted; may lock. */
  recordFailure(holderKey: string): Promise<CardLock>;
  /** Every refusal recorded, oldest first (the staff console reads them). */
  refusals(): Promise<FaceRefusal[]>;
}
