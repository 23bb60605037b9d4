import { assign, fromPromise, setup } from 'xstate';
import type { FlowOutcome, FlowOutput } from '../domain';
import type { CaptureSide, CapturedImage, DeviceErrorCode } from '../device-adapters';
import type { FlowInput } from '../domain/flows';
import { failureOf, unprovidedActor } from './deviceFailure';
import { flowStates, type FlowTag } from './steps/flowStates';
import { jobWith, printStepMachine } from './steps/printStep';

/** What the copy is printed from: both sides of the card, as the document camera saw them. */
export interface IdCopyImages {
  front: CapturedImage;
  back: CapturedImage;
}

export const isCopyJob = jobWith<IdCopyImages>('front', 'back');

export type IdCopyEvent =
  | { type: 'user.capture' }
  | { type: 'user.retake' }
  | { type: 'user.print' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' };

export interface IdCopyContext {
  front: CapturedImage | null;
  back: CapturedImage | null;
  /** Why the last device call failed, for the screen to say so. */
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
}

const unprovided = unprovidedActor('idCopyMachine');

/** Both sides, for the printer. */
function copyJob({ front, back }: IdCopyContext): IdCopyImages {
  if (!front || !back) throw new Error('printing needs both sides');
  return { front, back };
}

/**
 * 身份证复印: the citizen lays the card on the document camera, front then back, checks the
 * picture, and takes an A4 copy from the document printer.
 */
export const idCopyMachine = setup({
  types: {
    context: {} as IdCopyContext,
    events: {} as IdCopyEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    tags: {} as FlowTag,
  },
  actors: {
    captureImage: fromPromise<CapturedImage, { side: CaptureSide }>(unprovided('captureImage')),
    printCopy: printStepMachine,
  },
  actions: {
    noteFailure: assign(({ event }, failure?: DeviceErrorCode) => ({
      failure: failure ?? failureOf(event),
    })),
    clearFailure: assign({ failure: null }),
    forgetImages: assign({ front: null, back: null }),
  },
  guards: {
    hasBothSides: ({ context }) => context.front !== null && context.back !== null,
  },
}).createMachine({
  id: 'idCopy',
  context: { front: null, back: null, failure: null, outcome: 'back' },
  initial: 'placeFront',
  output: ({ context }): FlowOutput =>
    // A copy made is the service to rate (好差评).
    context.outcome === 'done'
      ? {
          outcome: 'done',
          rate: {
            flow: 'idCopy',
            itemCode: null,
            title: '身份证复印',
            service: null,
            key: 'C:idCopy',
          },
        }
      : { outcome: context.outcome },
  states: {
    placeFront: {
      on: { 'user.capture': 'capturingFront', 'user.back': 'ended' },
    },
    capturingFront: {
      tags: 'busy',
      entry: 'clearFailure',
      invoke: {
        src: 'captureImage',
        input: { side: 'front' },
        onDone: { target: 'placeBack', actions: assign({ front: ({ event }) => event.output }) },
        onError: { target: 'placeFront', actions: 'noteFailure' },
      },
    },
    placeBack: {
      on: {
        'user.capture': 'capturingBack',
        'user.back': 'placeFront',
        'user.retake': 'placeFront',
      },
    },
    capturingBack: {
      tags: 'busy',
      entry: 'clearFailure',
      invoke: {
        src: 'captureImage',
        input: { side: 'back' },
        onDone: { target: 'preview', actions: assign({ back: ({ event }) => event.output }) },
        onError: { target: 'placeBack', actions: 'noteFailure' },
      },
    },
    preview: {
      on: {
        'user.print': { guard: 'hasBothSides', target: 'printing' },
        'user.retake': { target: 'placeFront', actions: 'forgetImages' },
        'user.back': 'placeBack',
      },
    },
    printing: flowStates.printing('printCopy', copyJob, 'takePaper', 'printFailed'),
    printFailed: flowStates.retrying('printing', 'preview'),
    takePaper: {
      // The images leave memory as soon as the copy is out.
      entry: ['forgetImages', assign({ outcome: 'done' })],
      on: { 'user.done': 'ended' },
    },
    // However the citizen leaves (返回 from the first step, 首页, the idle timeout stops the
    // actor before this), no card image stays in the final context.
    ended: { type: 'final', entry: 'forgetImages' },
  },
});

export type IdCopyMachine = typeof idCopyMachine;
