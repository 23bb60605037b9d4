import { createActor, type InspectionEvent } from 'xstate';
import type { KioskDevices } from '../device-adapters';
import {
  reconcileJournal,
  type KioskConfig,
  type PrintJournal,
  type QueueService,
} from '../domain';
import { deviceHealthMachine, sessionMachine } from '../machines';
import { currentStatuses, watchDevices } from './devices';
import { availableFlows, registerFlows, type DocumentServices } from './flows/registry';

/**
 * The part of the composition root that the browser page (main.tsx) and the chaos harness
 * (tests/chaos/kiosk.ts) share: the print journal settled before anyone can print, the flows
 * registered over the devices, and the session with the device-health supervisor.
 */
export async function composeKiosk(options: {
  devices: KioskDevices;
  config: KioskConfig;
  queue: QueueService;
  /** The registry and print journal; null where the terminal has no document services. */
  documents: DocumentServices | null;
  /** The privacy wipe's side effects on the page (DOM, storage). */
  wipeTraces: () => void;
  inspect?: (event: InspectionEvent) => void;
}) {
  const { devices, config, queue, documents } = options;
  // Before any citizen can print: settle what a crash or power cut left unconfirmed.
  if (documents) await settleJournal(documents.journal, devices);
  const flows = availableFlows(registerFlows(devices, config, queue, documents));
  const session = createActor(
    sessionMachine.provide({
      actors: {
        ...flows.machines,
        deviceHealth: deviceHealthMachine.provide({
          actors: { watchDevices: watchDevices(devices) },
        }),
      },
      actions: { wipeTraces: options.wipeTraces },
    }),
    {
      input: {
        timing: config.session,
        defaultLocale: config.defaultLocale,
        flows: flows.ids,
        deviceStatuses: currentStatuses(devices),
      },
      ...(options.inspect && { inspect: options.inspect }),
    },
  );
  return { flows, session };
}

/** Reconciles the journal against the printer; never throws (a kiosk must still boot). */
async function settleJournal(journal: PrintJournal, devices: KioskDevices): Promise<void> {
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
