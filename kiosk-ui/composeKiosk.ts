import { createActor, type InspectionEvent } from 'xstate';
import type { KioskDevices } from '../device-adapters';
import type { CatalogSource, HolderKeys, KioskConfig, PrintJournal, QueueService } from '../domain';
import type { RatingDesk } from '../domain/ratings';
import { createSessionMachine, deviceHealthMachine } from '../machines';
import { currentStatuses, watchDevices } from './devices';
import { FLOWS, FlowCatalogue, type DocumentServices, type FlowModule } from './flows';
import { lazyPort } from './lazyPort';
import { watchCardReader } from './cardReaderWatch';

/**
 * The part of the composition root that the browser page (main.tsx) and the chaos harness
 * (tests/chaos/kiosk.ts) share: the print journal settled before anyone can print, the flows
 * of the module list offered over the devices, and the session with the device-health supervisor.
 */
export async function composeKiosk(options: {
  devices: KioskDevices;
  config: KioskConfig;
  queue: QueueService;
  /** The kiosk's keyed hashes of ID numbers (stores/keys). */
  holderKeys: HolderKeys;
  /** The registry and print journal; null where the terminal has no document services. */
  documents: DocumentServices | null;
  /**
   * The hall's item catalog; by default the hall's file (`/catalog.json`), loaded with its
   * schema in a chunk of its own when a flow first asks.
   */
  catalog?: CatalogSource;
  /** Where 好差评 keeps ratings; without one the kiosk offers no rating. */
  ratings?: RatingDesk | null;
  /** A card lay on the reader as a visit ended (recorded for staff). */
  onCardLeft?: () => void;
  /** The privacy wipe's side effects on the page (DOM, storage). */
  wipeTraces: () => void;
  /** The flow modules; by default every flow this build has (kiosk-ui/flows/list.ts). */
  flows?: readonly FlowModule[];
  inspect?: (event: InspectionEvent) => void;
}) {
  const { devices, config, queue, holderKeys, documents } = options;
  // Before any citizen can print: settle what a crash or power cut left unconfirmed.
  if (documents) await settleJournal(documents.journal, devices);
  const flows = new FlowCatalogue(options.flows ?? FLOWS, {
    devices,
    config,
    queue,
    holderKeys,
    documents,
    catalog:
      options.catalog ??
      lazyPort<CatalogSource>(() =>
        import('../stores/catalog').then(({ FileCatalogSource }) => new FileCatalogSource()),
      ),
    ratings: options.ratings ?? null,
  });
  const implementations = flows.sessionImplementations();
  const session = createActor(
    createSessionMachine(flows.ids).provide({
      actors: {
        ...implementations.actors,
        deviceHealth: deviceHealthMachine.provide({
          actors: { watchDevices: watchDevices(devices) },
        }),
        // Whether a card lies on the reader (the card reminder); a card left as a visit ends is set aside.
        cardReader: watchCardReader(devices.idCard, options.onCardLeft),
      },
      guards: implementations.guards,
      actions: { wipeTraces: options.wipeTraces },
    }),
    {
      input: {
        timing: config.session,
        defaultLocale: config.defaultLocale,
        flows: flows.ids,
        requirements: flows.requirements,
        codeFlows: flows.codeFlows,
        deviceStatuses: currentStatuses(devices),
      },
      ...(options.inspect && { inspect: options.inspect }),
    },
  );
  return { flows, session };
}

/** Reconciles the journal against the printer; never throws (a kiosk must still boot). */
async function settleJournal(journal: PrintJournal, devices: KioskDevices): Promise<void> {
  // Only kiosks with document services reconcile: the rules come with the journal, not the entry.
  const { reconcileJournal } = await import('../domain/printJournal');
  const settled = await reconcileJournal(
    journal,
    devices.document.jobStatus?.bind(devices.document) ?? null,
  ).catch((error: unknown) => {
    console.error('The print journal could not be reconciled', error);
    return null;
  });
  if (settled && settled.needsCheck > 0)
    console.warn(`Print journal: ${settled.needsCheck} job(s) need a staff check`);
}
