import { assign, fromPromise, setup } from 'xstate';
import type { PrintOnceResult } from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import { deviceErrorCode, mayHavePrinted, unprovidedActor } from '../deviceFailure';

/** What became of one job: printed, or refused by the print journal without printing. */
export type SheetResult = 'printed' | 'already-printed' | 'needs-check' | 'in-progress';

/**
 * A job as the print step carries it: the step never looks inside, the flow's printer does
 * (`printStepFor` gives it the flow's own type back).
 */
export type PrintJob = object;

/** A guard for one flow's jobs, told apart by fields only they have: `jobWith<Slip>('appointment')`. */
export const jobWith =
  <J extends PrintJob>(...fields: readonly (keyof J & string)[]) =>
  (job: PrintJob): job is J =>
    fields.every((field) => field in job);

export interface PrintStepInput {
  jobs: readonly PrintJob[];
  /**
   * What a printer failure does: `ask` waits in `failed` for user.retry (unless the sheet may
   * have printed) or user.done; `end` ends the step at once, for the flow to show its own
   * failure screen (a ticket or a slip whose number or booking stands whether or not it printed).
   */
  onFailure: 'ask' | 'end';
}

/** How printing ended: every job went through, or a printer failure stopped it. */
export type PrintStepOutput =
  | { result: 'printed'; results: SheetResult[] }
  | { result: 'failed'; results: SheetResult[]; failure: DeviceErrorCode; uncertain: boolean };

export type PrintStepEvent = { type: 'user.retry' } | { type: 'user.done' };

export interface PrintStepContext {
  jobs: readonly PrintJob[];
  onFailure: 'ask' | 'end';
  current: number;
  results: SheetResult[];
  failure: DeviceErrorCode | null;
  /** The last failure may have printed (a jam, a timeout): it is not tried again. */
  uncertain: boolean;
}

/**
 * The print actor: a journalled document resolves with what the journal allowed; a receipt
 * resolves with nothing once it is out.
 */
export type PrintActorOutput = PrintOnceResult | undefined;

/** What became of a job the print actor finished: a receipt says nothing, so it printed. */
const resultOf = (output: PrintActorOutput): SheetResult =>
  output && !output.printed ? output.refused : 'printed';

const unprovided = unprovidedActor('printStepMachine');

/**
 * 打印: prints the jobs one after the other with the provided `print` actor. A failure that left
 * nothing printed may be tried again; one that may have printed is never printed again (staff
 * look). Used for the queue and check-in tickets, the appointment slip, the ID copy and the
 * journalled documents.
 */
export const printStepMachine = setup({
  types: {
    context: {} as PrintStepContext,
    events: {} as PrintStepEvent,
    input: {} as PrintStepInput,
    output: {} as PrintStepOutput,
    tags: {} as 'busy' | 'failed',
  },
  actors: {
    print: fromPromise<PrintActorOutput, PrintJob>(unprovided('print')),
  },
  delays: {
    // A backstop: the printers bound their calls (30 s a ticket, 120 s a document) first.
    printBound: 150_000,
  },
  guards: {
    allDone: ({ context }) => context.current >= context.jobs.length,
    endsOnFailure: ({ context }) => context.onFailure === 'end',
    // A sheet that may have printed is never printed again; nor is a retry offered while the
    // kiosk's storage is full (the journal cannot record the sheet): staff must free it.
    mayRetry: ({ context }) => !context.uncertain && context.failure !== 'storage-full',
  },
}).createMachine({
  id: 'print',
  context: ({ input }) => ({
    jobs: input.jobs,
    onFailure: input.onFailure,
    current: 0,
    results: [],
    failure: null,
    uncertain: false,
  }),
  initial: 'next',
  output: ({ context }): PrintStepOutput =>
    context.failure
      ? {
          result: 'failed',
          results: context.results,
          failure: context.failure,
          uncertain: context.uncertain,
        }
      : { result: 'printed', results: context.results },
  states: {
    next: {
      always: [{ guard: 'allDone', target: 'done' }, { target: 'printing' }],
    },
    printing: {
      tags: 'busy',
      entry: assign({ failure: null, uncertain: false }),
      invoke: {
        src: 'print',
        input: ({ context }) => {
          const job = context.jobs[context.current];
          if (job === undefined) throw new Error('no job left to print');
          return job;
        },
        onDone: {
          target: 'next',
          actions: assign(({ context, event }) => ({
            results: [...context.results, resultOf(event.output)],
            current: context.current + 1,
          })),
        },
        onError: {
          target: 'failed',
          actions: assign(({ event }) => ({
            failure: deviceErrorCode(event.error),
            uncertain: mayHavePrinted(event.error),
          })),
        },
      },
      after: {
        printBound: { target: 'failed', actions: assign({ failure: 'timeout', uncertain: true }) },
      },
    },
    failed: {
      tags: 'failed',
      always: { guard: 'endsOnFailure', target: 'stopped' },
      on: {
        'user.retry': { guard: 'mayRetry', target: 'printing' },
        'user.done': 'stopped',
      },
    },
    // The citizen gave up (or the flow takes the failure): a sheet that may have printed is
    // reported for staff to check.
    stopped: {
      always: {
        target: 'done',
        actions: assign(({ context }) => ({
          results: context.uncertain
            ? [...context.results, 'needs-check' as const]
            : context.results,
        })),
      },
    },
    done: { type: 'final' },
  },
});

export type PrintStepMachine = typeof printStepMachine;

/**
 * The print step with a flow's printer for its own kind of job: `isJob` tells that kind apart
 * (a job of another kind is a wiring mistake, and fails as one).
 */
export function printStepFor<J extends PrintJob>(
  isJob: (job: PrintJob) => job is J,
  print: (job: J, signal: AbortSignal) => Promise<PrintActorOutput> | Promise<void>,
) {
  return printStepMachine.provide({
    actors: {
      print: fromPromise<PrintActorOutput, PrintJob>(async ({ input, signal }) => {
        if (!isJob(input))
          throw new Error('a print step got a job of another flow: wire each flow its own');
        return (await print(input, signal)) || undefined;
      }),
    },
  });
}
