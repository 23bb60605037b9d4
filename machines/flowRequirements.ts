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
