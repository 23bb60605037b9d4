import { assign, fromCallback, fromPromise, setup } from 'xstate';
import {
  isValidCreditCode,
  itemsDoneWith,
  type Applicant,
  type Application,
  type CatalogItem,
  type FlowId,
  type FlowInput,
  type FlowOutcome,
  type FlowOutput,
  type KioskDecision,
  type Submission,
} from '../domain';
import type { CaptureSide, CapturedImage } from '../device-adapters';
import { failureOf, unprovidedActor } from './deviceFailure';
import { identityMachine } from './steps/identityMachine';
import { jobWith, printStepMachine, type PrintStepInput } from './steps/printStep';
import type { FlowTag } from './steps/flowStates';
import { planCertificate } from './licencePrintMachine';
import {
  DOCUMENT_FLOW_START,
  documentStates,
  summaryOf,
  type DocumentFlowFields,
  type DocumentFlowSetup,
  type PlannedPrint,
} from './steps/documentSteps';

/** Who is doing items: a person with their card, or a business with its representative's. */
export type ItemsMode = 'person' | 'business';

/** The receipt slip of a submitted application: the print step's job for the receipt printer. */
export interface ApplicationSlipJob {
  application: Application;
  item: CatalogItem;
}

export const isApplicationSlipJob = jobWith<ApplicationSlipJob>('application', 'item');

export type ItemsEvent =
  | { type: 'user.person' }
  | { type: 'user.business' }
  | { type: 'user.type'; text: string }
  | { type: 'user.confirm' }
  | { type: 'user.choose'; code: string }
  | { type: 'user.field'; id: string; value: string }
  | { type: 'user.next' }
  | { type: 'user.capture' }
  | { type: 'user.skip' }
  | { type: 'user.declare' }
  | { type: 'user.print' }
  | { type: 'user.queue' }
  | { type: 'user.book' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' }
  | { type: 'code.scanned'; text: string };

/** Why the flow cannot go on as asked, in a word the screen explains. */
export type ItemsRefusal =
  'bad-credit-code' | 'not-representative' | 'no-items' | 'missing-fields' | 'desk-refused';

export interface ItemsContext extends DocumentFlowFields {
  mode: ItemsMode | null;
  /** Every item of the catalog offered here. */
  catalog: readonly CatalogItem[];
  /** The credit code as typed or scanned (一照通办). */
  creditCode: string;
  applicant: Applicant | null;
  /** The items this person or business may do with the card or licence alone. */
  items: CatalogItem[];
  item: CatalogItem | null;
  decision: KioskDecision | null;
  /** The form of a `submit` item, as filled (pre-filled from the card or licence). */
  fields: Record<string, string>;
  /** The materials to photograph, and the pages taken so far (one per material, or skipped). */
  pages: (CapturedImage | null)[];
  application: Application | null;
  /** Whether the receipt slip was printed (the number stands either way). */
  slipPrinted: boolean | null;
  refusal: ItemsRefusal | null;
  /** The reason the back office gave for refusing a kiosk item. */
  reason: string | null;
  printing: boolean;
  capturing: boolean;
  next: FlowId | null;
}

const unprovided = unprovidedActor('itemsMachine');

/** The materials of an item to photograph with the document camera. */
export const materialsToCapture = (item: CatalogItem | null) =>
  (item?.materials ?? []).filter((m) => m.capture === true);

/** The first credit code in a scanned code (an electronic licence's QR holds it among its data). */
export function creditCodeIn(text: string): string | null {
  for (const match of text.toUpperCase().matchAll(/[0-9A-HJ-NPQRTUWXY]{18}/g))
    if (isValidCreditCode(match[0])) return match[0];
  return null;
}

/** The form's values a card or licence can tell, keyed by the field's id. */
function prefilled(item: CatalogItem, context: ItemsContext): Record<string, string> {
  const card = context.card;
  const applicant = context.applicant;
  const known: Record<string, string | undefined> = {
    name: card?.name,
    idNumber: card?.idNumber,
    address: card?.address,
    creditCode: applicant?.kind === 'business' ? applicant.creditCode : undefined,
    enterpriseName: applicant?.kind === 'business' ? applicant.enterpriseName : undefined,
  };
  const fields: Record<string, string> = {};
  for (const field of item.form ?? []) {
    const value = field.prefill ? known[field.prefill] : undefined;
    fields[field.id] = (value ?? '').slice(0, field.maxLength);
  }
  return fields;
}

const missingFields = ({ item, fields }: ItemsContext) =>
  (item?.form ?? []).filter((field) => field.required && !(fields[field.id] ?? '').trim());

/** A kiosk item's result, as the document to print through the journal. */
const printedResult = ({ decision, setup, card }: ItemsContext): PlannedPrint[] => {
  if (!decision?.granted || !setup || !card) throw new Error('printing needs a granted result');
  return planCertificate(decision.result, setup, card);
};

/**
 * 一证通办 / 一照通办: a person swipes the ID card (人证核验), or a business gives its credit code
 * (typed, or the electronic licence's QR scanned) and its legal representative swipes theirs;
 * the items they may do with that alone are listed. Choosing one acts by its channel: `kiosk`
 * decided by the back office and its result printed once through the journal; `submit` a short
 * form, the materials photographed, the declaration (告知承诺), then an application number and
 * a receipt slip; `window` the guide, and a queue number or an appointment.
 */
export const itemsMachine = setup({
  types: {
    context: {} as ItemsContext,
    events: {} as ItemsEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    children: {} as { identity: 'identify'; printing: 'printJobs'; slip: 'printSlip' },
    tags: {} as FlowTag,
  },
  actors: {
    prepare: fromPromise<DocumentFlowSetup>(unprovided('prepare')),
    loadItems: fromPromise<CatalogItem[]>(unprovided('loadItems')),
    eligibleItems: fromPromise<string[], { applicant: Applicant; codes: string[] }>(
      unprovided('eligibleItems'),
    ),
    representedEnterprise: fromPromise<string | null, { creditCode: string; idNumber: string }>(
      unprovided('representedEnterprise'),
    ),
    decide: fromPromise<KioskDecision, { itemCode: string; applicant: Applicant }>(
      unprovided('decide'),
    ),
    captureImage: fromPromise<CapturedImage, { side: CaptureSide }>(unprovided('captureImage')),
    submit: fromPromise<Application, Submission>(unprovided('submit')),
    watchCodes: fromCallback<ItemsEvent>(() => () => {}),
    identify: identityMachine,
    printJobs: printStepMachine,
    printSlip: printStepMachine,
  },
  delays: { answerBound: 30_000 },
  actions: {
    noteFailure: assign({ failure: ({ event }) => failureOf(event) }),
    takeStepResult: assign((_, change: Partial<DocumentFlowFields>) => change),
    noteIdentityRefused: assign({ refusal: null }),
    refuse: assign((_, refusal: ItemsRefusal) => ({ refusal })),
    endWith: assign((_, params: { outcome: FlowOutcome; next?: FlowId }) => ({
      outcome: params.outcome,
      next: params.next ?? null,
    })),
    forgetItem: assign({
      item: null,
      decision: null,
      fields: {},
      pages: [],
      reason: null,
      refusal: null,
    }),
  },
  guards: {
    isBusiness: ({ context }) => context.mode === 'business',
    creditCodeValid: ({ context }) => isValidCreditCode(context.creditCode),
    canPrint: ({ context }) => context.printing && context.decision?.granted === true,
    formComplete: ({ context }) => missingFields(context).length === 0,
    hasMaterials: ({ context }) => context.capturing && materialsToCapture(context.item).length > 0,
    allCaptured: ({ context }) => context.pages.length >= materialsToCapture(context.item).length,
  },
}).createMachine({
  id: 'items',
  context: ({ input }) => {
    const down = input.unavailable ?? [];
    return {
      ...DOCUMENT_FLOW_START,
      mode: null,
      catalog: [],
      creditCode: '',
      applicant: null,
      items: [],
      item: null,
      decision: null,
      fields: {},
      pages: [],
      application: null,
      slipPrinted: null,
      refusal: null,
      reason: null,
      printing: !down.includes('document'),
      capturing: !down.includes('camera'),
      next: null,
    };
  },
  initial: 'starting',
  output: ({ context }): FlowOutput => {
    if (context.outcome === 'switch' && context.next)
      return { outcome: 'switch', next: context.next };
    const { item } = context;
    // The item done or applied for is the service to rate (好差评).
    return context.outcome === 'done' && item
      ? {
          outcome: 'done',
          rate: {
            flow: 'items',
            itemCode: item.code,
            title: item.name,
            service: item.queueService,
            key: `I:${item.code}`,
          },
        }
      : { outcome: context.outcome };
  },
  states: {
    starting: documentStates.preparing('loading'),
    loading: {
      tags: 'working',
      invoke: {
        src: 'loadItems',
        onDone: { target: 'choose', actions: assign({ catalog: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    choose: {
      entry: assign({ mode: null, applicant: null, card: null, creditCode: '', refusal: null }),
      on: {
        'user.person': { target: 'identifying', actions: assign({ mode: 'person' }) },
        'user.business': { target: 'licence', actions: assign({ mode: 'business' }) },
        'user.back': 'ended',
      },
    },
    licence: {
      invoke: {
        src: 'watchCodes',
      },
      on: {
        'code.scanned': [
          {
            guard: ({ event }) => creditCodeIn(event.text) !== null,
            target: 'identifying',
            actions: assign({
              creditCode: ({ event }) => creditCodeIn(event.text) ?? '',
              refusal: null,
            }),
          },
          { actions: { type: 'refuse', params: 'bad-credit-code' } },
        ],
        'user.type': {
          actions: assign({
            creditCode: ({ event }) =>
              event.text
                .toUpperCase()
                .replace(/[^0-9A-Z]/g, '')
                .slice(0, 18),
            refusal: null,
          }),
        },
        'user.confirm': [
          { guard: 'creditCodeValid', target: 'identifying' },
          { actions: { type: 'refuse', params: 'bad-credit-code' } },
        ],
        'user.back': 'choose',
      },
    },
    identifying: documentStates.identifying({
      verified: 'applicant',
      refused: 'choose',
      back: 'choose',
    }),
    applicant: {
      always: [{ guard: 'isBusiness', target: 'enterprise' }, { target: 'eligible' }],
      exit: assign({
        applicant: ({ context }) =>
          context.mode === 'person' && context.card
            ? { kind: 'person' as const, idNumber: context.card.idNumber, name: context.card.name }
            : context.applicant,
      }),
    },
    enterprise: {
      tags: 'working',
      invoke: {
        src: 'representedEnterprise',
        input: ({ context }) => ({
          creditCode: context.creditCode,
          idNumber: context.card?.idNumber ?? '',
        }),
        onDone: [
          {
            guard: ({ event }) => event.output === null,
            target: 'refused',
            actions: [assign({ card: null }), { type: 'refuse', params: 'not-representative' }],
          },
          {
            target: 'eligible',
            actions: assign({
              applicant: ({ context, event }) => ({
                kind: 'business' as const,
                creditCode: context.creditCode,
                enterpriseName: event.output ?? '',
                representative: {
                  idNumber: context.card?.idNumber ?? '',
                  name: context.card?.name ?? '',
                },
              }),
            }),
          },
        ],
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    eligible: {
      tags: 'working',
      entry: assign({ failure: null }),
      invoke: {
        src: 'eligibleItems',
        input: ({ context }) => {
          if (!context.applicant) throw new Error('listing items needs an applicant');
          return {
            applicant: context.applicant,
            codes: itemsDoneWith(
              context.catalog,
              context.mode === 'business' ? 'licence' : 'id-card',
            ).map((item) => item.code),
          };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.length === 0,
            target: 'refused',
            actions: { type: 'refuse', params: 'no-items' },
          },
          {
            target: 'listing',
            actions: assign({
              items: ({ context, event }) =>
                context.catalog.filter((item) => event.output.includes(item.code)),
            }),
          },
        ],
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    listing: {
      entry: 'forgetItem',
      on: {
        'user.choose': [
          {
            guard: ({ context, event }) =>
              context.items.some((i) => i.code === event.code && i.channel === 'kiosk'),
            target: 'deciding',
            actions: assign({
              item: ({ context, event }) =>
                context.items.find((i) => i.code === event.code) ?? null,
            }),
          },
          {
            guard: ({ context, event }) =>
              context.items.some((i) => i.code === event.code && i.channel === 'submit'),
            target: 'form',
            actions: assign(({ context, event }) => {
              const item = context.items.find((i) => i.code === event.code) ?? null;
              return { item, fields: item ? prefilled(item, context) : {} };
            }),
          },
          {
            guard: ({ context, event }) => context.items.some((i) => i.code === event.code),
            target: 'windowItem',
            actions: assign({
              item: ({ context, event }) =>
                context.items.find((i) => i.code === event.code) ?? null,
            }),
          },
        ],
        'user.back': 'ended',
      },
    },
    deciding: {
      tags: 'working',
      invoke: {
        src: 'decide',
        input: ({ context }) => {
          if (!context.item || !context.applicant) throw new Error('deciding needs an item');
          return { itemCode: context.item.code, applicant: context.applicant };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.granted,
            target: 'decided',
            actions: assign({ decision: ({ event }) => event.output }),
          },
          {
            target: 'decided',
            actions: assign({
              decision: ({ event }) => event.output,
              reason: ({ event }) => (event.output.granted ? null : event.output.reason),
            }),
          },
        ],
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    decided: {
      on: {
        'user.print': { guard: 'canPrint', target: 'printing' },
        'user.back': 'listing',
        'user.done': { target: 'ended', actions: { type: 'endWith', params: { outcome: 'done' } } },
      },
    },
    printing: documentStates.printing(printedResult, 'finished'),
    finished: {
      on: {
        'user.back': 'listing',
        'user.done': { target: 'ended', actions: { type: 'endWith', params: { outcome: 'done' } } },
      },
    },
    form: {
      on: {
        'user.field': {
          guard: ({ context, event }) => (context.item?.form ?? []).some((f) => f.id === event.id),
          actions: assign({
            fields: ({ context, event }) => {
              const field = context.item?.form?.find((f) => f.id === event.id);
              const clean = field?.kind === 'text' ? event.value : event.value.replace(/\D/g, '');
              return { ...context.fields, [event.id]: clean.slice(0, field?.maxLength ?? 0) };
            },
            refusal: null,
          }),
        },
        'user.next': [
          { guard: 'formComplete', target: 'materials' },
          { actions: { type: 'refuse', params: 'missing-fields' } },
        ],
        'user.back': 'listing',
      },
    },
    materials: {
      initial: 'next',
      states: {
        next: {
          always: [
            { guard: 'allCaptured', target: '#items.declaring' },
            { guard: 'hasMaterials', target: 'place' },
            { target: '#items.declaring' },
          ],
        },
        place: {
          on: {
            'user.capture': 'capturing',
            // Not photographed here: brought to the window later (the guide says so).
            'user.skip': {
              target: 'next',
              actions: assign({ pages: ({ context }) => [...context.pages, null] }),
            },
            'user.back': '#items.form',
          },
        },
        capturing: {
          tags: 'busy',
          invoke: {
            src: 'captureImage',
            input: { side: 'front' as const },
            onDone: {
              target: 'next',
              actions: assign({ pages: ({ context, event }) => [...context.pages, event.output] }),
            },
            onError: { target: 'place', actions: 'noteFailure' },
          },
        },
      },
    },
    declaring: {
      on: {
        'user.declare': 'submitting',
        'user.back': {
          target: 'form',
          actions: assign({ pages: [] }),
        },
      },
    },
    submitting: {
      tags: 'working',
      invoke: {
        src: 'submit',
        input: ({ context }): Submission => {
          if (!context.item || !context.applicant) throw new Error('submitting needs an item');
          return {
            itemCode: context.item.code,
            applicant: context.applicant,
            fields: context.fields,
            pages: context.pages.flatMap((page) => (page ? [page.dataUrl] : [])),
            declared: true,
          };
        },
        onDone: {
          target: 'slip',
          // The pages went with the application: the kiosk keeps none of them.
          actions: assign({ application: ({ event }) => event.output, pages: [] }),
        },
        onError: { target: 'submitFailed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'submitFailed', actions: assign({ failure: 'timeout' }) } },
    },
    submitFailed: {
      tags: 'failed',
      on: { 'user.retry': 'submitting', 'user.back': 'declaring' },
    },
    slip: {
      invoke: {
        id: 'slip',
        src: 'printSlip',
        input: ({ context }): PrintStepInput => {
          if (!context.application || !context.item) throw new Error('a slip needs an application');
          return {
            jobs: [
              { application: context.application, item: context.item } satisfies ApplicationSlipJob,
            ],
            onFailure: 'end',
          };
        },
        onDone: {
          target: 'submitted',
          actions: assign({
            slipPrinted: ({ event }) => summaryOf(event.output).stopped === false,
          }),
        },
        onError: { target: 'submitted', actions: assign({ slipPrinted: false }) },
      },
    },
    submitted: {
      on: {
        'user.back': {
          target: 'listing',
          actions: assign({ application: null, slipPrinted: null }),
        },
        'user.done': { target: 'ended', actions: { type: 'endWith', params: { outcome: 'done' } } },
      },
    },
    windowItem: {
      on: {
        'user.queue': {
          target: 'ended',
          actions: { type: 'endWith', params: { outcome: 'switch', next: 'queue' } },
        },
        'user.book': {
          target: 'ended',
          actions: { type: 'endWith', params: { outcome: 'switch', next: 'appointment' } },
        },
        'user.back': 'listing',
      },
    },
    refused: {
      on: {
        'user.back': 'choose',
        'user.retry': { guard: 'isBusiness', target: 'licence' },
        'user.done': 'ended',
      },
    },
    failed: {
      tags: 'failed',
      on: { 'user.retry': 'starting', 'user.back': 'ended' },
    },
    ended: {
      type: 'final',
      entry: assign({
        card: null,
        applicant: null,
        items: [],
        item: null,
        decision: null,
        fields: {},
        pages: [],
        application: null,
        creditCode: '',
      }),
    },
  },
});

export type ItemsMachine = typeof itemsMachine;
