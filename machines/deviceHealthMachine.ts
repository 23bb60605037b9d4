import { assign, fromCallback, sendParent, setup } from 'xstate';
import { DEVICE_KINDS, type DeviceKind, type DeviceStatus } from '../domain';
import type { DeviceStatuses } from './flowRequirements';

export type DeviceHealthEvent = { type: 'device.status'; device: DeviceKind; status: DeviceStatus };

/** Sent to the parent (the session) whenever a device's status changes. */
export interface HealthChangedEvent {
  type: 'health.changed';
  statuses: DeviceStatuses;
}

export interface DeviceHealthInput {
  /** Each device's status when the supervisor starts. */
  statuses: DeviceStatuses;
}

const allDevices = (status: DeviceStatus): DeviceStatuses =>
  Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, status])) as Record<
    DeviceKind,
    DeviceStatus
  >;

export const ALL_ONLINE = allDevices('online');
export const ALL_OFFLINE = allDevices('offline');

/**
 * The device-health supervisor: follows every device's status (the composition root supplies
 * `watchDevices`, which sends `device.status` for each change) and tells the session, which
 * pauses the flows a broken device would fail (see flowRequirements.ts).
 */
export const deviceHealthMachine = setup({
  types: {
    context: {} as { statuses: DeviceStatuses },
    input: {} as DeviceHealthInput,
    events: {} as DeviceHealthEvent,
  },
  actors: {
    /** Subscribes to every device's status; a kiosk without devices has nothing to follow. */
    watchDevices: fromCallback<DeviceHealthEvent>(() => () => {}),
  },
  actions: {
    tellSession: sendParent(({ context }): HealthChangedEvent => ({
      type: 'health.changed',
      statuses: context.statuses,
    })),
  },
  delays: { rewatch: 5_000 },
}).createMachine({
  id: 'deviceHealth',
  context: ({ input }) => ({ statuses: input.statuses }),
  on: {
    'device.status': {
      actions: [
        assign({
          statuses: ({ context, event }) => ({ ...context.statuses, [event.device]: event.status }),
        }),
        'tellSession',
      ],
    },
  },
  initial: 'watching',
  states: {
    watching: {
      invoke: { src: 'watchDevices', onError: 'lost' },
    },
    // Following the devices failed: nothing is known, so every device counts as offline until
    // the watch is set up again.
    lost: {
      entry: [assign({ statuses: ALL_OFFLINE }), 'tellSession'],
      after: { rewatch: 'watching' },
    },
  },
});
