import appointment from './appointment';
import guide from './guide';
import idCopy from './idCopy';
import items from './items';
import licencePrint from './licencePrint';
import progress from './progress';
import queue from './queue';
import rating from './rating';
import realEstate from './realEstate';
import type { FlowModule } from './flowModule';

/**
 * The citizen flows this build has, in the order home shows them. Adding a flow: its machine
 * file in machines/, its folder here (index.ts declares it), and one line in this list.
 */
export const FLOWS: readonly FlowModule[] = [
  queue,
  appointment,
  licencePrint,
  realEstate,
  idCopy,
  items,
  guide,
  progress,
  rating,
];
