import { svgDataUrl } from '../../domain';
import type { CaptureSide, CapturedImage } from '../documentCamera';

/** Pictures the mocks hand out: made here, so the simulator needs no image files. */

/** The size of a captured card: ID-1 (85.6 × 54 mm) at 10 pixels a millimetre. */
const CARD_WIDTH = 856;
const CARD_HEIGHT = 540;

function sampleLabel(side: CaptureSide): string {
  return side === 'front' ? '正面 样张' : '反面 样张';
}

function sampleCardSvg(side: CaptureSide): string {
  const mark =
    side === 'front'
      ? '<rect x="600" y="90" width="200" height="250" rx="6" fill="#c9d6e3"/>'
      : '<circle cx="140" cy="140" r="70" fill="#d4a017"/>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#8a8a8a"/>` +
    `<rect x="18" y="18" width="${CARD_WIDTH - 36}" height="${CARD_HEIGHT - 36}" rx="28" fill="#eef3f6"/>` +
    mark +
    '<g fill="#9aa8b5"><rect x="70" y="300" width="420" height="22"/><rect x="70" y="350" width="360" height="22"/><rect x="70" y="400" width="460" height="22"/></g>' +
    `<text x="${CARD_WIDTH / 2}" y="250" font-size="72" text-anchor="middle" fill="#c0392b" opacity="0.8">${sampleLabel(side)}</text>` +
    '</svg>'
  );
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${blob.type};base64,${btoa(binary)}`;
}

/** Draws the card as a JPEG where the browser has OffscreenCanvas. */
async function drawSampleCard(side: CaptureSide): Promise<string> {
  const canvas = new OffscreenCanvas(CARD_WIDTH, CARD_HEIGHT);
  const context = canvas.getContext('2d');
  if (!context) return svgDataUrl(sampleCardSvg(side));
  context.fillStyle = '#8a8a8a';
  context.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  context.fillStyle = '#eef3f6';
  context.beginPath();
  context.roundRect(18, 18, CARD_WIDTH - 36, CARD_HEIGHT - 36, 28);
  context.fill();
  context.fillStyle = side === 'front' ? '#c9d6e3' : '#d4a017';
  if (side === 'front') {
    context.fillRect(600, 90, 200, 250);
  } else {
    context.beginPath();
    context.arc(140, 140, 70, 0, Math.PI * 2);
    context.fill();
  }
  context.fillStyle = '#9aa8b5';
  for (const [y, width] of [
    [300, 420],
    [350, 360],
    [400, 460],
  ] as const) {
    context.fillRect(70, y, width, 22);
  }
  context.fillStyle = 'rgba(192, 57, 43, 0.8)';
  context.font = '72px sans-serif';
  context.textAlign = 'center';
  context.fillText(sampleLabel(side), CARD_WIDTH / 2, 250);
  return blobToDataUrl(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
}

/**
 * A captured ID card, marked 样张 (specimen): a JPEG drawn on an OffscreenCanvas in browsers,
 * an SVG where there is no canvas (Node tests).
 */
export async function sampleCardImage(side: CaptureSide): Promise<CapturedImage> {
  const dataUrl =
    typeof OffscreenCanvas === 'function'
      ? await drawSampleCard(side)
      : svgDataUrl(sampleCardSvg(side));
  return { dataUrl, width: CARD_WIDTH, height: CARD_HEIGHT };
}
