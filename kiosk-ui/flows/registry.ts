import type { AnyActorLogic } from 'xstate';
import { wireIdCopyFlow } from './idCopy/wiring';
import {
  type FlowId,
  type KioskConfig,
  type LicenceRegistry,
  type PrintJournal,
  type QueueService,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import type { FlowView } from '../App';
import { IdCopyView } from './idCopy/IdCopyView';
import { AppointmentView } from './appointment/AppointmentView';
import { wireAppointmentFlow } from './appointment/wiring';
import { QueueView } from './queue/QueueView';
import { wireQueueFlow } from './queue/wiring';
import { wireLicencePrintFlow } from './licencePrint/wiring';
import { wireRealEstateFlow } from './realEstate/wiring';
import { LicencePrintView } from './licencePrint/LicencePrintView';
import { RealEstateView } from './realEstate/RealEstateView';

/** What the document flows need besides devices: the registry to ask and the journal to print through. */
export interface DocumentServices {
  registry: LicenceRegistry;
  journal: PrintJournal;
}

/** One citizen service: its machine (with its devices plugged in) and its screens. */
export interface FlowRegistration {
  id: FlowId;
  machine: AnyActorLogic;
  view: FlowView;
}

/**
 * The flows this build offers, wired to the devices. Each new flow is added here as it lands.
 * The document flows need a registry: a kiosk without one (no registry connection yet) has none.
 */
export function registerFlows(
  devices: KioskDevices,
  config: KioskConfig,
  queue: QueueService,
  documents: DocumentServices | null = null,
): FlowRegistration[] {
  return [
    ...(config.queue.services.length > 0
      ? [
          {
            id: 'queue' as const,
            machine: wireQueueFlow(devices, queue, config),
            view: QueueView as FlowView,
          },
          {
            id: 'appointment' as const,
            machine: wireAppointmentFlow(devices, queue, config),
            view: AppointmentView as FlowView,
          },
        ]
      : []),
    ...(documents
      ? [
          {
            id: 'licencePrint' as const,
            machine: wireLicencePrintFlow(devices, config, documents.registry, documents.journal),
            view: LicencePrintView as FlowView,
          },
          {
            id: 'realEstate' as const,
            machine: wireRealEstateFlow(devices, config, documents.registry, documents.journal),
            view: RealEstateView as FlowView,
          },
        ]
      : []),
    { id: 'idCopy', machine: wireIdCopyFlow(devices, config), view: IdCopyView as FlowView },
  ];
}

export function availableFlows(registered: readonly FlowRegistration[]) {
  return {
    ids: registered.map((f) => f.id),
    machines: Object.fromEntries(registered.map((f) => [f.id, f.machine])) as Partial<
      Record<FlowId, AnyActorLogic>
    >,
    views: Object.fromEntries(registered.map((f) => [f.id, f.view])) as Partial<
      Record<FlowId, FlowView>
    >,
  };
}
