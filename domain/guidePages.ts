import type { CatalogItem, CatalogMaterial, Department } from './catalog';
import { DOCUMENT_FONT, escapeXml, qrSvg, textLines, wrapText } from './documentSvg';
import type { PrintDocument } from './printDocument';

/**
 * The service guide of an item (办事指南), told all at once (一次性告知): every field of the
 * item, in the order citizens read it. The screen and the printed A4 read the same sections, so
 * what is printed is what was shown.
 */

export const GUIDE_SECTIONS = [
  'audience',
  'conditions',
  'materials',
  'steps',
  'timeLimit',
  'fees',
  'place',
  'telephone',
  'legalBasis',
] as const;
export type GuideSectionKey = (typeof GUIDE_SECTIONS)[number];

export interface GuideSection {
  key: GuideSectionKey;
  lines: string[];
}

export const DEPARTMENT_NAMES: Readonly<Record<Department, string>> = {
  'social-security': '人力资源和社会保障',
  'medical-insurance': '医疗保障',
  'housing-fund': '住房公积金',
  tax: '税务',
  'real-estate': '不动产登记',
  'market-regulation': '市场监督管理',
  'civil-affairs': '民政',
  'public-security': '公安',
};

/** The printed guide's headings (a printed guide is in Chinese, as the hall's documents are). */
export const PRINTED_HEADINGS: Readonly<Record<GuideSectionKey, string>> = {
  audience: '办理对象',
  conditions: '受理条件',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  fees: '收费标准',
  place: '办理地点和时间',
  telephone: '咨询和投诉电话',
  legalBasis: '设定依据',
};

const FORMS: Readonly<Record<CatalogMaterial['form'], string>> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子证照',
};

/** 当场办结, or N 个工作日. */
export function daysText(days: number): string {
  return days === 0 ? '当场办结' : `${days} 个工作日`;
}

/** One material as a line: 1. 居民身份证（原件 1 份）：注意事项 */
export function materialLine(material: CatalogMaterial, index: number): string {
  const amount = material.copies > 0 ? ` ${material.copies} 份` : '';
  const notes = material.notes ? `：${material.notes}` : '';
  return `${index + 1}. ${material.name}（${FORMS[material.form]}${amount}）${notes}`;
}

/** How the item is done, in one sentence for the guide. */
export function channelText(item: CatalogItem): string {
  switch (item.channel) {
    case 'kiosk':
      return `可在本自助终端办理，当场打印${item.result ?? '结果'}。`;
    case 'submit':
      return '可在本自助终端提交申请，由窗口工作人员审核办结。';
    case 'window':
      return '请到窗口办理，可在本终端取号或预约。';
  }
}

export function guideSections(item: CatalogItem): GuideSection[] {
  const audience = [
    item.audience.map((a) => (a === 'person' ? '自然人' : '法人及其他组织')).join('、'),
    ...(item.idCardOnly ? ['一证可办：凭居民身份证即可办理。'] : []),
    ...(item.licenceOnly ? ['一照可办：凭营业执照即可办理。'] : []),
    channelText(item),
  ];
  return [
    { key: 'audience', lines: audience },
    { key: 'conditions', lines: item.conditions.length > 0 ? item.conditions : ['无特别条件。'] },
    {
      key: 'materials',
      lines: item.materials.length > 0 ? item.materials.map(materialLine) : ['无需提交材料。'],
    },
    { key: 'steps', lines: item.steps.map((step, i) => `${i + 1}. ${step}`) },
    {
      key: 'timeLimit',
      lines: [
        `法定办结时限：${daysText(item.legalDays)}`,
        `承诺办结时限：${daysText(item.promisedDays)}`,
      ],
    },
    {
      key: 'fees',
      lines:
        item.fees.length > 0
          ? item.fees.map((fee) => `${fee.name} ${fee.yuan} 元（依据：${fee.basis}）`)
          : ['不收费'],
    },
    { key: 'place', lines: [item.place.window, item.place.address, item.place.hours] },
    {
      key: 'telephone',
      lines: [`咨询电话：${item.enquiryTelephone}`, `投诉电话：${item.complaintTelephone}`],
    },
    { key: 'legalBasis', lines: item.legalBasis },
  ];
}

/** Where a phone opens the same guide: the hall's public guide page for the item. */
export function guideUrl(base: string, item: CatalogItem): string {
  return `${base.replace(/\/+$/, '')}/guide/${encodeURIComponent(item.code)}`;
}

const LINE = 6.2;
const WIDTH = 50; // CJK characters per line at 4.2 mm
const TOP = 62;
const BOTTOM = 270;

/**
 * The guide as an A4 一次性告知书: the item's name, department and code, a QR that opens the same
 * guide on a phone, every section, and as many pages as it takes (page numbers in the footer).
 */
export function guideDocument(
  item: CatalogItem,
  options: { hallName: string; url: string; printedAt: string; kioskId: string },
): PrintDocument {
  const title = `${item.name} 一次性告知书`;
  const body: { text: string; heading: boolean }[] = [];
  for (const section of guideSections(item)) {
    body.push({ text: `【${PRINTED_HEADINGS[section.key]}】`, heading: true });
    for (const line of section.lines)
      for (const wrapped of wrapText(line, WIDTH)) body.push({ text: wrapped, heading: false });
  }
  const perPage = Math.floor((BOTTOM - TOP) / LINE);
  const pageCount = Math.max(1, Math.ceil(body.length / perPage));
  const pages: string[] = [];
  for (let p = 0; p < pageCount; p += 1) {
    const lines = body.slice(p * perPage, (p + 1) * perPage);
    const header =
      p === 0
        ? `<text x="20" y="30" font-size="7" font-weight="bold">${escapeXml(item.name)}</text>` +
          `<text x="20" y="39" font-size="4.5">一次性告知书 · ${escapeXml(DEPARTMENT_NAMES[item.department])} · 事项编码 ${escapeXml(item.code)}</text>` +
          `<text x="20" y="47" font-size="3.6" fill="#444">${escapeXml(options.hallName)}：请按本告知书一次备齐材料。扫描右侧二维码可在手机上查看。</text>` +
          qrSvg(options.url, 168, 16, 26)
        : `<text x="20" y="30" font-size="5" font-weight="bold">${escapeXml(item.name)}（续）</text>`;
    const text = lines
      .map((line, i) =>
        textLines(
          [line.text],
          line.heading ? 20 : 24,
          TOP + i * LINE,
          LINE,
          line.heading ? 'font-size="4.6" font-weight="bold"' : 'font-size="4.2"',
        ),
      )
      .join('');
    const footer = `打印时间 ${options.printedAt} · 自助终端 ${options.kioskId} · 第 ${p + 1} 页 共 ${pageCount} 页`;
    pages.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="${DOCUMENT_FONT}">` +
        `<rect width="210" height="297" fill="#fff"/>${header}${text}` +
        `<text x="105" y="286" font-size="3.2" text-anchor="middle" fill="#555">${escapeXml(footer)}</text></svg>`,
    );
  }
  return {
    title,
    paper: 'A4',
    pages,
    qr: [options.url],
    text: [title, ...body.map((line) => line.text)].join('\n'),
  };
}
