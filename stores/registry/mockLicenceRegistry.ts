import {
  addressLine,
  calendarDateOf,
  chineseDate,
  maskIdNumber,
  type AddressPath,
  type Certificate,
  type CertificateKind,
  type LicenceCopy,
  type LicenceRegistry,
  type PrintableLicence,
  type RealEstateRecord,
  type ReprintAuthorisation,
} from '../../domain';
import {
  SEED_ENTERPRISES,
  SEED_REAL_ESTATE,
  SEED_SOCIAL_INSURANCE,
  SEED_TAX,
  type SeedEnterprise,
} from './registrySeed';

/** Waits `ms`; 0 waits only a microtask, so tests under fake timers need not advance the clock. */
function answerAfter(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) queueMicrotask(resolve);
    else setTimeout(resolve, ms);
  });
}

export interface MockLicenceRegistryOptions {
  /** How long the registry takes to answer. Default 400 ms. */
  respondMs?: number;
  enterprises?: readonly SeedEnterprise[];
  realEstate?: readonly RealEstateRecord[];
}

/** The registry did not answer (as a tester staged it). */
export class RegistryUnavailableError extends Error {
  readonly code = 'offline';
  constructor() {
    super('the licence registry does not answer (as staged)');
    this.name = 'RegistryUnavailableError';
  }
}

const VERIFY = 'https://registry.example/verify/';

/**
 * A simulated 电子证照库 with realistic seed data (registrySeed.ts): enterprises with valid
 * credit codes, the test persons as their legal representatives or agents, licences waiting to
 * be printed, real estate with a mortgage and a seizure. Testers can take it offline and play the
 * window staff who authorise a reprint.
 */
export class MockLicenceRegistry implements LicenceRegistry {
  readonly #respondMs: number;
  readonly #enterprises: readonly SeedEnterprise[];
  readonly #realEstate: readonly RealEstateRecord[];
  readonly #reprints = new Map<string, ReprintAuthorisation[]>();
  #offline = false;
  #serial = 0;

  constructor(options: MockLicenceRegistryOptions = {}) {
    this.#respondMs = options.respondMs ?? 400;
    this.#enterprises = options.enterprises ?? SEED_ENTERPRISES;
    this.#realEstate = options.realEstate ?? SEED_REAL_ESTATE;
  }

  async #answer<T>(work: () => T): Promise<T> {
    await answerAfter(this.#respondMs);
    if (this.#offline) throw new RegistryUnavailableError();
    return work();
  }

  printableLicences(idNumber: string): Promise<PrintableLicence[]> {
    return this.#answer(() =>
      this.#enterprises.flatMap((seed) => {
        const person = seed.people.find((p) => p.idNumber === idNumber);
        if (!person) return [];
        return seed.issuances.map((issuance) => ({
          enterprise: seed.enterprise,
          role: person.role,
          issuance: { ...issuance, reprints: [...(this.#reprints.get(issuance.id) ?? [])] },
        }));
      }),
    );
  }

  issueCertificate(kind: CertificateKind, idNumber: string, name: string): Promise<Certificate> {
    return this.#answer(() => {
      const now = new Date();
      const serial = `${kind === 'property' ? 'BDC' : kind === 'tax' ? 'SW' : 'SB'}${calendarDateOf(now).replaceAll('-', '')}${String(now.getTime() % 1e6).padStart(6, '0')}${(this.#serial += 1)}`;
      const base = {
        kind,
        serial,
        issuedAt: now.toISOString(),
        verifyUrl: `${VERIFY}${serial}`,
      };
      const holder: [string, string][] = [
        ['姓名', name],
        ['身份证件号码', maskIdNumber(idNumber)],
      ];
      const asOf = chineseDate(calendarDateOf(now));
      switch (kind) {
        case 'property': {
          const owned = this.#realEstate.filter((r) =>
            r.owners.some((o) => o.idNumber === idNumber),
          );
          return {
            ...base,
            title: owned.length > 0 ? '不动产权属证明（有房）' : '不动产权属证明（无房）',
            issuer: '不动产登记中心',
            rows: [
              ...holder,
              ...owned.map((r, i): [string, string] => [
                `不动产${i + 1}`,
                `${addressLine(r.address)}，${r.area.toFixed(2)}平方米，${r.use}`,
              ]),
            ],
            statement:
              owned.length > 0
                ? `经查询，截至${asOf}，该人名下在本登记机构有不动产登记记录${owned.length}条，详见上表。`
                : `经查询，截至${asOf}，该人名下在本登记机构无不动产登记记录。`,
          };
        }
        case 'social-insurance': {
          const record = SEED_SOCIAL_INSURANCE[idNumber];
          return {
            ...base,
            title: '社会保险参保证明（个人）',
            issuer: '社会保险事业管理中心',
            rows: record
              ? [
                  ...holder,
                  ['参保险种', '企业职工基本养老保险、基本医疗保险、失业保险、工伤保险'],
                  ['首次参保', record.since],
                  ['累计缴费', `${record.months} 个月`],
                  ['参保状态', record.state],
                ]
              : holder,
            statement: record
              ? `兹证明该人截至${asOf}在本市参加社会保险，情况如上。`
              : `经查询，截至${asOf}，未查询到该人在本市的社会保险参保记录。`,
          };
        }
        case 'tax': {
          const record = SEED_TAX[idNumber];
          return {
            ...base,
            title: '个人所得税纳税记录',
            issuer: record?.office ?? '国家税务总局',
            rows: record
              ? [
                  ...holder,
                  ['税种', '个人所得税'],
                  ['所属期间', '近 12 个月'],
                  ['实缴（退）金额合计', record.total],
                ]
              : holder,
            statement: record
              ? `兹证明该纳税人截至${asOf}近 12 个月个人所得税纳税情况如上。`
              : `经查询，截至${asOf}，该人近 12 个月无个人所得税纳税记录。`,
          };
        }
      }
    });
  }

  addressOptions(path: AddressPath): Promise<string[]> {
    return this.#answer(() => {
      const next = new Set<string>();
      for (const record of this.#realEstate) {
        if (
          path.every((part, i) => record.address[i] === part) &&
          record.address.length > path.length
        )
          next.add(record.address[path.length] as string);
      }
      return [...next].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    });
  }

  realEstateAt(path: AddressPath): Promise<RealEstateRecord | null> {
    return this.#answer(
      () =>
        this.#realEstate.find(
          (r) => r.address.length === path.length && r.address.every((part, i) => part === path[i]),
        ) ?? null,
    );
  }

  // Controls for testers and the simulator.

  /** Whether the registry answers; an offline registry rejects every call. */
  get offline(): boolean {
    return this.#offline;
  }

  set offline(value: boolean) {
    this.#offline = value;
  }

  /** Window staff approve a reprint (补打) of one sheet; the kiosk may then print it once more. */
  authoriseReprint(
    issuanceId: string,
    copy: LicenceCopy,
    index = 1,
    staff = '窗口工作人员',
  ): ReprintAuthorisation {
    const known = this.#enterprises.some((e) => e.issuances.some((i) => i.id === issuanceId));
    if (!known) throw new Error(`no issuance ${issuanceId}`);
    const list = this.#reprints.get(issuanceId) ?? [];
    const authorisation: ReprintAuthorisation = {
      id: `R${list.length + 1}-${Date.now().toString(36)}`,
      copy,
      index,
      authorisedBy: staff,
      authorisedAt: new Date().toISOString(),
    };
    this.#reprints.set(issuanceId, [...list, authorisation]);
    return authorisation;
  }

  /** The issuances of the seed, for the panel and scripts. */
  get issuances(): { id: string; enterprise: string }[] {
    return this.#enterprises.flatMap((e) =>
      e.issuances.map((i) => ({ id: i.id, enterprise: e.enterprise.name })),
    );
  }
}
