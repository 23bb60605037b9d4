import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CaptureSide, CapturedImage, FaceMatch } from '../../device-adapters';
import {
  applicationQrData,
  isValidIdNumber,
  itemsDoneWith,
  type Applicant,
  type Application,
  type Catalog,
  type CardLock,
  type CatalogItem,
  type IdCardRecord,
  type KioskDecision,
  type PrintDocument,
  type Submission,
} from '../../domain';
import { TEST_PERSONS } from '../../domain/testPersons';
import {
  cardStepMachine,
  guideMachine,
  identityMachine,
  itemsMachine,
  printStepMachine,
  progressMachine,
  type DocumentFlowSetup,
  type FaceLockInput,
  type GuideEvent,
  type GuideSetup,
  type ItemsEvent,
  type LookupInput,
  type LookupOutput,
  type PrintActorOutput,
  type PrintJob,
  type ProgressEvent,
} from '../../machines';
import { MockApplicationDesk } from '../../stores/applications';
import { SEED_ENTERPRISES } from '../../stores/registry';
import type { DeviceDesk } from './deviceDesk';
import { hostileText } from './hostileText';
import { TODAY } from './idNumbers';

// The worlds of 办事指南, 一证通办 and 进度查询 for the flow fuzz: the demo hall's seed catalog,
// and what its simulated back office (审批系统) answers, gathered once from the real mock desk so
// that every answer is one the kiosk can really get.

const seed = JSON.parse(
  readFileSync(new URL('../../public/catalog.json', import.meta.url), 'utf8'),
) as Catalog;

export const SEED_ITEMS: readonly CatalogItem[] = seed.items;

const CARDS: readonly IdCardRecord[] = TEST_PERSONS.map((p) => p.record);
const ADULT = TEST_PERSONS.find((p) => p.id === 'adult')?.record ?? CARDS[0];
const person = (card: IdCardRecord | undefined): Applicant => ({
  kind: 'person',
  idNumber: card?.idNumber ?? '',
  name: card?.name ?? '',
});

/** Every answer the back office gives, of each kind, as the mock desk gave it for the seed. */
export interface DeskAnswers {
  decisions: KioskDecision[];
  applications: Application[];
  enterprises: (string | null)[];
}

/**
 * Asks the mock desk every question the flows ask: each kiosk item decided for each test person
 * (granted and refused), and applications submitted and moved into every state they can be in.
 */
export async function deskAnswers(): Promise<DeskAnswers> {
  const desk = new MockApplicationDesk({ items: SEED_ITEMS, respondMs: 0 });
  const kioskItems = SEED_ITEMS.filter((item) => item.channel === 'kiosk');
  const decisions: KioskDecision[] = [];
  // The desk hears of a card only once 人证核验 accepted it: a number that checks.
  for (const card of CARDS.filter((c) => isValidIdNumber(c.idNumber, TODAY)))
    for (const item of kioskItems) decisions.push(await desk.decide(item.code, person(card)));
  const submitItem = SEED_ITEMS.find((item) => item.channel === 'submit');
  if (!submitItem) throw new Error('the seed catalog has no submit item');
  const submit = () =>
    desk.submit({
      itemCode: submitItem.code,
      applicant: person(ADULT),
      fields: Object.fromEntries(
        (submitItem.form ?? []).map((field) => [
          field.id,
          { text: '示范', digits: '3', phone: '13800138000' }[field.kind],
        ]),
      ),
      pages: [],
      declared: true,
    });
  const submitted = [await submit()];
  const moves: Parameters<MockApplicationDesk['move']>[1][][] = [
    ['reviewing'],
    ['reviewing', 'correction'],
    ['reviewing', 'completed'],
    ['rejected'],
  ];
  for (const path of moves) {
    const application = await submit();
    for (const to of path)
      desk.move(application.number, to, {
        ...(to === 'correction' && { missing: ['劳动合同 1 份'] }),
        ...(to === 'rejected' && { reason: '不属于本县受理范围' }),
      });
    submitted.push(application);
  }
  const stored = await desk.applicationsOf(ADULT?.idNumber ?? '');
  const applications = submitted.map((a) => stored.find((s) => s.number === a.number) ?? a);
  if (!applications.some((a) => a.state === 'completed' && a.result))
    throw new Error('the mock desk completed no application with a result');
  const enterprise = SEED_ENTERPRISES[0]?.enterprise.name ?? '示范企业';
  if (!decisions.some((d) => d.granted) || !decisions.some((d) => !d.granted))
    throw new Error('the seed gives no granted or no refused kiosk decision');
  return { decisions, applications, enterprises: [enterprise, null] };
}

const one = <E>(event: fc.Arbitrary<E>, weight: number) => ({
  arbitrary: event.map((e) => [e]),
  weight,
});

/** The card step and the identity step (人证核验), their calls at `desk`. */
const identityAt = (desk: DeviceDesk) =>
  identityMachine.provide({
    actors: {
      readCard: cardStepMachine.provide({
        actors: { readIdCard: desk.actor<IdCardRecord, unknown>('readIdCard', () => CARDS) },
      }),
      verifyFace: desk.actor<FaceMatch, { photo: string | undefined }>('verifyFace', () => [
        { score: 0.93 },
      ]),
      checkFaceLock: desk.actor<CardLock, FaceLockInput>('checkFaceLock', () => LOCKS),
      recordFaceFailure: desk.actor<CardLock, FaceLockInput>('recordFaceFailure', () => LOCKS),
    },
  });
const LOCKS: readonly CardLock[] = [
  { locked: false },
  { locked: false },
  { locked: true, until: '2099-01-01T00:00:00.000Z' },
];

const printerAt = (desk: DeviceDesk, name: string, answers: () => readonly PrintActorOutput[]) =>
  printStepMachine.provide({
    actors: { print: desk.actor<PrintActorOutput, PrintJob>(name, answers) },
  });

/** A journalled print: printed, or refused by the journal as the real one refuses. */
const JOURNAL_ANSWERS: readonly PrintActorOutput[] = [
  { printed: true },
  { printed: true },
  { printed: false, refused: 'already-printed' },
  { printed: false, refused: 'needs-check' },
  { printed: false, refused: 'in-progress' },
];

const documentSetup: readonly DocumentFlowSetup[] = [
  { today: TODAY, printedAt: `${TODAY} 02:00`, kioskId: 'K-01', stationery: false },
];

// ——— 办事指南 ———

export interface GuideWorld {
  items: CatalogItem[];
}

/** Some of the seed's items, some of them disabled by staff. */
export const guideWorld: fc.Arbitrary<GuideWorld> = fc
  .subarray([...SEED_ITEMS], { minLength: 0, maxLength: 12 })
  .chain((items) =>
    fc
      .array(fc.boolean(), { minLength: items.length, maxLength: items.length })
      .map((on) => ({ items: items.map((item, i) => ({ ...item, enabled: on[i] ?? true })) })),
  );

const A4: PrintDocument = {
  title: '一次性告知书',
  paper: 'A4',
  pages: ['<svg xmlns="http://www.w3.org/2000/svg"/>'],
  text: '一次性告知书',
};

export const guideFlow = (world: () => GuideWorld, desk: DeviceDesk) =>
  guideMachine.provide({
    actors: {
      loadGuide: desk.actor<GuideSetup, unknown>('loadGuide', () => [
        { items: world().items, document: () => A4 },
      ]),
      printGuide: printerAt(desk, 'printGuide', () => [undefined]),
    },
  });

const QUERIES = ['bdc', 'sb', '社保', '不动产', '', 'zzz'];

export const guideCandidates = (world: GuideWorld): GuideEvent[][] => [
  ...world.items.slice(0, 6).map((item) => [{ type: 'user.open' as const, code: item.code }]),
  ...QUERIES.map((query) => [{ type: 'user.query' as const, query }]),
  [{ type: 'user.department', department: 'real-estate' }],
  [{ type: 'user.department', department: null }],
  [{ type: 'user.audience', audience: 'business' }],
  [{ type: 'user.audience', audience: null }],
  [{ type: 'user.print' }],
  [{ type: 'user.close' }],
  [{ type: 'user.queue' }],
  [{ type: 'user.book' }],
  [{ type: 'user.retry' }],
];

export const guideGesture = (world: GuideWorld): fc.Arbitrary<GuideEvent[]> =>
  fc.oneof(
    one(
      fc.oneof(
        fc
          .constantFrom(...world.items.map((item) => item.code), 'NO-SUCH')
          .map((code): GuideEvent => ({ type: 'user.open', code })),
        hostileText(80).map((query): GuideEvent => ({ type: 'user.query', query })),
        fc.constantFrom<GuideEvent>(
          { type: 'user.print' },
          { type: 'user.close' },
          { type: 'user.retry' },
          { type: 'user.queue' },
          { type: 'user.book' },
          { type: 'user.department', department: 'tax' },
          { type: 'user.audience', audience: 'person' },
        ),
      ),
      4,
    ),
    one(fc.constantFrom<GuideEvent>({ type: 'user.done' }, { type: 'user.back' }), 1),
  );

// ——— 一证通办 / 一照通办 ———

export interface ItemsWorld {
  catalog: CatalogItem[];
  answers: DeskAnswers;
  images: CapturedImage[];
}

/** The items an applicant may do, as the desk answers: all, some, or none of those asked. */
const eligibleAnswers = ({ codes }: { codes: string[] }): string[][] => [
  codes,
  codes.filter((_, i) => i % 2 === 0),
  [],
];

const applicationFor = (answers: DeskAnswers, submission: Submission): Application[] =>
  answers.applications.map((a) => ({ ...a, itemCode: submission.itemCode }));

export const itemsWorld = (answers: DeskAnswers): fc.Arbitrary<ItemsWorld> =>
  fc.record({
    // Always some 一证 and 一照 items of each channel; the rest by chance.
    catalog: fc
      .subarray([...SEED_ITEMS], { minLength: 0 })
      .map((some) => [...new Set([...itemsDoneWith(SEED_ITEMS, 'id-card').slice(0, 8), ...some])]),
    answers: fc.constant(answers),
    images: fc.constant([
      { dataUrl: 'data:image/png;base64,AAAA', width: 1600, height: 1200 },
    ] satisfies CapturedImage[]),
  });

export const itemsFlow = (world: () => ItemsWorld, desk: DeviceDesk) =>
  itemsMachine.provide({
    actors: {
      prepare: desk.actor<DocumentFlowSetup, unknown>('prepare', () => documentSetup),
      loadItems: desk.actor<CatalogItem[], unknown>('loadItems', () => [world().catalog]),
      eligibleItems: desk.actor<string[], { applicant: Applicant; codes: string[] }>(
        'eligibleItems',
        eligibleAnswers,
      ),
      representedEnterprise: desk.actor<string | null, { creditCode: string; idNumber: string }>(
        'representedEnterprise',
        () => world().answers.enterprises,
      ),
      decide: desk.actor<KioskDecision, { itemCode: string; applicant: Applicant }>(
        'decide',
        () => world().answers.decisions,
      ),
      captureImage: desk.actor<CapturedImage, { side: CaptureSide }>(
        'captureImage',
        () => world().images,
      ),
      submit: desk.actor<Application, Submission>('submit', (submission) =>
        applicationFor(world().answers, submission),
      ),
      identify: identityAt(desk),
      printJobs: printerAt(desk, 'printJobs', () => JOURNAL_ANSWERS),
      printSlip: printerAt(desk, 'printSlip', () => [undefined]),
    },
  });

const CREDIT_CODE = SEED_ENTERPRISES[0]?.enterprise.creditCode ?? '91350100M000100Y43';

export const itemsCandidates = (world: ItemsWorld): ItemsEvent[][] => [
  [{ type: 'user.person' }],
  [{ type: 'user.business' }],
  [{ type: 'user.type', text: CREDIT_CODE }],
  [{ type: 'code.scanned', text: `https://license.example/verify?code=${CREDIT_CODE}` }],
  [{ type: 'user.confirm' }],
  ...world.catalog.slice(0, 10).map((item) => [{ type: 'user.choose' as const, code: item.code }]),
  [
    { type: 'user.field', id: 'name', value: '张伟' },
    { type: 'user.field', id: 'phone', value: '13800138000' },
    { type: 'user.next' },
  ],
  [{ type: 'user.next' }],
  [{ type: 'user.capture' }],
  [{ type: 'user.skip' }],
  [{ type: 'user.declare' }],
  [{ type: 'user.print' }],
  [{ type: 'user.retry' }],
  [{ type: 'user.queue' }],
  [{ type: 'user.book' }],
];

export const itemsGesture = (world: ItemsWorld): fc.Arbitrary<ItemsEvent[]> =>
  fc.oneof(
    one(
      fc.oneof(
        fc
          .constantFrom(...world.catalog.map((item) => item.code), 'NO-SUCH')
          .map((code): ItemsEvent => ({ type: 'user.choose', code })),
        hostileText(40).map((text): ItemsEvent => ({ type: 'user.type', text })),
        hostileText(40).map((text): ItemsEvent => ({ type: 'code.scanned', text })),
        fc
          .record({
            id: fc.constantFrom('name', 'phone', 'address', 'nope'),
            value: hostileText(60),
          })
          .map(({ id, value }): ItemsEvent => ({ type: 'user.field', id, value })),
        fc.constantFrom<ItemsEvent>(
          { type: 'user.person' },
          { type: 'user.business' },
          { type: 'user.confirm' },
          { type: 'user.next' },
          { type: 'user.capture' },
          { type: 'user.skip' },
          { type: 'user.declare' },
          { type: 'user.print' },
          { type: 'user.retry' },
          { type: 'user.queue' },
          { type: 'user.book' },
        ),
      ),
      4,
    ),
    one(fc.constantFrom<ItemsEvent>({ type: 'user.done' }, { type: 'user.back' }), 1),
  );

// ——— 进度查询 ———

export interface ProgressWorld {
  answers: DeskAnswers;
  /** The code the citizen scanned on the home screen, if any. */
  code: string | null;
}

export const progressWorld = (answers: DeskAnswers): fc.Arbitrary<ProgressWorld> =>
  fc.record({
    answers: fc.constant(answers),
    code: fc.oneof(
      fc.constant(null),
      fc.constantFrom(...answers.applications.map(applicationQrData)),
      hostileText(40),
    ),
  });

const lookups = (answers: DeskAnswers): LookupOutput[] => [
  ...answers.applications.map((application) => ({ found: true as const, application })),
  { found: false, why: 'unknown' },
  { found: false, why: 'not-yours' },
];

export const progressFlow = (world: () => ProgressWorld, desk: DeviceDesk) =>
  progressMachine.provide({
    actors: {
      prepare: desk.actor<DocumentFlowSetup, unknown>('prepare', () => documentSetup),
      lookUp: desk.actor<LookupOutput, LookupInput>('lookUp', () => lookups(world().answers)),
      applicationsOf: desk.actor<Application[], { idNumber: string }>('applicationsOf', () => [
        world().answers.applications,
        world().answers.applications.slice(0, 1),
        [],
      ]),
      identify: identityAt(desk),
      printJobs: printerAt(desk, 'printJobs', () => JOURNAL_ANSWERS),
    },
  });

export const progressCandidates = (world: ProgressWorld): ProgressEvent[][] => [
  [{ type: 'user.byNumber' }],
  [{ type: 'user.byCard' }],
  [
    { type: 'user.type', text: world.answers.applications[0]?.number ?? 'SQ1' },
    { type: 'user.lookUp' },
  ],
  [{ type: 'user.lookUp' }],
  ...world.answers.applications.map((a) => [{ type: 'user.open' as const, number: a.number }]),
  ...world.answers.applications
    .slice(0, 2)
    .map((a) => [{ type: 'code.scanned' as const, text: applicationQrData(a) }]),
  [{ type: 'user.identify' }],
  [{ type: 'user.print' }],
  [{ type: 'user.retry' }],
];

export const progressGesture = (world: ProgressWorld): fc.Arbitrary<ProgressEvent[]> =>
  fc.oneof(
    one(
      fc.oneof(
        hostileText(40).map((text): ProgressEvent => ({ type: 'user.type', text })),
        hostileText(40).map((text): ProgressEvent => ({ type: 'code.scanned', text })),
        fc
          .constantFrom(...world.answers.applications.map((a) => a.number), 'SQ0')
          .map((number): ProgressEvent => ({ type: 'user.open', number })),
        fc.constantFrom<ProgressEvent>(
          { type: 'user.byNumber' },
          { type: 'user.byCard' },
          { type: 'user.lookUp' },
          { type: 'user.identify' },
          { type: 'user.print' },
          { type: 'user.retry' },
        ),
      ),
      4,
    ),
    one(fc.constantFrom<ProgressEvent>({ type: 'user.done' }, { type: 'user.back' }), 1),
  );
