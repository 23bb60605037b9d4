import { assertEvent, assign, fromPromise, setup } from 'xstate';
import {
  businessLicencePage,
  certificatePage,
  copyLabel,
  maskIdNumber,
  sheetKey,
  type Certificate,
  type CertificateKind,
  type FlowOutput,
  type IdCardRecord,
  type LicenceSheet,
  type PrintableLicence,
} from '../domain';
import type { FlowInput } from '../domain/flows';
import { failureOf, unprovidedActor } from './deviceFailure';
import { DOCUMENT_FLOW_START, documentStates } from './steps/documentSteps';
import type { DocumentFlowFields, DocumentFlowSetup, PlannedPrint } from './steps/documentSteps';
import type { FlowTag } from './steps/flowStates';
import { identityMachine } from './steps/identityMachine';
import { printStepMachine } from './steps/printStep';

/** A licence this person may print, with each sheet and whether it can still be printed. */
export interface LicenceOffer {
  licence: PrintableLicence;
  sheets: { sheet: LicenceSheet; key: string; printable: boolean }[];
}

export interface Printables {
  licences: LicenceOffer[];
  certificates: CertificateKind[];
}

export type LicencePrintEvent =
  | { type: 'user.selectLicence'; issuanceId: string }
  | { type: 'user.selectCertificate'; kind: CertificateKind }
  | { type: 'user.print' }
  | { type: 'user.retry' }
  | { type: 'user.more' }
  | { type: 'user.done' }
  | { type: 'user.back' };

export interface LicencePrintContext extends DocumentFlowFields {
  printables: Printables | null;
  /** The licence chosen, while its sheets are previewed or refused. */
  chosen: LicenceOffer | null;
  planned: PlannedPrint[];
}

const unprovided = unprovidedActor('licencePrintMachine');

/** The last plan of each offer, for the setup and card it was made with. */
const plans = new WeakMap<
  LicenceOffer,
  { setup: DocumentFlowSetup; card: IdCardRecord; planned: PlannedPrint[] }
>();

/**
 * The journal entries and pages of a licence's printable sheets: printed pages and previews.
 * Pure, and kept per offer: the view prepares the previews of the offered licences while the list
 * is shown (kiosk-ui/steps/previewRaster.ts), and the tap then takes the same plan, the same
 * pages, without drawing them again.
 */
export function planLicence(
  offer: LicenceOffer,
  setup: DocumentFlowSetup,
  card: IdCardRecord,
): PlannedPrint[] {
  const kept = plans.get(offer);
  if (kept && kept.setup === setup && kept.card === card) return kept.planned;
  const planned = drawLicence(offer, setup, card);
  plans.set(offer, { setup, card, planned });
  return planned;
}

function drawLicence(
  offer: LicenceOffer,
  setup: DocumentFlowSetup,
  card: IdCardRecord,
): PlannedPrint[] {
  const { enterprise, issuance } = offer.licence;
  return offer.sheets
    .filter((s) => s.printable)
    .map(({ sheet, key }) => {
      const document = businessLicencePage(enterprise, issuance, sheet, {
        stationery: setup.stationery,
      });
      const preview = setup.stationery
        ? document.pages
        : businessLicencePage(enterprise, issuance, sheet, { stationery: true }).pages;
      const count = sheet.copy === 'original' ? issuance.originals : issuance.duplicates;
      return {
        request: {
          key,
          kind: 'licence' as const,
          title: `营业执照（${copyLabel(sheet.copy, sheet.index, count)}）${sheet.reprint ? '补打' : ''}`,
          creditCode: enterprise.creditCode,
          subject: enterprise.name,
          kioskId: setup.kioskId,
          maskedId: maskIdNumber(card.idNumber),
        },
        document: { ...document, jobKey: key },
        preview,
      };
    });
}

/** A certificate's one journal entry and page. */
export function planCertificate(
  certificate: Certificate,
  setup: DocumentFlowSetup,
  card: IdCardRecord,
): PlannedPrint[] {
  const key = `certificate:${certificate.serial}`;
  const document = certificatePage(certificate, setup.printedAt, setup.kioskId);
  return [
    {
      request: {
        key,
        kind: 'certificate',
        title: certificate.title,
        creditCode: null,
        subject: certificate.title,
        kioskId: setup.kioskId,
        maskedId: maskIdNumber(card.idNumber),
      },
      document: { ...document, jobKey: key },
      preview: document.pages,
    },
  ];
}

/** The sheets of a licence whose keys the journal still lets through. */
export function offerFor(
  licence: PrintableLicence,
  sheets: LicenceSheet[],
  printable: (key: string) => boolean,
): LicenceOffer {
  return {
    licence,
    sheets: sheets.map((sheet) => {
      const key = sheetKey(sheet);
      return { sheet, key, printable: printable(key) };
    }),
  };
}

/**
 * 证照打印: ID card → face against the card photo (three tries) → the licences this person may
 * print and their own certificates → a true-to-layout preview → print, each sheet at most once
 * through the print journal → 请取走您的证照.
 */
export const licencePrintMachine = setup({
  types: {
    context: {} as LicencePrintContext,
    events: {} as LicencePrintEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    children: {} as { identity: 'identify'; printing: 'printJobs' },
    tags: {} as FlowTag,
  },
  actors: {
    prepare: fromPromise<DocumentFlowSetup>(unprovided('prepare')),
    identify: identityMachine,
    loadPrintables: fromPromise<Printables, { card: IdCardRecord }>(unprovided('loadPrintables')),
    issueCertificate: fromPromise<Certificate, { kind: CertificateKind; card: IdCardRecord }>(
      unprovided('issueCertificate'),
    ),
    printJobs: printStepMachine,
  },
  actions: {
    noteFailure: assign({ failure: ({ event }) => failureOf(event) }),
    takeStepResult: assign((_, change: Partial<DocumentFlowFields>) => change),
    // Refused politely: the flow ends, done (the person was told where to go).
    noteIdentityRefused: assign({ outcome: 'done' as const }),
    forgetAll: assign({
      card: null,
      printables: null,
      chosen: null,
      planned: [],
      printSummary: null,
    }),
  },
}).createMachine({
  id: 'licencePrint',
  context: { ...DOCUMENT_FLOW_START, printables: null, chosen: null, planned: [] },
  initial: 'starting',
  output: ({ context }): FlowOutput =>
    // A licence printed is the service to rate (好差评).
    context.outcome === 'done' && context.chosen
      ? {
          outcome: 'done',
          rate: {
            flow: 'licencePrint',
            itemCode: null,
            title: '营业执照打印',
            service: null,
            key: `L:${context.chosen.licence.enterprise.creditCode}`,
          },
        }
      : { outcome: context.outcome },
  states: {
    starting: documentStates.preparing('identifying'),
    identifying: documentStates.identifying({
      verified: 'loading',
      refused: 'ended',
      back: 'ended',
    }),
    loading: {
      tags: 'working',
      entry: assign({ failure: null, chosen: null, planned: [] }),
      invoke: {
        src: 'loadPrintables',
        input: ({ context }) => {
          if (!context.card) throw new Error('loading needs the verified card');
          return { card: context.card };
        },
        onDone: { target: 'choose', actions: assign({ printables: ({ event }) => event.output }) },
        onError: { target: 'loadFailed', actions: 'noteFailure' },
      },
    },
    loadFailed: {
      tags: 'failed',
      on: { 'user.retry': 'loading', 'user.back': 'ended', 'user.done': 'ended' },
    },
    choose: {
      on: {
        'user.selectLicence': [
          {
            guard: ({ context, event }) =>
              context.printables?.licences.some(
                (o) =>
                  o.licence.issuance.id === event.issuanceId && o.sheets.some((s) => s.printable),
              ) === true,
            target: 'preview',
            actions: assign(({ context, event }) => {
              const chosen =
                context.printables?.licences.find(
                  (o) => o.licence.issuance.id === event.issuanceId,
                ) ?? null;
              return {
                chosen,
                planned:
                  chosen && context.setup && context.card
                    ? planLicence(chosen, context.setup, context.card)
                    : [],
              };
            }),
          },
          {
            guard: ({ context, event }) =>
              context.printables?.licences.some(
                (o) => o.licence.issuance.id === event.issuanceId,
              ) === true,
            target: 'alreadyPrinted',
            actions: assign({
              chosen: ({ context, event }) =>
                context.printables?.licences.find(
                  (o) => o.licence.issuance.id === event.issuanceId,
                ) ?? null,
            }),
          },
        ],
        'user.selectCertificate': {
          guard: ({ context, event }) =>
            context.printables?.certificates.includes(event.kind) === true,
          target: 'issuing',
        },
        'user.back': 'ended',
        'user.done': 'ended',
      },
    },
    // 已打印，如需补打请到窗口申请
    alreadyPrinted: { on: { 'user.back': 'choose', 'user.done': 'ended' } },
    issuing: {
      tags: 'working',
      entry: assign({ failure: null }),
      invoke: {
        src: 'issueCertificate',
        input: ({ context, event }) => {
          if (!context.card) throw new Error('a certificate needs the verified card');
          assertEvent(event, 'user.selectCertificate');
          return { kind: event.kind, card: context.card };
        },
        onDone: {
          target: 'preview',
          actions: assign({
            planned: ({ context, event }) =>
              context.setup && context.card
                ? planCertificate(event.output, context.setup, context.card)
                : [],
          }),
        },
        onError: { target: 'issueFailed', actions: 'noteFailure' },
      },
    },
    issueFailed: { tags: 'failed', on: { 'user.back': 'choose', 'user.done': 'ended' } },
    preview: {
      on: {
        'user.print': { guard: ({ context }) => context.planned.length > 0, target: 'printing' },
        'user.back': { target: 'choose', actions: assign({ chosen: null, planned: [] }) },
      },
    },
    printing: documentStates.printing(({ planned }: LicencePrintContext) => planned, 'finished'),
    // 请取走您的证照 (the sheets are printed: nothing is planned any more)
    finished: {
      entry: assign({ planned: [] }),
      on: { 'user.done': 'ended', 'user.more': 'loading' },
    },
    ended: { type: 'final', entry: 'forgetAll' },
  },
});

export type LicencePrintMachine = typeof licencePrintMachine;
