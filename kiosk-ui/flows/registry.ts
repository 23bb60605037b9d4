import { fromPromise, type AnyActorLogic } from 'xstate';
import { idCopyPage, type FlowId, type KioskConfig, type QueueService } from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import { idCopyMachine } from '../../machines';
import type { FlowView } from '../App';
import { IdCopyView } from './IdCopyView';
import { AppointmentView } from './AppointmentView';
import { wireAppointmentFlow } from './appointmentWiring';
import { QueueView } from './QueueView';
import { wireQueueFlow } from './queueWiring';

/** One citizen service: its machine (with its devices plugged in) and its screens. */
export interface FlowRegistration {
  id: FlowId;
  machine: AnyActorLogic;
  view: FlowView;
}

/** How long a device may take before the flow gives up and says so. */
export const DEVICE_TIMEOUTS = { captureMs: 15_000, documentPrintMs: 90_000 } as const;

/** The flows this build offers, wired to the devices. Each new flow is added here as it lands. */
export function registerFlows(
  devices: KioskDevices,
  config: KioskConfig,
  queue: QueueService,
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
    {
      id: 'idCopy',
      machine: idCopyMachine.provide({
        actors: {
          captureImage: fromPromise(({ input, signal }) =>
            devices.camera.capture(input.side, { timeoutMs: DEVICE_TIMEOUTS.captureMs, signal }),
          ),
          printCopy: fromPromise(({ input, signal }) =>
            devices.document.print(
              idCopyPage(
                input.front,
                input.back,
                new Date().toLocaleString('zh-CN'),
                config.kioskId,
              ),
              { timeoutMs: DEVICE_TIMEOUTS.documentPrintMs, signal },
            ),
          ),
        },
      }),
      view: IdCopyView as FlowView,
    },
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
