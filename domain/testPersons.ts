import { calendarDateOf } from './calendarDate';
import { svgDataUrl } from './documentSvg';
import type { IdCardRecord } from './idCardRecord';
import { idCheckCharacter } from './idNumber';

/*
 * The simulated citizens: the mock ID-card reader's cards and the people of the simulated
 * registry (stores/registry). Both layers read them from here, below both. Not exported from
 * domain/index.ts, so the kiosk's entry does not carry them.
 */

/** Someone a tester can put on the mock reader: a slug to script with, a label for the panel. */
export interface TestPerson {
  /** Short slug, e.g. 'elderly-70'. */
  id: string;
  /** What the person is for, in Chinese, for the simulator panel. */
  label: string;
  record: IdCardRecord;
}

/** A card photo: a head-and-shoulders silhouette on a coloured ground, 102×126 like a card's photo. */
function facePhotoDataUrl(background: string): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="102" height="126" viewBox="0 0 102 126">' +
    `<rect width="102" height="126" fill="${background}"/>` +
    '<ellipse cx="51" cy="50" rx="22" ry="27" fill="#5b4a42"/>' +
    '<path d="M8 126c4-30 22-42 43-42s39 12 43 42z" fill="#2f3b52"/>' +
    '</svg>';
  return svgDataUrl(svg);
}

/**
 * Ages and validity are reckoned from the day this module loads, so that "70 years old" and
 * "valid" stay true whenever the simulator runs.
 */
const loadedOn = new Date();

function shifted(years: number, days = 0, from: Date = loadedOn): string {
  const date = new Date(from.getFullYear() + years, from.getMonth(), from.getDate() + days);
  return calendarDateOf(date);
}

function yearsAfter(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return calendarDateOf(new Date((year ?? 0) + years, (month ?? 1) - 1, day ?? 1));
}

function compact(date: string): string {
  return date.replaceAll('-', '');
}

/** A number with its check character computed by the GB 11643 rule. */
function numberFor(prefix: string, birthDate: string, sequence: string): string {
  const first17 = prefix + compact(birthDate) + sequence;
  return first17 + idCheckCharacter(first17);
}

/** The first sequence for this sex that makes the check character X. */
function numberEndingInX(prefix: string, birthDate: string, sex: 'M' | 'F'): string {
  for (let sequence = sex === 'M' ? 1 : 2; sequence < 1000; sequence += 2) {
    const number = numberFor(prefix, birthDate, String(sequence).padStart(3, '0'));
    if (number.endsWith('X')) return number;
  }
  throw new Error(`no sequence gives an X check character for ${prefix} ${birthDate}`);
}

/** The same number with a wrong check character, on purpose. */
function withWrongCheck(number: string): string {
  const check = number.charAt(17);
  return number.slice(0, 17) + (check === '0' ? '1' : check === 'X' ? '0' : 'X');
}

const minorBirth = shifted(-15, -30);
const seniorBirth = shifted(-60, -30);
const elderlyBirth = shifted(-70, -30);

export const TEST_PERSONS: readonly TestPerson[] = [
  {
    id: 'adult',
    label: '普通成年人（男，居民身份证）',
    record: {
      cardType: 'resident',
      name: '张伟',
      sex: 'M',
      nation: '汉',
      birthDate: '1988-06-15',
      address: '北京市朝阳区建国路88号院3号楼2单元501号',
      idNumber: numberFor('110105', '1988-06-15', '013'),
      issuer: '北京市公安局朝阳分局',
      validFrom: shifted(-4),
      validTo: yearsAfter(shifted(-4), 20),
      photo: facePhotoDataUrl('#e8eef5'),
    },
  },
  {
    id: 'dot-name',
    label: '姓名含间隔号（买买提·艾力，维吾尔族）',
    record: {
      cardType: 'resident',
      name: '买买提·艾力',
      sex: 'M',
      nation: '维吾尔',
      birthDate: '1979-03-08',
      address: '新疆乌鲁木齐市天山区解放南路120号',
      idNumber: numberFor('650102', '1979-03-08', '031'),
      issuer: '乌鲁木齐市公安局天山区分局',
      validFrom: shifted(-2),
      validTo: yearsAfter(shifted(-2), 20),
      photo: facePhotoDataUrl('#f3ece0'),
    },
  },
  {
    id: 'rare-char',
    label: '姓名含生僻字（王䶮）',
    record: {
      cardType: 'resident',
      name: '王䶮',
      sex: 'M',
      nation: '汉',
      birthDate: '1995-11-02',
      address: '四川省成都市武侯区人民南路四段27号',
      idNumber: numberFor('510107', '1995-11-02', '057'),
      issuer: '成都市公安局武侯区分局',
      validFrom: shifted(-3),
      validTo: yearsAfter(shifted(-3), 10),
      photo: facePhotoDataUrl('#e6f2ea'),
    },
  },
  {
    id: 'foreign-long-name',
    label: '外国人永久居留身份证（新版 9 开头，英文长姓名）',
    record: {
      cardType: 'foreign-permanent',
      name: 'ALEXANDRA KONSTANTINA PAPADOPOULOU-WESTERBERG',
      nameEn: 'ALEXANDRA KONSTANTINA PAPADOPOULOU-WESTERBERG',
      sex: 'F',
      birthDate: '1985-06-12',
      // 9, Shanghai (31) as the place of issue, Greece (300), birth date, sequence 002 (even: female).
      idNumber: numberFor('931300', '1985-06-12', '002'),
      issuer: '国家移民管理局',
      validFrom: shifted(-1),
      validTo: yearsAfter(shifted(-1), 10),
      photo: facePhotoDataUrl('#efe6f3'),
    },
  },
  {
    id: 'x-check',
    label: '号码末位为 X',
    record: {
      cardType: 'resident',
      name: '何晓燕',
      sex: 'F',
      nation: '汉',
      birthDate: '1992-04-21',
      address: '浙江省杭州市西湖区文三路259号',
      idNumber: numberEndingInX('330106', '1992-04-21', 'F'),
      issuer: '杭州市公安局西湖区分局',
      validFrom: shifted(-5),
      validTo: yearsAfter(shifted(-5), 20),
      photo: facePhotoDataUrl('#f5ebe8'),
    },
  },
  {
    id: 'expired',
    label: '证件已过期',
    record: {
      cardType: 'resident',
      name: '陈静',
      sex: 'F',
      nation: '汉',
      birthDate: '1990-09-09',
      address: '广东省深圳市南山区科技园南区高新南七道8号',
      idNumber: numberFor('440305', '1990-09-09', '024'),
      issuer: '深圳市公安局南山分局',
      validFrom: '2010-08-01',
      validTo: '2020-08-01',
      photo: facePhotoDataUrl('#e8f0f3'),
    },
  },
  {
    id: 'minor-15',
    label: '未成年人（15 周岁）',
    record: {
      cardType: 'resident',
      name: '李子涵',
      sex: 'F',
      nation: '汉',
      birthDate: minorBirth,
      address: '上海市徐汇区漕溪北路595号',
      idNumber: numberFor('310104', minorBirth, '046'),
      issuer: '上海市公安局徐汇分局',
      validFrom: shifted(-1),
      validTo: yearsAfter(shifted(-1), 5),
      photo: facePhotoDataUrl('#fdf3e1'),
    },
  },
  {
    id: 'senior-60',
    label: '老年人（刚满 60 周岁）',
    record: {
      cardType: 'resident',
      name: '赵建国',
      sex: 'M',
      nation: '汉',
      birthDate: seniorBirth,
      address: '天津市和平区南京路189号',
      idNumber: numberFor('120101', seniorBirth, '015'),
      issuer: '天津市公安局和平分局',
      validFrom: shifted(-16),
      validTo: yearsAfter(shifted(-16), 20),
      photo: facePhotoDataUrl('#eceff1'),
    },
  },
  {
    id: 'elderly-70',
    label: '老年人（70 周岁，长期有效）',
    record: {
      cardType: 'resident',
      name: '孙桂兰',
      sex: 'F',
      nation: '汉',
      birthDate: elderlyBirth,
      address: '江苏省南京市玄武区中山路18号',
      idNumber: numberFor('320102', elderlyBirth, '028'),
      issuer: '南京市公安局玄武分局',
      validFrom: shifted(-8),
      validTo: '长期',
      photo: facePhotoDataUrl('#f1ede6'),
    },
  },
  {
    id: 'hk-permit',
    label: '港澳台居民居住证（香港居民）',
    record: {
      cardType: 'hmt-residence-permit',
      name: '陈家明',
      sex: 'M',
      birthDate: '1986-02-14',
      address: '广东省深圳市福田区福华三路168号',
      idNumber: numberFor('810000', '1986-02-14', '071'),
      issuer: '深圳市公安局',
      validFrom: shifted(-1),
      validTo: yearsAfter(shifted(-1), 5),
      photo: facePhotoDataUrl('#e3eef8'),
    },
  },
  {
    id: 'tw-permit',
    label: '港澳台居民居住证（台湾居民）',
    record: {
      cardType: 'hmt-residence-permit',
      name: '林怡君',
      sex: 'F',
      birthDate: '1991-07-30',
      address: '福建省厦门市思明区鹭江道8号',
      idNumber: numberFor('830000', '1991-07-30', '024'),
      issuer: '厦门市公安局',
      validFrom: shifted(-2),
      validTo: yearsAfter(shifted(-2), 5),
      photo: facePhotoDataUrl('#f6e9ef'),
    },
  },
  {
    id: 'long-term',
    label: '长期有效证件（GB 11643 标准示例号码）',
    record: {
      cardType: 'resident',
      name: '周淑珍',
      sex: 'F',
      nation: '汉',
      birthDate: '1949-12-31',
      address: '北京市朝阳区朝阳门外大街6号',
      idNumber: '11010519491231002X',
      issuer: '北京市公安局朝阳分局',
      validFrom: '2005-06-01',
      validTo: '长期',
      photo: facePhotoDataUrl('#ede7e0'),
    },
  },
  {
    id: 'invalid-check',
    label: '【无效证件】号码校验位错误',
    record: {
      cardType: 'resident',
      name: '吴磊',
      sex: 'M',
      nation: '汉',
      birthDate: '1985-01-20',
      address: '湖北省武汉市江汉区解放大道690号',
      idNumber: withWrongCheck(numberFor('420103', '1985-01-20', '035')),
      issuer: '武汉市公安局江汉分局',
      validFrom: shifted(-3),
      validTo: yearsAfter(shifted(-3), 20),
      photo: facePhotoDataUrl('#e9e9e9'),
    },
  },
  {
    id: 'invalid-date',
    label: '【无效证件】出生日期不存在（1990-02-30）',
    record: {
      cardType: 'resident',
      name: '郑小红',
      sex: 'F',
      nation: '汉',
      birthDate: '1990-02-30',
      address: '江苏省南京市玄武区北京东路41号',
      idNumber: numberFor('320102', '1990-02-30', '042'),
      issuer: '南京市公安局玄武分局',
      validFrom: shifted(-3),
      validTo: yearsAfter(shifted(-3), 20),
      photo: facePhotoDataUrl('#e9e9e9'),
    },
  },
];

/** The test person with this slug; throws, naming the slugs there are, for a mistyped one. */
export function findTestPerson(
  id: string,
  persons: readonly TestPerson[] = TEST_PERSONS,
): TestPerson {
  const person = persons.find((candidate) => candidate.id === id);
  if (!person) {
    throw new Error(
      `No test person '${id}'; there are: ${persons.map((candidate) => candidate.id).join(', ')}`,
    );
  }
  return person;
}
