import { isWorking, type DeviceKind, type DeviceStatus, type FlowId } from '../domain';

/**
 * The devices each flow cannot work without (as CUSS 2 marks components *required*): while one
 * of them is not working, home disables the flow's tile and says why.
 */
export const FLOW_REQUIREMENTS: Readonly<Record<FlowId, readonly DeviceKind[]>> = {
  queue: ['receipt'],
  appointment: ['idCard', 'receipt'],
  licencePrint: ['idCard', 'face', 'document'],
  // Anyone may query; verifying as the owner needs the reader and the verifier, printing the printer.
  realEstate: ['document'],
  idOnly: ['idCard'],
  guide: [],
  progress: [],
  rating: [],
  idCopy: ['camera', 'document'],
};

/** Why a flow is paused: the first required device that is not working, and its status. */
export interface DeviceProblem {
  device: DeviceKind;
  status: DeviceStatus;
}

export type DeviceStatuses = Readonly<Record<DeviceKind, DeviceStatus>>;

export function unavailableFlows(
  statuses: DeviceStatuses,
  flows: readonly FlowId[],
): Partial<Record<FlowId, DeviceProblem>> {
  const problems: Partial<Record<FlowId, DeviceProblem>> = {};
  for (const flow of flows) {
    const broken = FLOW_REQUIREMENTS[flow].find((device) => !isWorking(statuses[device]));
    if (broken) problems[flow] = { device: broken, status: statuses[broken] };
  }
  return problems;
}
