import {
  calendarDateOf,
  creditCheckCharacter,
  idCheckCharacter,
  type Enterprise,
  type EnterpriseRole,
  type LicenceIssuance,
  type RealEstateRecord,
} from '../../domain';
import { TEST_PERSONS } from '../../domain/testPersons';

/** The ID number of a test person, by slug. */
function idOf(slug: string): string {
  const person = TEST_PERSONS.find((p) => p.id === slug);
  if (!person) throw new Error(`no test person ${slug}`);
  return person.record.idNumber;
}

/** The GB 11714 check character of an eight-character organisation code body. */
function orgCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body.charAt(i);
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (weights[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A unified social credit code: 9 (market regulator) 1 (enterprise), region, organisation code, check. */
export function creditCodeFor(region: string, orgBody: string): string {
  const first17 = `91${region}${orgBody}${orgCheck(orgBody)}`;
  return first17 + creditCheckCharacter(first17);
}

/** A made-up person who is not on a test card: an owner the cardholders are not. */
function otherPerson(prefix: string, birth: string, sequence: string): string {
  const first17 = prefix + birth.replaceAll('-', '') + sequence;
  return first17 + idCheckCharacter(first17);
}

/** Dates relative to today, so pending issuances stay recent whenever the simulator runs. */
const today = new Date();
const daysAgo = (days: number) =>
  calendarDateOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - days));

const VERIFY = 'https://registry.example/verify/';

export interface SeedEnterprise {
  enterprise: Enterprise;
  /** Who may print its licences, by ID number. */
  people: { idNumber: string; role: EnterpriseRole }[];
  issuances: Omit<LicenceIssuance, 'reprints'>[];
}

const yunshan = creditCodeFor('110105', 'MA01YT7K');
const qinghe = creditCodeFor('110105', 'MA00QH3B');
const jingu = creditCodeFor('120101', 'MA06JG2C');
const jinghao = creditCodeFor('440305', 'MA5JH8D1');

export const SEED_ENTERPRISES: readonly SeedEnterprise[] = [
  {
    enterprise: {
      creditCode: yunshan,
      name: '北京云杉数字科技有限公司',
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '张伟',
      registeredCapital: '壹佰万元整',
      establishedOn: daysAgo(3),
      termUntil: null,
      address: '北京市朝阳区建国路93号院6号楼12层1201',
      businessScope:
        '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；数据处理和存储支持服务；计算机系统服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      authority: '北京市朝阳区市场监督管理局',
    },
    people: [{ idNumber: idOf('adult'), role: 'legal-representative' }],
    issuances: [
      {
        id: 'ISS-110105-0001',
        creditCode: yunshan,
        reason: 'new',
        issuedOn: daysAgo(3),
        originals: 1,
        duplicates: 1,
        verifyUrl: `${VERIFY}${yunshan}`,
      },
    ],
  },
  {
    enterprise: {
      creditCode: qinghe,
      name: '北京青禾餐饮管理有限公司',
      type: '有限责任公司（自然人独资）',
      legalRepresentative: '刘青禾',
      registeredCapital: '伍拾万元整',
      establishedOn: '2019-04-18',
      termUntil: '2049-04-17',
      address: '北京市朝阳区朝阳门外大街6号1层101',
      businessScope:
        '餐饮管理；食品销售（仅销售预包装食品）；会议及展览服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）许可项目：餐饮服务。',
      authority: '北京市朝阳区市场监督管理局',
    },
    people: [
      { idNumber: otherPerson('110105', '1975-09-03', '031'), role: 'legal-representative' },
      { idNumber: idOf('adult'), role: 'agent' },
    ],
    issuances: [
      {
        id: 'ISS-110105-0002',
        creditCode: qinghe,
        reason: 'change',
        issuedOn: daysAgo(1),
        originals: 1,
        duplicates: 2,
        verifyUrl: `${VERIFY}${qinghe}`,
      },
    ],
  },
  {
    enterprise: {
      creditCode: jingu,
      name: '天津津沽建材有限公司',
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '赵建国',
      registeredCapital: '叁佰万元整',
      establishedOn: daysAgo(2),
      termUntil: null,
      address: '天津市和平区南京路189号津汇广场2座1508',
      businessScope:
        '一般项目：建筑材料销售；轻质建筑材料销售；五金产品零售；建筑装饰材料销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      authority: '天津市和平区市场监督管理局',
    },
    people: [{ idNumber: idOf('senior-60'), role: 'legal-representative' }],
    issuances: [
      {
        id: 'ISS-120101-0001',
        creditCode: jingu,
        reason: 'new',
        issuedOn: daysAgo(2),
        originals: 1,
        duplicates: 1,
        verifyUrl: `${VERIFY}${jingu}`,
      },
    ],
  },
  {
    enterprise: {
      creditCode: jinghao,
      name: '深圳市静好文化传播有限公司',
      type: '有限责任公司',
      legalRepresentative: '周淑珍',
      registeredCapital: '伍佰万元整',
      establishedOn: '2021-08-09',
      termUntil: null,
      address: '深圳市南山区粤海街道科技园社区科苑路15号科兴科学园B栋3单元1802',
      businessScope:
        '一般经营项目是：组织文化艺术交流活动；会议及展览服务；广告设计、代理；广告制作；图文设计制作；摄影扩印服务。',
      authority: '深圳市市场监督管理局南山监管局',
    },
    people: [{ idNumber: idOf('long-term'), role: 'legal-representative' }],
    issuances: [
      {
        id: 'ISS-440305-0001',
        creditCode: jinghao,
        reason: 'change',
        issuedOn: daysAgo(5),
        originals: 1,
        duplicates: 3,
        verifyUrl: `${VERIFY}${jinghao}`,
      },
    ],
  },
];

const ZHANG_WEI = idOf('adult');

export const SEED_REAL_ESTATE: readonly RealEstateRecord[] = [
  {
    unitNumber: '110105003001GB00012F00030501',
    certificateNumber: '京(2018)朝阳区不动产权第0034567号',
    address: ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元501'],
    use: '住宅',
    area: 89.37,
    rightType: '国有建设用地使用权/房屋所有权',
    rightNature: '出让/市场化商品房',
    owners: [{ name: '张伟', idNumber: ZHANG_WEI, share: '单独所有' }],
    mortgages: [
      {
        holder: '中国建设银行股份有限公司北京朝阳支行',
        amount: '186 万元',
        registeredOn: '2018-07-12',
        until: '2048-07-11',
      },
    ],
    seizures: [],
    verifyUrl: `${VERIFY}110105003001GB00012F00030501`,
  },
  {
    unitNumber: '110105003001GB00012F00030502',
    certificateNumber: '京(2016)朝阳区不动产权第0021873号',
    address: ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元502'],
    use: '住宅',
    area: 112.04,
    rightType: '国有建设用地使用权/房屋所有权',
    rightNature: '出让/市场化商品房',
    owners: [
      { name: '李明', idNumber: otherPerson('110105', '1969-02-27', '017'), share: '单独所有' },
    ],
    mortgages: [],
    seizures: [
      {
        authority: '北京市朝阳区人民法院',
        caseNumber: '(2026)京0105执1234号',
        registeredOn: '2026-03-02',
        until: '2029-03-01',
      },
    ],
    verifyUrl: `${VERIFY}110105003001GB00012F00030502`,
  },
  {
    unitNumber: '110105011002GB00045F00051203',
    certificateNumber: '京(2020)朝阳区不动产权第0102938号',
    address: ['朝阳区', '望京街道', '望京花园', '5号楼', '1单元1203'],
    use: '住宅',
    area: 76.5,
    rightType: '国有建设用地使用权/房屋所有权',
    rightNature: '出让/市场化商品房',
    owners: [
      { name: '王芳', idNumber: otherPerson('110105', '1984-05-20', '046'), share: '共同共有' },
      { name: '刘强', idNumber: otherPerson('110105', '1982-11-11', '033'), share: '共同共有' },
    ],
    mortgages: [],
    seizures: [],
    verifyUrl: `${VERIFY}110105011002GB00045F00051203`,
  },
  {
    unitNumber: '320102002003GB00007F00010302',
    certificateNumber: '苏(2017)南京市不动产权第0056789号',
    address: ['玄武区', '梅园新村街道', '中山路18号', '1幢', '1单元302'],
    use: '住宅',
    area: 68.2,
    rightType: '国有建设用地使用权/房屋所有权',
    rightNature: '划拨/房改房',
    owners: [{ name: '孙桂兰', idNumber: idOf('elderly-70'), share: '单独所有' }],
    mortgages: [],
    seizures: [],
    verifyUrl: `${VERIFY}320102002003GB00007F00010302`,
  },
];

/** Who has social insurance and tax records, with what the certificates show. */
export const SEED_SOCIAL_INSURANCE: Readonly<
  Record<string, { since: string; months: number; state: string }>
> = {
  [ZHANG_WEI]: { since: '2011年7月', months: 184, state: '正常参保缴费' },
  [idOf('senior-60')]: { since: '1986年3月', months: 452, state: '正常参保缴费' },
  [idOf('elderly-70')]: { since: '1978年9月', months: 396, state: '已办理退休，按月领取养老金' },
  [idOf('long-term')]: { since: '1968年9月', months: 372, state: '已办理退休，按月领取养老金' },
};

export const SEED_TAX: Readonly<Record<string, { office: string; total: string }>> = {
  [ZHANG_WEI]: { office: '国家税务总局北京市朝阳区税务局', total: '¥ 23,416.80' },
  [idOf('senior-60')]: { office: '国家税务总局天津市和平区税务局', total: '¥ 8,902.35' },
};
