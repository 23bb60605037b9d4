import type { PaperSize } from '../../domain';

/** A sheet of paper as the print path names it (CSS `@page { size }`) and measures it. */
export interface PaperSheet {
  /** The ISO 216 name, which CSS `size` understands. */
  name: 'A4' | 'A3';
  shortMm: number;
  longMm: number;
}

/** How a page lies on its sheet; taken from the page's own SVG size. */
export type PageOrientation = 'portrait' | 'landscape';

/**
 * The sheet each kind of document is printed on. Licence paper is for the 营业执照正本 (the
 * original business licence), printed on A3-sized licence paper, 297 × 420 mm; its 副本 (copy),
 * like every other document, is printed on A4, 210 × 297 mm.
 */
export const PAPER_SHEETS: Record<PaperSize, PaperSheet> = {
  A4: { name: 'A4', shortMm: 210, longMm: 297 },
  licence: { name: 'A3', shortMm: 297, longMm: 420 },
};
