import { encode } from 'uqr';
import type { CalendarDate } from './calendarDate';

/** An SVG document as a data: URL, for an <img> or an Image (previews, the printers' pages). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Text for SVG: the five XML specials escaped. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

/** A QR code as an SVG group of `size` mm at (x, y), drawn as one path of its dark modules. */
export function qrSvg(data: string, x: number, y: number, size: number): string {
  const { path, count } = qrModules(data);
  const cell = size / count;
  return `<g transform="translate(${x} ${y}) scale(${cell})"><rect width="${count}" height="${count}" fill="#fff"/><path d="${path}" fill="#000" shape-rendering="crispEdges"/></g>`;
}

/**
 * The dark modules of a QR code as one path, for the last few codes drawn: encoding (trying all
 * eight masks) is the costliest script of a licence preview, and every sheet of an issuance, in
 * preview and in print, carries the same verification code.
 */
const QR_CACHE_SIZE = 8;
const qrCache = new Map<string, { path: string; count: number }>();

function qrModules(data: string): { path: string; count: number } {
  const cached = qrCache.get(data);
  if (cached) return cached;
  const { data: modules, size: count } = encode(data, { ecc: 'M', border: 2 });
  let path = '';
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) path += `M${c} ${r}h1v1h-1z`;
    }),
  );
  const drawn = { path, count };
  if (qrCache.size >= QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value as string);
  qrCache.set(data, drawn);
  return drawn;
}

const CLOSING = '）)，,。.；;：:、！!？?」』”’';

/**
 * Breaks text into lines of at most `width` units, counting a CJK character as 1 and a Latin
 * letter, digit or space as 0.5, preferring to break Latin text at spaces.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const char of text) {
    const w = (char.codePointAt(0) ?? 0) <= 0xff ? 0.5 : 1;
    // Closing punctuation never starts a line (禁则): it stays at the end of the one before.
    if (used + w > width && line && !CLOSING.includes(char)) {
      lines.push(line);
      line = char === ' ' ? '' : char;
      used = char === ' ' ? 0 : w;
      continue;
    }
    line += char;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** 2026年11月23日 */
export function chineseDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** SVG <text> lines from `lines`, starting at (x, y), `lineHeight` apart. */
export function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  attributes = '',
): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${(y + i * lineHeight).toFixed(2)}"${attributes ? ` ${attributes}` : ''}>${escapeXml(line)}</text>`,
    )
    .join('');
}

export const DOCUMENT_FONT = 'Noto Serif CJK SC, Noto Sans CJK SC, serif';
