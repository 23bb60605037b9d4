import type { Certificate } from './certificates';
import { DOCUMENT_FONT, chineseDate, escapeXml, qrSvg, textLines, wrapText } from './documentSvg';
import { copyLabel, type Enterprise, type LicenceIssuance, type LicenceSheet } from './licences';
import type { PrintDocument } from './printDocument';
import { addressLine, type RealEstateView } from './realEstate';

/** Options of a licence page. */
export interface LicencePageOptions {
  /**
   * Whether to draw the licence paper's own printing (border, title, emblem place). Halls whose
   * licence stock comes pre-printed turn this off; the preview always shows it.
   */
  stationery: boolean;
}

const RED = '#b3191f';
const GOLD = '#a8842c';

/** The border and headings that licence paper carries: a double frame with a guilloche band. */
function stationery(width: number, height: number): string {
  const band = 9;
  const hatch: string[] = [];
  for (let x = band; x < width - band; x += 3)
    hatch.push(`M${x} ${band / 2}l1.5 ${band / 2}l1.5 ${-band / 2}`);
  const pattern = hatch.join('');
  return `<g class="stationery" fill="none" stroke="${GOLD}">
  <rect x="4" y="4" width="${width - 8}" height="${height - 8}" stroke-width="1.2"/>
  <rect x="${band + 2}" y="${band + 2}" width="${width - 2 * band - 4}" height="${height - 2 * band - 4}" stroke-width="0.5"/>
  <path d="${pattern}" stroke-width="0.25" transform="translate(0 2)"/>
  <path d="${pattern}" stroke-width="0.25" transform="translate(0 ${height - band - 2})"/>
  </g>`;
}

/** The place of the national emblem on licence paper: left blank here, marked only in the preview. */
function emblemPlace(cx: number, cy: number, r: number, drawn: boolean): string {
  if (!drawn) return '';
  return `<g class="stationery"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${GOLD}" stroke-width="0.6" stroke-dasharray="2 1.5"/><text x="${cx}" y="${cy + 2}" font-size="6" fill="${GOLD}" text-anchor="middle">国徽</text></g>`;
}

/** The authority's round seal: its name along the upper arc, a star in the middle. */
function seal(cx: number, cy: number, r: number, name: string): string {
  const inner = r * 0.78;
  const id = `seal-arc-${Math.round(cx)}-${Math.round(cy)}`;
  const arc = `M${cx - inner} ${cy + inner * 0.35} A${inner} ${inner} 0 1 1 ${cx + inner} ${cy + inner * 0.35}`;
  const size = Math.min(r * 0.28, (inner * 3.6) / Math.max(name.length, 1));
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r * 0.24 : r * 0.1;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
  return `<g opacity="0.8"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${RED}" stroke-width="${r * 0.06}"/><path id="${id}" d="${arc}" fill="none"/><text font-size="${size.toFixed(2)}" fill="${RED}" text-anchor="middle"><textPath href="#${id}" startOffset="50%">${escapeXml(name)}</textPath></text><polygon points="${star}" fill="${RED}"/></g>`;
}

interface Field {
  label: string;
  value: string;
}

/** A column of labelled fields; long values wrap under themselves. Returns the SVG and the next y. */
function fieldColumn(
  fields: readonly Field[],
  x: number,
  y: number,
  size: number,
  valueWidth: number,
  labelWidth: number,
): { svg: string; y: number } {
  let svg = '';
  let at = y;
  for (const field of fields) {
    const lines = wrapText(field.value, valueWidth);
    svg += `<text x="${x}" y="${at}" font-size="${size}" font-weight="700" textLength="${labelWidth}" lengthAdjust="spacing">${escapeXml(field.label)}</text>`;
    svg += textLines(lines, x + labelWidth + size * 1.2, at, size * 1.55, `font-size="${size}"`);
    at += lines.length * size * 1.55 + size * 1.1;
  }
  return { svg, y: at };
}

/**
 * A business licence (营业执照) page as the 2019 layout has it: landscape, title at the top,
 * the credit code and a QR code on the left, two columns of registration facts, and the authority
 * with the date of issue at the bottom right. 正本 on A3 licence paper, 副本 on A4.
 */
export function businessLicencePage(
  enterprise: Enterprise,
  issuance: LicenceIssuance,
  sheet: LicenceSheet,
  options: LicencePageOptions,
): PrintDocument {
  const original = sheet.copy === 'original';
  const [width, height] = original ? [420, 297] : [297, 210];
  const k = width / 420; // everything scales with the sheet
  const count = original ? issuance.originals : issuance.duplicates;
  const copy = copyLabel(sheet.copy, sheet.index, count);
  const verify = issuance.verifyUrl;
  const fs = 7.2 * k;
  const left = fieldColumn(
    [
      { label: '名称', value: enterprise.name },
      { label: '类型', value: enterprise.type },
      { label: '法定代表人', value: enterprise.legalRepresentative },
      { label: '经营范围', value: enterprise.businessScope },
    ],
    130 * k,
    112 * k,
    fs,
    15,
    32 * k,
  );
  const right = fieldColumn(
    [
      { label: '注册资本', value: enterprise.registeredCapital },
      { label: '成立日期', value: chineseDate(enterprise.establishedOn) },
      {
        label: '营业期限',
        value: `${chineseDate(enterprise.establishedOn)}至${enterprise.termUntil ? chineseDate(enterprise.termUntil) : '长期'}`,
      },
      { label: '住所', value: enterprise.address },
    ],
    285 * k,
    112 * k,
    fs,
    10,
    26 * k,
  );
  const sealX = 345 * k;
  const sealY = 240 * k;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}" font-family="${DOCUMENT_FONT}" data-copy="${sheet.copy}">
  <rect width="${width}" height="${height}" fill="#fffdf6"/>
  ${options.stationery ? stationery(width, height) : ''}
  ${emblemPlace(width / 2, 36 * k, 15 * k, options.stationery)}
  ${options.stationery ? `<text class="stationery" x="${width / 2}" y="${76 * k}" font-size="${26 * k}" text-anchor="middle" fill="${RED}" letter-spacing="${14 * k}" font-weight="700">营业执照</text>` : ''}
  <text x="${width / 2}" y="${90 * k}" font-size="${8 * k}" text-anchor="middle">（${copy}）</text>
  <text x="${40 * k}" y="${70 * k}" font-size="${6.4 * k}">统一社会信用代码</text>
  <text x="${40 * k}" y="${80 * k}" font-size="${8 * k}" font-family="Noto Sans Mono CJK SC, monospace" font-weight="700" letter-spacing="${0.6 * k}">${escapeXml(enterprise.creditCode)}</text>
  ${sheet.reprint ? `<text x="${40 * k}" y="${90 * k}" font-size="${5 * k}">（补打）</text>` : ''}
  ${qrSvg(verify, 40 * k, 112 * k, 46 * k)}
  ${textLines(wrapText('扫描二维码核验本执照信息', 13), 40 * k, 166 * k, 5.5 * k, `font-size="${4.2 * k}"`)}
  <g fill="#111">${left.svg}${right.svg}</g>
  <text x="${sealX - 24 * k}" y="${sealY + 2 * k}" font-size="${fs}" text-anchor="end" font-weight="700">登记机关</text>
  ${seal(sealX, sealY, 19 * k, enterprise.authority)}
  <text x="${sealX}" y="${sealY + 30 * k}" font-size="${fs}" text-anchor="middle">${chineseDate(issuance.issuedOn)}</text>
  <text x="${width / 2}" y="${height - 16 * k}" font-size="${4.4 * k}" text-anchor="middle" fill="#333">市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告</text>
</svg>`;
  const title = `营业执照（${copy}）`;
  return {
    title,
    paper: original ? 'licence' : 'A4',
    pages: [svg],
    qr: [verify],
    text: [
      title,
      `统一社会信用代码 ${enterprise.creditCode}`,
      `名称 ${enterprise.name}`,
      `类型 ${enterprise.type}`,
      `法定代表人 ${enterprise.legalRepresentative}`,
      `经营范围 ${enterprise.businessScope}`,
      `注册资本 ${enterprise.registeredCapital}`,
      `成立日期 ${chineseDate(enterprise.establishedOn)}`,
      `住所 ${enterprise.address}`,
      `登记机关 ${enterprise.authority}`,
      chineseDate(issuance.issuedOn),
      ...(sheet.reprint ? ['补打'] : []),
    ].join('\n'),
  };
}

/** The one A4 page layout of certificates and query results: title, rows, statement, QR, stamp. */
function a4Document(
  title: string,
  issuer: string,
  serial: string,
  rows: readonly (readonly [string, string])[],
  statement: string,
  verifyUrl: string,
  footer: string,
): PrintDocument {
  let y = 62;
  let body = '';
  for (const [label, value] of rows) {
    const lines = wrapText(value, 25);
    body += `<text x="28" y="${y}" font-size="4.6" font-weight="700">${escapeXml(label)}</text>`;
    body += textLines(lines, 68, y, 6.4, 'font-size="4.6"');
    const rowHeight = lines.length * 6.4 + 3;
    body += `<line x1="24" x2="186" y1="${y + rowHeight - 4.6}" y2="${y + rowHeight - 4.6}" stroke="#ccc" stroke-width="0.2"/>`;
    y += rowHeight;
  }
  const statementLines = wrapText(statement, 36);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="${DOCUMENT_FONT}">
  <rect width="210" height="297" fill="#fff"/>
  <text x="105" y="32" font-size="8" text-anchor="middle" font-weight="700" letter-spacing="1">${escapeXml(title)}</text>
  <text x="186" y="44" font-size="3.6" text-anchor="end" fill="#333">编号：${escapeXml(serial)}</text>
  <line x1="24" x2="186" y1="48" y2="48" stroke="#333" stroke-width="0.4"/>
  ${body}
  ${textLines(statementLines, 28, y + 8, 6.4, 'font-size="4.6"')}
  <text x="170" y="${y + 30 + statementLines.length * 6.4}" font-size="4.4" text-anchor="middle">${escapeXml(issuer)}</text>
  ${seal(170, y + 28 + statementLines.length * 6.4, 15, issuer)}
  ${qrSvg(verifyUrl, 24, 238, 30)}
  ${textLines(['扫描二维码核验本文件真伪', '本文件经电子签章，与纸质文件具有同等效力'], 58, 250, 5.5, 'font-size="3.6" fill="#333"')}
  <text x="105" y="284" font-size="3.2" text-anchor="middle" fill="#555">${escapeXml(footer)}</text>
</svg>`;
  return {
    title,
    paper: 'A4',
    pages: [svg],
    qr: [verifyUrl],
    text: [
      title,
      `编号 ${serial}`,
      ...rows.map(([l, v]) => `${l} ${v}`),
      statement,
      issuer,
      footer,
    ].join('\n'),
  };
}

/** A certificate (无房证明, 社保参保证明, 纳税证明) on one A4 page. */
export function certificatePage(
  certificate: Certificate,
  printedAt: string,
  kioskId: string,
): PrintDocument {
  return a4Document(
    certificate.title,
    certificate.issuer,
    certificate.serial,
    certificate.rows,
    certificate.statement,
    certificate.verifyUrl,
    `打印时间 ${printedAt} · 自助终端 ${kioskId}`,
  );
}

/** The result of a real estate query by address, as the viewer may see it, on one A4 page. */
export function realEstatePage(
  view: RealEstateView,
  serial: string,
  printedAt: string,
  kioskId: string,
): PrintDocument {
  const rows: [string, string][] = [
    ['坐落', addressLine(view.address)],
    ['不动产单元号', view.unitNumber],
    ['权利类型', view.rightType],
    ['权利性质', view.rightNature],
    ['用途', view.use],
    ['建筑面积', `${view.area.toFixed(2)} 平方米`],
  ];
  if (view.owners) {
    rows.push(['不动产权证书号', view.certificateNumber ?? '']);
    for (const owner of view.owners)
      rows.push(['权利人', `${owner.name}（${owner.maskedId}） ${owner.share}`]);
  }
  rows.push([
    '抵押状况',
    view.mortgages.length === 0
      ? '无抵押'
      : view.mortgages
          .map(
            (m) =>
              `已抵押：抵押权人${m.holder}，${chineseDate(m.registeredOn)}登记，至${chineseDate(m.until)}${m.amount ? `，债权数额${m.amount}` : ''}`,
          )
          .join('；'),
  ]);
  rows.push([
    '查封状况',
    view.seizures.length === 0
      ? '无查封'
      : view.seizures
          .map(
            (s) =>
              `已查封：${s.authority}${s.caseNumber}，${chineseDate(s.registeredOn)}至${chineseDate(s.until)}`,
          )
          .join('；'),
  ]);
  return a4Document(
    view.owners ? '不动产登记信息查询结果（权利人）' : '不动产登记信息查询结果',
    '不动产登记中心',
    serial,
    rows,
    view.owners
      ? '以上为查询时点不动产登记簿记载的信息，仅供权利人本人使用。'
      : '以上为查询时点不动产登记簿记载的自然状况及限制状况，权利人信息依法仅向权利人提供。',
    view.verifyUrl,
    `查询时间 ${printedAt} · 自助终端 ${kioskId}`,
  );
}
