/**
 * The paper stays what it is (issue 16): whatever is done to make the preview quicker, the
 * documents the printers are given — every licence sheet with and without the paper's own
 * printing, certificates, query results, the ID copy — are compared with the ones committed in
 * tests/unit/printed/ (taken before the preview changed). `UPDATE_PRINTED=1 npx vitest run
 * tests/unit/printedDocuments.test.ts` writes them again, for a change of the paper meant as one
 * (say why in the commit).
 *
 * The documents are the machines' plans (planLicence, planCertificate, planRealEstate) and the
 * ID copy's page, on fixed data (the simulator's seed moves its dates with today).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { must } from '../support/must';
import {
  idCopyPage,
  realEstateViewFor,
  sheetsOf,
  type Certificate,
  type Enterprise,
  type IdCardRecord,
  type LicenceIssuance,
  type PrintDocument,
  type RealEstateRecord,
} from '../../domain';
import {
  offerFor,
  planCertificate,
  planLicence,
  planRealEstate,
  type DocumentFlowSetup,
} from '../../machines';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'printed');
const UPDATE = process.env.UPDATE_PRINTED === '1';

const CARD: IdCardRecord = {
  cardType: 'resident',
  name: '王芳',
  sex: 'F',
  nation: '汉',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  issuer: '北京市公安局朝阳分局',
  validFrom: '2010-03-01',
  validTo: '长期',
};

const setup = (stationery: boolean): DocumentFlowSetup => ({
  today: '2026-11-23',
  printedAt: '2026-11-23 10:15',
  kioskId: 'kiosk-01',
  stationery,
});

const ENTERPRISES: { enterprise: Enterprise; issuance: LicenceIssuance }[] = [
  {
    enterprise: {
      creditCode: '91110105MA01YT7K3U',
      name: '北京云杉数字科技有限公司',
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '张伟',
      registeredCapital: '壹佰万元整',
      establishedOn: '2026-11-20',
      termUntil: null,
      address: '北京市朝阳区建国路93号院6号楼12层1201',
      businessScope:
        '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；数据处理和存储支持服务；计算机系统服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      authority: '北京市朝阳区市场监督管理局',
    },
    issuance: {
      id: 'ISS-110105-0001',
      creditCode: '91110105MA01YT7K3U',
      reason: 'new',
      issuedOn: '2026-11-20',
      originals: 1,
      duplicates: 2,
      verifyUrl: 'https://gsxt.example.gov.cn/verify/91110105MA01YT7K3U',
      reprints: [
        {
          id: 'R1',
          copy: 'duplicate',
          index: 2,
          authorisedBy: '王敏',
          authorisedAt: '2026-11-22T09:00:00Z',
        },
      ],
    },
  },
  {
    enterprise: {
      creditCode: '91440300MA5JH8D1XT',
      name: 'A&B <深圳> 京豪贸易有限公司',
      type: '有限责任公司',
      legalRepresentative: '欧阳京豪',
      registeredCapital: '伍拾万元整',
      establishedOn: '2019-04-18',
      termUntil: '2049-04-17',
      address: '深圳市南山区粤海街道科技园社区科苑路15号科兴科学园A栋',
      businessScope: '国内贸易；货物及技术进出口。',
      authority: '深圳市市场监督管理局南山监督管理局',
    },
    issuance: {
      id: 'ISS-440305-0002',
      creditCode: '91440300MA5JH8D1XT',
      reason: 'change',
      issuedOn: '2026-10-09',
      originals: 1,
      duplicates: 1,
      verifyUrl: 'https://gsxt.example.gov.cn/verify/91440300MA5JH8D1XT',
      reprints: [],
    },
  },
];

const CERTIFICATE: Certificate = {
  kind: 'property',
  serial: 'ZM-2026-000123',
  title: '无房产证明',
  issuer: '不动产登记中心',
  rows: [
    ['姓名', '王芳'],
    ['公民身份号码', '110105********002X'],
    ['查询范围', '本市不动产登记簿'],
  ],
  statement: '经查询，截至2026年11月23日，该人名下无不动产登记记录。',
  issuedAt: '2026-11-23T02:15:00Z',
  verifyUrl: 'https://bdc.example.gov.cn/verify/ZM-2026-000123',
};

const HOME: RealEstateRecord = {
  unitNumber: '110105003001GB00012F00030501',
  certificateNumber: '京(2018)朝阳区不动产权第0034567号',
  address: ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元501'],
  use: '住宅',
  area: 89.37,
  rightType: '国有建设用地使用权/房屋所有权',
  rightNature: '出让/市场化商品房',
  owners: [{ name: '王芳', idNumber: CARD.idNumber, share: '单独所有' }],
  mortgages: [
    {
      holder: '中国建设银行股份有限公司北京朝阳支行',
      amount: '186 万元',
      registeredOn: '2018-07-12',
      until: '2048-07-11',
    },
  ],
  seizures: [
    {
      authority: '北京市朝阳区人民法院',
      caseNumber: '（2026）京0105执1234号',
      registeredOn: '2026-03-01',
      until: '2029-02-28',
    },
  ],
  verifyUrl: 'https://bdc.example.gov.cn/verify/110105003001GB00012F00030501',
};

/** A 1×1 PNG: the ID copy's page carries the camera's pictures as they are. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Every document the printers get, by a name that says what it is. */
function printedDocuments(): Record<string, PrintDocument> {
  const documents: Record<string, PrintDocument> = {};
  ENTERPRISES.forEach(({ enterprise, issuance }, e) => {
    for (const stationery of [false, true]) {
      const offer = offerFor(
        { enterprise, issuance, role: 'legal-representative' },
        sheetsOf(issuance),
        () => true,
      );
      for (const planned of planLicence(offer, setup(stationery), CARD))
        documents[
          `licence-${e + 1}-${planned.request.key.replace(/[^A-Za-z0-9-]+/g, '_')}-${stationery ? 'stationery' : 'blank'}`
        ] = planned.document;
    }
  });
  documents.certificate = must(planCertificate(CERTIFICATE, setup(false), CARD)[0]).document;
  for (const [who, viewer] of [
    ['anyone', null],
    ['owner', CARD.idNumber],
  ] as const)
    documents[`real-estate-${who}`] = must(
      planRealEstate(
        { queryId: `BDC-Q-${who}`, view: realEstateViewFor(HOME, viewer) },
        setup(false),
        viewer ? CARD : null,
      )[0],
    ).document;
  documents['id-copy'] = idCopyPage(
    { dataUrl: PIXEL },
    { dataUrl: PIXEL },
    '2026-11-23 10:15',
    'kiosk-01',
  );
  return documents;
}

describe('the printed documents stay exactly as they were (issue 16)', () => {
  const documents = printedDocuments();

  it('covers every kind of paper: licence sheets, certificate, query results, ID copy', () => {
    const names = Object.keys(documents);
    expect(names.filter((n) => n.startsWith('licence-'))).toHaveLength(2 * (4 + 2));
    expect(names).toEqual(
      expect.arrayContaining(['certificate', 'real-estate-anyone', 'real-estate-owner', 'id-copy']),
    );
  });

  for (const [name, document] of Object.entries(documents)) {
    it(`${name}: the same pages, text, codes and paper`, () => {
      const file = join(DIR, `${name}.json`);
      const now = `${JSON.stringify(document, null, 2)}\n`;
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`${file} is missing: UPDATE_PRINTED=1 writes it`);
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, now);
      }
      expect(now).toBe(readFileSync(file, 'utf8'));
    });
  }
});
