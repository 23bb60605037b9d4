import {
  ageOn,
  applicantIdNumber,
  birthDateOf,
  applicationNumber,
  calendarDateOf,
  canMove,
  chineseDate,
  maskIdNumber,
  maskName,
  type Applicant,
  type Application,
  type ApplicationDesk,
  type ApplicationState,
  type CalendarDate,
  type CatalogItem,
  type Certificate,
  type KioskDecision,
  type LookupRefusal,
  type Submission,
} from '../../domain';
import {
  SEED_ENTERPRISES,
  SEED_REAL_ESTATE,
  SEED_SOCIAL_INSURANCE,
  SEED_TAX,
} from '../registry/registrySeed';
import { RegistryUnavailableError } from '../registry/mockLicenceRegistry';

/** Housing-fund accounts of the simulated citizens (by ID number). */
const HOUSING_FUND: Readonly<Record<string, { since: string; monthly: string; balance: string }>> =
  Object.fromEntries(
    Object.entries(SEED_SOCIAL_INSURANCE)
      .filter(([, record]) => record.state.startsWith('正常'))
      .map(([id, record]) => [
        id,
        { since: record.since, monthly: '¥ 1,860.00', balance: '¥ 86,412.37' },
      ]),
  );

const ISSUERS: Readonly<Record<CatalogItem['department'], string>> = {
  'social-security': '县社会保险事业管理中心',
  'medical-insurance': '县医疗保障局',
  'housing-fund': '市住房公积金管理中心县管理部',
  tax: '国家税务总局本县税务局',
  'real-estate': '县不动产登记中心',
  'market-regulation': '县市场监督管理局',
  'civil-affairs': '县民政局',
  'public-security': '县公安局',
};

const VERIFY = 'https://desk.example/verify/';

export interface MockApplicationDeskOptions {
  /** The catalog the desk serves (names, departments, results). */
  items: readonly CatalogItem[];
  /** How long the desk takes to answer. Default 400 ms; 0 answers after a microtask. */
  respondMs?: number;
  /** The kiosk's station number, printed in application numbers. Default 1. */
  station?: number;
  now?: () => Date;
}

/**
 * A simulated back office (审批系统) with realistic rules: kiosk items are decided from the
 * simulated registries (参保, 纳税, 公积金, 不动产, the enterprises), one result per item, person
 * and day; submitted applications move 已受理 → 审核中 → 补正材料 / 已办结 / 不予受理 as testers
 * (the simulator panel, `kioskSim.applications`) move them, as staff would. Kept in memory:
 * like the simulated registry, it starts afresh with the page.
 */
export class MockApplicationDesk implements ApplicationDesk {
  readonly #items: ReadonlyMap<string, CatalogItem>;
  readonly #respondMs: number;
  readonly #station: number;
  readonly #now: () => Date;
  readonly #applications = new Map<string, Application & { idNumber: string }>();
  /** Decisions by item, person and day: asking again the same day gets the same result. */
  readonly #decisions = new Map<string, KioskDecision>();
  #serial = 0;
  #offline = false;

  constructor(options: MockApplicationDeskOptions) {
    this.#items = new Map(options.items.map((item) => [item.code, item]));
    this.#respondMs = options.respondMs ?? 400;
    this.#station = options.station ?? 1;
    this.#now = options.now ?? (() => new Date());
  }

  async #answer<T>(work: () => T): Promise<T> {
    await new Promise<void>((resolve) => {
      if (this.#respondMs <= 0) queueMicrotask(resolve);
      else setTimeout(resolve, this.#respondMs);
    });
    if (this.#offline) throw new RegistryUnavailableError();
    return work();
  }

  representedEnterprise(creditCode: string, idNumber: string): Promise<string | null> {
    return this.#answer(() => representedBy(creditCode, idNumber)?.enterprise.name ?? null);
  }

  eligibleItems(applicant: Applicant, itemCodes: readonly string[]): Promise<string[]> {
    return this.#answer(() =>
      itemCodes.filter((code) => {
        const item = this.#items.get(code);
        if (!item?.enabled) return false;
        if (applicant.kind === 'business')
          return item.audience.includes('business') && this.#enterprise(applicant) !== undefined;
        return item.audience.includes('person') && this.#age(applicant.idNumber) >= 16;
      }),
    );
  }

  decide(itemCode: string, applicant: Applicant): Promise<KioskDecision> {
    return this.#answer(() => {
      const item = this.#items.get(itemCode);
      if (!item || item.channel !== 'kiosk' || item.result === undefined)
        return { granted: false, reason: '该事项不能在自助终端办理，请到窗口办理。' };
      const key = `${itemCode}|${applicantIdNumber(applicant)}|${applicant.kind === 'business' ? applicant.creditCode : ''}|${this.#today()}`;
      const earlier = this.#decisions.get(key);
      if (earlier) return earlier;
      const decision = this.#rule(item, applicant);
      this.#decisions.set(key, decision);
      return decision;
    });
  }

  submit(submission: Submission): Promise<Application> {
    return this.#answer(() => {
      const item = this.#items.get(submission.itemCode);
      if (!item || item.channel !== 'submit')
        throw new Error(`not a submit item: ${submission.itemCode}`);
      const missing = (item.form ?? []).filter(
        (field) => field.required && !(submission.fields[field.id] ?? '').trim(),
      );
      if (missing.length > 0)
        throw new Error(`required fields missing: ${missing.map((f) => f.id).join(', ')}`);
      this.#serial += 1;
      const at = this.#now().toISOString();
      const idNumber = applicantIdNumber(submission.applicant);
      const application = {
        number: applicationNumber(this.#today(), this.#station, this.#serial),
        itemCode: item.code,
        itemName: item.name,
        applicantLabel: this.#label(submission.applicant),
        submittedAt: at,
        state: 'accepted' as const,
        history: [
          { state: 'accepted' as const, at, note: `收到申请材料 ${submission.pages.length} 页` },
        ],
        slipToken: randomToken(),
        idNumber,
      };
      this.#applications.set(application.number, application);
      return publicView(application);
    });
  }

  lookup(query: {
    number: string;
    idNumber?: string;
    slipToken?: string;
  }): Promise<{ found: true; application: Application } | { found: false; why: LookupRefusal }> {
    return this.#answer(() => {
      const stored = this.#applications.get(query.number.trim().toUpperCase());
      if (!stored) return { found: false, why: 'unknown' };
      const holder = query.idNumber !== undefined && query.idNumber === stored.idNumber;
      const slip = query.slipToken !== undefined && query.slipToken === stored.slipToken;
      return holder || slip
        ? { found: true, application: publicView(stored) }
        : { found: false, why: 'not-yours' };
    });
  }

  applicationsOf(idNumber: string): Promise<Application[]> {
    return this.#answer(() =>
      [...this.#applications.values()]
        .filter((a) => a.idNumber === idNumber)
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
        .map(publicView),
    );
  }

  // Controls for testers and the simulator: staff's side of the back office.

  get offline(): boolean {
    return this.#offline;
  }

  set offline(value: boolean) {
    this.#offline = value;
  }

  /** Every application, newest first (numbers and states; no personal details). */
  list(): { number: string; itemName: string; state: ApplicationState }[] {
    return [...this.#applications.values()]
      .reverse()
      .map(({ number, itemName, state }) => ({ number, itemName, state }));
  }

  /**
   * Moves an application as staff would: `correction` with what is missing, `rejected` with the
   * reason, `completed` with its result. A move the process does not allow throws.
   */
  move(
    number: string,
    to: ApplicationState,
    detail: { missing?: readonly string[]; reason?: string; note?: string } = {},
  ): Application {
    const stored = this.#applications.get(number);
    if (!stored) throw new Error(`no application ${number}`);
    if (!canMove(stored.state, to))
      throw new Error(`an application cannot go from ${stored.state} to ${to}`);
    if (to === 'correction' && !detail.missing?.length)
      throw new Error('补正材料 needs the list of what is missing');
    if (to === 'rejected' && !detail.reason) throw new Error('不予受理 needs a reason');
    const at = this.#now().toISOString();
    const note =
      detail.note ??
      (to === 'correction'
        ? `需补正：${(detail.missing ?? []).join('；')}`
        : to === 'rejected'
          ? detail.reason
          : undefined);
    const next: Application & { idNumber: string } = {
      ...stored,
      state: to,
      history: [...stored.history, { state: to, at, ...(note ? { note } : {}) }],
    };
    delete next.missing;
    delete next.reason;
    if (to === 'correction') next.missing = [...(detail.missing ?? [])];
    if (to === 'rejected') next.reason = detail.reason as string;
    if (to === 'completed') {
      const item = this.#items.get(stored.itemCode);
      next.result = this.#certificate(
        item?.result ?? `${stored.itemName}办结通知书`,
        item?.department ?? 'civil-affairs',
        [
          ['申请编号', number],
          ['事项', stored.itemName],
          ['申请人', stored.applicantLabel],
        ],
        `您申请的“${stored.itemName}”已于${chineseDate(this.#today())}办结。`,
      );
    }
    this.#applications.set(number, next);
    return publicView(next);
  }

  #today(): CalendarDate {
    return calendarDateOf(this.#now());
  }

  #age(idNumber: string): number {
    return ageOn(birthDateOf(idNumber), this.#today());
  }

  #enterprise(applicant: Extract<Applicant, { kind: 'business' }>) {
    return representedBy(applicant.creditCode, applicant.representative.idNumber);
  }

  #label(applicant: Applicant): string {
    return applicant.kind === 'person'
      ? `${maskName(applicant.name)}（${maskIdNumber(applicant.idNumber)}）`
      : `${applicant.enterpriseName}（法定代表人 ${maskName(applicant.representative.name)}）`;
  }

  /** The back office's rule for a kiosk item: the registry must hold what the result states. */
  #rule(item: CatalogItem, applicant: Applicant): KioskDecision {
    const title = item.result as string;
    const asOf = chineseDate(this.#today());
    const refuse = (reason: string): KioskDecision => ({
      granted: false,
      reason: `${reason}如有疑问请到${item.place.window}咨询，电话 ${item.enquiryTelephone}。`,
    });
    const grant = (rows: [string, string][], statement: string): KioskDecision => ({
      granted: true,
      result: this.#certificate(title, item.department, rows, statement),
    });
    if (applicant.kind === 'business') {
      const seed = this.#enterprise(applicant);
      if (!seed) return refuse('未查询到该企业或您不是其法定代表人。');
      return grant(
        [
          ['单位名称', seed.enterprise.name],
          ['统一社会信用代码', seed.enterprise.creditCode],
          ['法定代表人', maskName(applicant.representative.name)],
        ],
        `经查询，截至${asOf}，该单位${item.name}情况正常，特此证明。`,
      );
    }
    const id = applicant.idNumber;
    const holder: [string, string][] = [
      ['姓名', applicant.name],
      ['身份证件号码', maskIdNumber(id)],
    ];
    switch (item.department) {
      case 'social-security':
      case 'medical-insurance': {
        const record = SEED_SOCIAL_INSURANCE[id];
        if (!record) return refuse('未查询到您在本县的参保记录。');
        return grant(
          [
            ...holder,
            ['首次参保', record.since],
            ['累计缴费', `${record.months} 个月`],
            ['参保状态', record.state],
          ],
          `兹证明该人截至${asOf}参保情况如上。`,
        );
      }
      case 'tax': {
        const record = SEED_TAX[id];
        if (!record) return refuse('未查询到您近 12 个月的纳税记录。');
        return grant(
          [...holder, ['主管税务机关', record.office], ['实缴（退）金额合计', record.total]],
          `兹证明该纳税人截至${asOf}近 12 个月纳税情况如上。`,
        );
      }
      case 'housing-fund': {
        const record = HOUSING_FUND[id];
        if (!record) return refuse('未查询到您的住房公积金账户。');
        return grant(
          [
            ...holder,
            ['开户时间', record.since],
            ['月缴存额', record.monthly],
            ['账户状态', '正常缴存'],
          ],
          `兹证明该职工截至${asOf}住房公积金缴存情况如上。`,
        );
      }
      case 'real-estate': {
        const owned = SEED_REAL_ESTATE.filter((r) => r.owners.some((o) => o.idNumber === id));
        return grant(
          [...holder, ['登记记录', owned.length > 0 ? `${owned.length} 条` : '无']],
          owned.length > 0
            ? `经查询，截至${asOf}，该人名下有不动产登记记录${owned.length}条。`
            : `经查询，截至${asOf}，该人名下无不动产登记记录。`,
        );
      }
      case 'public-security':
        if (this.#age(id) < 18) return refuse('未满十八周岁，请由监护人陪同到窗口办理。');
        return grant(holder, `经查询，截至${asOf}，未发现该人有犯罪记录。`);
      default:
        return grant(holder, `经查询，截至${asOf}，该人${item.name}情况如上。`);
    }
  }

  #certificate(
    title: string,
    department: CatalogItem['department'],
    rows: [string, string][],
    statement: string,
  ): Certificate {
    this.#serial += 1;
    const now = this.#now();
    const serial = `ZZ${this.#today().replaceAll('-', '')}${String(this.#station).padStart(2, '0')}${String(this.#serial).padStart(5, '0')}`;
    return {
      kind: 'item',
      serial,
      title,
      issuer: ISSUERS[department],
      rows,
      statement,
      issuedAt: now.toISOString(),
      verifyUrl: `${VERIFY}${serial}`,
    };
  }
}

/** The seed enterprise with this credit code whose legal representative has this ID number. */
function representedBy(creditCode: string, idNumber: string) {
  return SEED_ENTERPRISES.find(
    (seed) =>
      seed.enterprise.creditCode === creditCode &&
      seed.people.some((p) => p.idNumber === idNumber && p.role === 'legal-representative'),
  );
}

function publicView(stored: Application & { idNumber: string }): Application {
  const { idNumber: _hidden, ...application } = stored;
  void _hidden;
  return structuredClone(application);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
