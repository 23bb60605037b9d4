import { assign, fromPromise, setup, type DoneActorEvent } from 'xstate';
import {
  offeredItems,
  searchItems,
  type Audience,
  type CatalogItem,
  type Department,
  type FlowId,
  type FlowInput,
  type FlowOutcome,
  type FlowOutput,
  type PrintDocument,
} from '../domain';
import type { DeviceErrorCode } from '../device-adapters';
import { failureOf, unprovidedActor } from './deviceFailure';
import type { FlowTag } from './steps/flowStates';
import {
  jobWith,
  printStepMachine,
  type PrintStepInput,
  type PrintStepOutput,
} from './steps/printStep';
import { summaryOf, type PrintJobsOutput } from './steps/documentSteps';

/** What 办事指南 starts from: the offered items, and what a printed guide carries. */
export interface GuideSetup {
  items: readonly CatalogItem[];
  /** Makes the A4 一次性告知书 of an item (with the QR that opens it on a phone). */
  document: (item: CatalogItem) => PrintDocument;
}

/** A printed guide: the print step's job in this flow. */
export interface GuideJob {
  guide: PrintDocument;
}

export const isGuideJob = jobWith<GuideJob>('guide');

export type GuideEvent =
  | { type: 'user.department'; department: Department | null }
  | { type: 'user.audience'; audience: Audience | null }
  | { type: 'user.query'; query: string }
  | { type: 'user.open'; code: string }
  | { type: 'user.close' }
  | { type: 'user.print' }
  | { type: 'user.queue' }
  | { type: 'user.book' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' };

export interface GuideContext {
  setup: GuideSetup | null;
  department: Department | null;
  audience: Audience | null;
  /** What the citizen typed (Chinese or pinyin initials such as `bdc`). */
  query: string;
  selected: CatalogItem | null;
  /** Whether the document printer worked as the flow started; without it guides are read only. */
  printing: boolean;
  printSummary: PrintJobsOutput | null;
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
  next: FlowId | null;
}

/** The longest query the keyboard takes: an item name is at most 60 characters. */
export const MAX_GUIDE_QUERY = 60;

/** The items the list shows: offered, of the chosen department and audience, matching the query. */
export function guideList(
  context: Pick<GuideContext, 'setup' | 'department' | 'audience' | 'query'>,
) {
  const offered = offeredItems({ items: context.setup?.items ?? [] });
  return searchItems(offered, context.query).filter(
    (item) =>
      (context.department === null || item.department === context.department) &&
      (context.audience === null || item.audience.includes(context.audience)),
  );
}

const unprovided = unprovidedActor('guideMachine');

/**
 * 办事指南: browse the hall's items by department and audience, or search them (Chinese or pinyin
 * initials) on the on-screen keyboard; open an item's guide, told all at once (一次性告知); print
 * it as an A4 with a QR that opens it on a phone; take a queue number for it or book it.
 */
export const guideMachine = setup({
  types: {
    context: {} as GuideContext,
    events: {} as GuideEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    tags: {} as FlowTag,
    children: {} as { printing: 'printGuide' },
  },
  actors: {
    loadGuide: fromPromise<GuideSetup>(unprovided('loadGuide')),
    printGuide: printStepMachine,
  },
  delays: {
    // The catalog is local (a store, then the cached seed file): a slow answer is a fault.
    loadBound: 20_000,
  },
  actions: {
    noteFailure: assign(({ event }) => ({ failure: failureOf(event) })),
    endWith: assign((_, params: { outcome: FlowOutcome; next?: FlowId }) => ({
      outcome: params.outcome,
      next: params.next ?? null,
    })),
  },
  guards: {
    isOffered: ({ context, event }) =>
      event.type === 'user.open' &&
      (context.setup?.items ?? []).some((item) => item.code === event.code && item.enabled),
    canPrint: ({ context }) => context.printing && context.selected !== null,
  },
}).createMachine({
  id: 'guide',
  context: ({ input }) => ({
    setup: null,
    department: null,
    audience: null,
    query: '',
    selected: null,
    printing: !(input.unavailable ?? []).includes('document'),
    printSummary: null,
    failure: null,
    outcome: 'back',
    next: null,
  }),
  initial: 'loading',
  output: ({ context }) =>
    context.outcome === 'switch' && context.next
      ? { outcome: 'switch', next: context.next }
      : { outcome: context.outcome },
  states: {
    loading: {
      tags: 'working',
      entry: assign({ failure: null }),
      invoke: {
        src: 'loadGuide',
        onDone: {
          target: 'browsing',
          actions: assign({ setup: ({ event }) => event.output }),
        },
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { loadBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    failed: {
      tags: 'failed',
      on: { 'user.retry': 'loading', 'user.back': 'ended' },
    },
    browsing: {
      entry: assign({ selected: null, printSummary: null }),
      on: {
        'user.department': { actions: assign({ department: ({ event }) => event.department }) },
        'user.audience': { actions: assign({ audience: ({ event }) => event.audience }) },
        'user.query': {
          actions: assign({ query: ({ event }) => event.query.slice(0, MAX_GUIDE_QUERY) }),
        },
        'user.open': {
          guard: 'isOffered',
          target: 'guide',
          actions: assign({
            selected: ({ context, event }) =>
              context.setup?.items.find((item) => item.code === event.code) ?? null,
          }),
        },
        'user.back': 'ended',
      },
    },
    guide: {
      on: {
        'user.print': { guard: 'canPrint', target: 'printing' },
        'user.close': 'browsing',
        'user.back': 'browsing',
        'user.queue': {
          target: 'ended',
          actions: { type: 'endWith', params: { outcome: 'switch', next: 'queue' } },
        },
        'user.book': {
          target: 'ended',
          actions: { type: 'endWith', params: { outcome: 'switch', next: 'appointment' } },
        },
      },
    },
    printing: {
      invoke: {
        id: 'printing',
        src: 'printGuide',
        input: ({ context }): PrintStepInput => {
          const { setup: ready, selected } = context;
          if (!ready || !selected) throw new Error('printing needs a chosen item');
          return {
            jobs: [{ guide: ready.document(selected) } satisfies GuideJob],
            onFailure: 'ask',
          };
        },
        onDone: {
          target: 'printed',
          actions: assign({
            printSummary: ({ event }: { event: DoneActorEvent<PrintStepOutput> }) =>
              summaryOf(event.output),
          }),
        },
        onError: { target: 'guide', actions: 'noteFailure' },
      },
    },
    printed: {
      on: {
        'user.close': 'guide',
        'user.back': 'guide',
        'user.done': {
          target: 'ended',
          actions: { type: 'endWith', params: { outcome: 'done' } },
        },
      },
    },
    ended: { type: 'final' },
  },
});
