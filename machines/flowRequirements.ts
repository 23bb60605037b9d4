import { isWorking, type DeviceKind, type DeviceStatus, type FlowId } from '../domain';

/**
 * The devices each flow cannot work without (as CUSS 2 marks components *required*), as the flow
 * modules declare them: while one of them is not working, home disables the flow's tile and says why.
 */
export type FlowRequirements = Readonly<Record<FlowId, readonly DeviceKind[]>>;

/** Why a flow is paused: the first required device that is not working, and its status. */
export interface DeviceProblem {
  device: DeviceKind;
  status: DeviceStatus;
}

export type DeviceStatuses = Readonly<Record<DeviceKind, DeviceStatus>>;

/**
 * What each flow cannot do now: its optional devices (the flow modules' `optional`) that are not
 * working. The flow stays open and is told at start; home says what is unavailable.
 */
export function limitedFlows(
  statuses: DeviceStatuses,
  flows: readonly FlowId[],
  optional: FlowRequirements,
): Partial<Record<FlowId, DeviceKind[]>> {
  const limits: Partial<Record<FlowId, DeviceKind[]>> = {};
  for (const flow of flows) {
    const down = (optional[flow] ?? []).filter((device) => !isWorking(statuses[device]));
    if (down.length > 0) limits[flow] = down;
  }
  return limits;
}

/** The devices not working now: what a flow is told at start (`FlowInput.unavailable`). */
export function devicesDown(statuses: DeviceStatuses): DeviceKind[] {
  return (Object.keys(statuses) as DeviceKind[]).filter((device) => !isWorking(statuses[device]));
}

export function unavailableFlows(
  statuses: DeviceStatuses,
  flows: readonly FlowId[],
  requirements: FlowRequirements,
): Partial<Record<FlowId, DeviceProblem>> {
  const problems: Partial<Record<FlowId, DeviceProblem>> = {};
  for (const flow of flows) {
    const broken = (requirements[flow] ?? []).find((device) => !isWorking(statuses[device]));
    if (broken) problems[flow] = { device: broken, status: statuses[broken] };
  }
  return problems;
}
