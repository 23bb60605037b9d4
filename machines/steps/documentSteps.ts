import type { DoneActorEvent } from 'xstate';
import type {
  CalendarDate,
  FlowOutcome,
  IdCardRecord,
  PrintJobRequest,
  PrintDocument,
} from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import type { IdentityInput, IdentityOutput } from './identityMachine';
import { jobWith, type PrintStepInput, type PrintStepOutput, type SheetResult } from './printStep';

// What the document flows (证照打印, 不动产查询) share around the identity and print steps: the
// setup they start from, the journalled jobs they print, and the flow states that invoke the
// steps. A flow using these states names in its setup the actions they refer to: `noteFailure`,
// `noteIdentityRefused`, and `takeStepResult`, which assigns what a step brought
// (`assign((_, change: DocumentFlowChange) => change)`).

/** What a document flow learns when it starts. */
export interface DocumentFlowSetup {
  today: CalendarDate;
  /** Shown and printed as the moment of printing. */
  printedAt: string;
  kioskId: string;
  /** Whether licence pages carry the paper's own printing (blank licence stock). */
  stationery: boolean;
}

/** A document to print with its journal entry: the print step's job in the document flows. */
export interface PlannedPrint {
  request: PrintJobRequest;
  document: PrintDocument;
  /** The pages as the preview shows them (with the licence paper's own printing). */
  preview: string[];
}

export const isPlannedPrint = jobWith<PlannedPrint>('request', 'document');

/** What printing came to, for the screen that says to take the documents. */
export interface PrintJobsOutput {
  results: SheetResult[];
  /** Whether printing stopped on a printer failure before every document was done. */
  stopped: boolean;
  /** The documents' titles in the order they were to print, for saying which came out. */
  titles?: string[];
}

export const summaryOf = (
  output: PrintStepOutput,
  jobs?: readonly PlannedPrint[],
): PrintJobsOutput => ({
  results: output.results,
  stopped: output.result === 'failed',
  ...(jobs && { titles: jobs.map((job) => job.request.title) }),
});

/**
 * Which documents came out and which did not, in the citizen's terms: printed now; printed on
 * an earlier visit (not again); perhaps printed in part (a jam: never printed again here, staff
 * check it at a window); not printed (the journal lets a later visit print it).
 */
export interface PrintOutcome {
  printed: string[];
  before: string[];
  unsure: string[];
  notPrinted: string[];
}

/**
 * The outcome of printing `titles` with the step's `results` so far (one a document, in order;
 * those past the end did not print).
 */
export function printOutcome(
  titles: readonly string[],
  results: readonly SheetResult[],
): PrintOutcome {
  const outcome: PrintOutcome = { printed: [], before: [], unsure: [], notPrinted: [] };
  titles.forEach((title, index) => {
    const result = results[index];
    if (result === 'printed') outcome.printed.push(title);
    else if (result === 'already-printed' || result === 'in-progress') outcome.before.push(title);
    else if (result === 'needs-check') outcome.unsure.push(title);
    else outcome.notPrinted.push(title);
  });
  return outcome;
}

/** Whether a citizen must be told what became of the documents: one did not come out whole. */
export const somethingMissing = (outcome: PrintOutcome) =>
  outcome.unsure.length > 0 || outcome.notPrinted.length > 0;

/** The fields every document flow keeps, as it starts: nothing known, nobody verified. */
export interface DocumentFlowFields {
  setup: DocumentFlowSetup | null;
  /** The card of the person who verified; gone when the flow ends. */
  card: IdCardRecord | null;
  printSummary: PrintJobsOutput | null;
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
}

/** What a step brought a document flow: its setup, the verified card, or printing's summary. */
export type DocumentFlowChange = Partial<DocumentFlowFields>;

export const DOCUMENT_FLOW_START: DocumentFlowFields = {
  setup: null,
  card: null,
  printSummary: null,
  failure: null,
  outcome: 'back',
};

/** Starting a document flow: its setup, then `next`; a flow that cannot start ends. */
const preparing = (next: string) => ({
  tags: 'working' as const,
  invoke: {
    src: 'prepare' as const,
    onDone: {
      target: next,
      actions: {
        type: 'takeStepResult',
        params: ({ event }: { event: DoneActorEvent<DocumentFlowSetup> }): DocumentFlowChange => ({
          setup: event.output,
        }),
      } as const,
    },
    onError: { target: 'ended', actions: 'noteFailure' as const },
  },
});

type IdentityDone = { event: DoneActorEvent<IdentityOutput> };

/**
 * 人证核验 as the child `identity`: on to `verified` with the card, to `refused` after the last
 * failed face check, to `back` when the person stepped back out of it.
 */
function identifying(targets: { verified: string; refused: string; back: string }) {
  const input = ({ context }: { context: { setup: DocumentFlowSetup | null } }): IdentityInput => ({
    today: context.setup?.today ?? '1970-01-01',
  });
  return {
    invoke: {
      id: 'identity' as const,
      src: 'identify' as const,
      input,
      onDone: [
        {
          guard: ({ event }: IdentityDone) => event.output.result === 'verified',
          target: targets.verified,
          actions: {
            type: 'takeStepResult',
            params: ({ event }: IdentityDone): DocumentFlowChange => ({
              card: event.output.result === 'verified' ? event.output.card : null,
            }),
          } as const,
        },
        {
          guard: ({ event }: IdentityDone) => event.output.result === 'refused',
          target: targets.refused,
          actions: 'noteIdentityRefused' as const,
        },
        { target: targets.back },
      ],
      onError: { target: targets.back, actions: 'noteFailure' as const },
    },
  };
}

/**
 * Printing the flow's documents (`jobs` of its context) as the child `printing`, which asks
 * the citizen about a failure itself; then `next` with what printing came to.
 */
function printing<Context>(jobs: (context: Context) => readonly PlannedPrint[], next: string) {
  const input = ({ context }: { context: Context }): PrintStepInput => ({
    jobs: jobs(context),
    onFailure: 'ask',
  });
  return {
    invoke: {
      id: 'printing' as const,
      src: 'printJobs' as const,
      input,
      onDone: {
        target: next,
        actions: {
          type: 'takeStepResult',
          params: ({
            context,
            event,
          }: {
            context: Context;
            event: DoneActorEvent<PrintStepOutput>;
          }): DocumentFlowChange => ({
            printSummary: summaryOf(event.output, jobs(context)),
            outcome: 'done',
          }),
        } as const,
      },
      onError: { target: 'ended', actions: 'noteFailure' as const },
    },
  };
}

/** The flow states that invoke the document flows' steps, as `documentStates.printing(…)`. */
export const documentStates = { preparing, identifying, printing };
