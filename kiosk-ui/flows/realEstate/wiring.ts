import { fromPromise } from 'xstate';
import {
  realEstateViewFor,
  type KioskConfig,
  type LicenceRegistry,
  type PrintJournal,
} from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { realEstateMachine } from '../../../machines';
import {
  documentStepActors,
  guardedDocumentStores,
  prepareDocumentFlow,
  type IdentityServices,
} from '../../steps/documentWiring';

/** 不动产查询 wired to the register, the identity check, the journal and the printer. */
export function wireRealEstateFlow(
  devices: KioskDevices,
  config: KioskConfig,
  registry: LicenceRegistry,
  journalStore: PrintJournal,
  identityStores: IdentityServices,
) {
  const { journal, identity } = guardedDocumentStores(journalStore, identityStores);
  return realEstateMachine.provide({
    actors: {
      ...documentStepActors(devices, journal, config.deviceTimeouts, identity),
      prepare: prepareDocumentFlow(config),
      addressOptions: fromPromise(({ input }) => registry.addressOptions(input.path)),
      // The full record (with every owner's ID number) stays here: the flow gets the view only.
      lookUp: fromPromise(async ({ input }) => {
        const record = await registry.realEstateAt(input.path);
        return record
          ? {
              view: realEstateViewFor(record, input.card?.idNumber ?? null),
              queryId: `CX${Date.now().toString(36).toUpperCase()}${crypto.randomUUID().slice(0, 4).toUpperCase()}`,
            }
          : null;
      }),
    },
  });
}
