import { describe, expect, it } from 'vitest';
import { ALL_ONLINE, limitedFlows, unavailableFlows } from '../../../machines';
import { optionalDevicesOf, requirementsOf } from '../../../kiosk-ui/flows/flowModule';
import realEstate from '../../../kiosk-ui/flows/realEstate';

describe('不动产查询 with a device out', () => {
  const requirements = requirementsOf([realEstate]);
  const optional = optionalDevicesOf([realEstate]);

  it.each([
    [{ document: 'jam' as const }, ['document']],
    [{ document: 'paper-out' as const, face: 'offline' as const }, ['document', 'face']],
    [{ idCard: 'hardware-error' as const }, ['idCard']],
  ])('stays open while %o fails, and home learns what it cannot do', (faults, limits) => {
    const statuses = { ...ALL_ONLINE, ...faults };
    expect(unavailableFlows(statuses, ['realEstate'], requirements)).toEqual({});
    expect(limitedFlows(statuses, ['realEstate'], optional)).toEqual({ realEstate: limits });
  });
});
