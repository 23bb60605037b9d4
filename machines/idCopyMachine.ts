import { assign, fromPromise, setup } from 'xstate';
import type { FlowOutcome, FlowOutput } from '../domain';
import type { CaptureSide, CapturedImage, DeviceErrorCode } from '../device-adapters';
import { deviceErrorCode } from './deviceFailure';
import type { FlowInput } from '../domain/flows';

/** What the copy is printed from: both sides of the card, as the document camera saw them. */
export interface IdCopyImages {
  front: CapturedImage;
  back: CapturedImage;
}

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
  },
  actors: {
    captureImage: fromPromise<CapturedImage, { side: CaptureSide }>(async () => {
      throw new Error('idCopyMachine needs captureImage: provide it from the composition root.');
    }),
    printCopy: fromPromise<unknown, IdCopyImages>(async () => {
      throw new Error('idCopyMachine needs printCopy: provide it from the composition root.');
    }),
  },
  actions: {
    noteFailure: assign({
      failure: ({ event }) => deviceErrorCode((event as { error?: unknown }).error),
    }),
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
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    placeFront: {
      on: { 'user.capture': 'capturingFront', 'user.back': 'ended' },
    },
    capturingFront: {
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
    printing: {
      entry: 'clearFailure',
      invoke: {
        src: 'printCopy',
        input: ({ context }) => {
          if (!context.front || !context.back) throw new Error('printing needs both sides');
          return { front: context.front, back: context.back };
        },
        onDone: 'takePaper',
        onError: { target: 'printFailed', actions: 'noteFailure' },
      },
    },
    printFailed: {
      on: { 'user.retry': 'printing', 'user.back': 'preview' },
    },
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
