import { escapeXml } from './documentSvg';
import type { PrintDocument } from './printDocument';

export interface CardImage {
  dataUrl: string;
}

/** ID-1 card size (ISO/IEC 7810), so the copy is the card's true size as window staff expect. */
const CARD = { width: 85.6, height: 54 };

/**
 * 身份证复印件: both sides of the card at true size on one A4 page, each with the usage line
 * halls print across copies so that a copy cannot be reused for anything else.
 */
export function idCopyPage(
  front: CardImage,
  back: CardImage,
  printedAt: string,
  kioskId: string,
): PrintDocument {
  const x = (210 - CARD.width) / 2;
  const usage = '仅供办理政务服务使用 · 再次复印无效';
  const side = (image: CardImage, y: number, label: string) => `
  <text x="${x}" y="${y - 3}" font-size="4" fill="#333">${label}</text>
  <image href="${escapeXml(image.dataUrl)}" x="${x}" y="${y}" width="${CARD.width}" height="${CARD.height}" preserveAspectRatio="xMidYMid meet"/>
  <rect x="${x}" y="${y}" width="${CARD.width}" height="${CARD.height}" fill="none" stroke="#999" stroke-width="0.2"/>
  <text x="105" y="${y + CARD.height / 2}" font-size="5.5" fill="#c00" fill-opacity="0.45" text-anchor="middle" transform="rotate(-18 105 ${y + CARD.height / 2})">${usage}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="Noto Sans CJK SC, sans-serif">
  <rect width="210" height="297" fill="#fff"/>
  <text x="105" y="30" font-size="7" text-anchor="middle" font-weight="700">居民身份证复印件</text>${side(front, 60, '正面 Front')}${side(back, 150, '反面 Back')}
  <text x="105" y="275" font-size="3.5" fill="#555" text-anchor="middle">${escapeXml(`${printedAt} · ${kioskId} · ${usage}`)}</text>
</svg>`;
  return {
    title: '身份证复印件',
    paper: 'A4',
    pages: [svg],
    text: ['居民身份证复印件', '正面 Front', '反面 Back', usage, `${printedAt} · ${kioskId}`].join(
      '\n',
    ),
  };
}
