import type { FlowId } from '../../../domain';
import { appointmentDriver } from './appointment';
import { guideDriver } from './guide';
import { idCopyDriver } from './idCopy';
import { itemsDriver } from './items';
import { licencePrintDriver } from './licencePrint';
import { progressDriver } from './progress';
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
  items: itemsDriver,
  guide: guideDriver,
  progress: progressDriver,
};
