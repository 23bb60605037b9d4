import { assign, fromPromise, setup } from 'xstate';
import type { PrintJobRequest, PrintOnceResult, PrintPage } from '../domain';
import type { DeviceErrorCode } from '../device-adapters';
import { deviceErrorCode } from './deviceFailure';

/** A document to print with its journal entry. */
export interface PlannedPrint {
  request: PrintJobRequest;
  document: PrintPage;
  /** The pages as the preview shows them (with the licence paper's own printing). */
  preview: string[];
}

export type SheetResult = 'printed' | 'already-printed' | 'needs-check' | 'in-progress';

export interface PrintJobsOutput {
  results: SheetResult[];
  /** Whether printing stopped on a printer failure before every document was done. */
  stopped: boolean;
}

export type PrintJobsEvent = { type: 'user.retry' } | { type: 'user.done' };

export interface PrintJobsContext {
  jobs: readonly PlannedPrint[];
  current: number;
  results: SheetResult[];
  failure: DeviceErrorCode | null;
  /** The last failure may have printed (a jam, a timeout): it is not tried again. */
  uncertain: boolean;
  stopped: boolean;
}

/**
 * Prints documents one after the other, each at most once through the print journal (the
 * provided `printDocument` runs domain `printOnce`). A printer failure that left nothing printed
 * may be retried; one that may have printed is left for staff, never printed again.
 */
export const printJobsMachine = setup({
  types: {
    context: {} as PrintJobsContext,
    events: {} as PrintJobsEvent,
    input: {} as { jobs: readonly PlannedPrint[] },
    output: {} as PrintJobsOutput,
  },
  actors: {
    printDocument: fromPromise<PrintOnceResult, PlannedPrint>(async () => {
      throw new Error(
        'printJobsMachine needs printDocument: provide it from the composition root.',
      );
    }),
  },
  guards: {
    allDone: ({ context }) => context.current >= context.jobs.length,
  },
}).createMachine({
  id: 'printJobs',
  context: ({ input }) => ({
    jobs: input.jobs,
    current: 0,
    results: [],
    failure: null,
    uncertain: false,
    stopped: false,
  }),
  initial: 'next',
  output: ({ context }) => ({ results: context.results, stopped: context.stopped }),
  states: {
    next: {
      always: [{ guard: 'allDone', target: 'done' }, { target: 'printing' }],
    },
    printing: {
      entry: assign({ failure: null, uncertain: false }),
      invoke: {
        src: 'printDocument',
        input: ({ context }) => {
          const job = context.jobs[context.current];
          if (!job) throw new Error('no document left to print');
          return job;
        },
        onDone: {
          target: 'next',
          actions: assign(({ context, event }) => ({
            results: [...context.results, event.output.printed ? 'printed' : event.output.refused],
            current: context.current + 1,
          })),
        },
        onError: {
          target: 'failed',
          actions: assign(({ event }) => ({
            failure: deviceErrorCode(event.error),
            uncertain:
              typeof event.error === 'object' &&
              event.error !== null &&
              'uncertain' in event.error &&
              event.error.uncertain === true,
          })),
        },
      },
    },
    failed: {
      on: {
        'user.retry': { guard: ({ context }) => !context.uncertain, target: 'printing' },
        'user.done': {
          target: 'done',
          actions: assign(({ context }) => ({
            stopped: true,
            results: context.uncertain
              ? [...context.results, 'needs-check' as const]
              : context.results,
          })),
        },
      },
    },
    done: { type: 'final' },
  },
});

export type PrintJobsMachine = typeof printJobsMachine;
