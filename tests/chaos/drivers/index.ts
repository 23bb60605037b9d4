import type { FlowId } from '../../../domain';
import { appointmentDriver } from './appointment';
import { idCopyDriver } from './idCopy';
import { licencePrintDriver } from './licencePrint';
import { queueDriver } from './queue';
import { realEstateDriver } from './realEstate';
import type { FlowDriver } from './types';

/** The simulated citizen of each flow. A flow of the module list offered without one here is a finding. */
export const DRIVERS: Partial<Record<FlowId, FlowDriver<never>>> = {
  queue: queueDriver,
  appointment: appointmentDriver,
  licencePrint: licencePrintDriver,
  realEstate: realEstateDriver,
  idCopy: idCopyDriver,
};
