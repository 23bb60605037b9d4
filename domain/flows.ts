import type { DeviceKind } from './deviceStatus';
import type { Locale } from './locale';
import type { RatingSubject } from './ratings';

/**
 * A citizen's service (取号, 预约, 证照打印, …), named by its flow module's id
 * (kiosk-ui/flows/<id>/): the list of modules, not a table here, says which exist.
 */
export type FlowId = string;

/** How a flow ended: the citizen finished it, stepped back out of its first step, or went on to another flow. */
export type FlowOutcome = 'done' | 'back' | 'switch';

export interface FlowOutput {
  outcome: FlowOutcome;
  /** With 'switch': the flow to go on to (取号 at 2 a.m. → 预约). */
  next?: FlowId;
  /** With 'done': what the flow finished, for the citizen to rate (好差评, once per visit). */
  rate?: RatingSubject;
}

export function isFlowOutput(value: unknown): value is FlowOutput {
  if (typeof value !== 'object' || value === null || !('outcome' in value)) return false;
  if (value.outcome === 'switch') return 'next' in value && typeof value.next === 'string';
  return value.outcome === 'done' || value.outcome === 'back';
}

/** What a flow is started with. Flows read the citizen's mode; the session keeps nothing else. */
export interface FlowInput {
  locale: Locale;
  elderly: boolean;
  /** A code the citizen scanned that this flow is to act on (an appointment slip's QR). */
  code?: string;
  /**
   * The devices not working as the flow starts: a flow with optional devices (its module's
   * `optional`) leaves out the steps that need them (不动产查询 shows results, but no Print).
   */
  unavailable?: readonly DeviceKind[];
  /** For 好差评: what the visit just finished. */
  rating?: RatingSubject;
}
