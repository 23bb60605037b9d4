import type { Locale } from './locale';

/**
 * The citizen's services, one flow each, in the order home shows them.
 * A flow exists only when a later piece of work supplies its machine; home shows only those.
 */
export const FLOW_IDS = [
  'queue', // 取号
  'appointment', // 预约
  'licencePrint', // 证照打印
  'realEstate', // 不动产查询
  'idOnly', // 一证通办
  'guide', // 办事指南
  'progress', // 进度查询
  'rating', // 好差评
  'idCopy', // 身份证复印
] as const;

export type FlowId = (typeof FLOW_IDS)[number];

export function isFlowId(value: unknown): value is FlowId {
  return typeof value === 'string' && (FLOW_IDS as readonly string[]).includes(value);
}

/** How a flow ended: the citizen finished it, stepped back out of its first step, or went on to another flow. */
export type FlowOutcome = 'done' | 'back' | 'switch';

export interface FlowOutput {
  outcome: FlowOutcome;
  /** With 'switch': the flow to go on to (取号 at 2 a.m. → 预约). */
  next?: FlowId;
}

export function isFlowOutput(value: unknown): value is FlowOutput {
  if (typeof value !== 'object' || value === null || !('outcome' in value)) return false;
  if (value.outcome === 'switch') return 'next' in value && isFlowId(value.next);
  return value.outcome === 'done' || value.outcome === 'back';
}

/** What a flow is started with. Flows read the citizen's mode; the session keeps nothing else. */
export interface FlowInput {
  locale: Locale;
  elderly: boolean;
  /** A code the citizen scanned that this flow is to act on (an appointment slip's QR). */
  code?: string;
}
