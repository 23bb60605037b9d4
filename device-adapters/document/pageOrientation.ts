import type { PageOrientation } from './paperSizes';

/** A length attribute of the root <svg> element, in any unit: only the ratio matters here. */
function rootLength(rootTag: string, attribute: 'width' | 'height'): number | undefined {
  const match = new RegExp(`\\s${attribute}\\s*=\\s*["']\\s*([0-9.]+)`).exec(rootTag);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Whether a page is drawn upright or lying down, read from its root element's width and height
 * (or its viewBox): the current business licence is landscape, most other documents are portrait.
 * Throws, naming the fix, for a page that is not an SVG document with a size.
 */
export function pageOrientation(page: string): PageOrientation {
  const rootTag = /<svg\b[^>]*>/i.exec(page)?.[0];
  if (!rootTag) throw new Error('a page must be a standalone SVG document (<svg …>)');
  let width = rootLength(rootTag, 'width');
  let height = rootLength(rootTag, 'height');
  if (width === undefined || height === undefined) {
    const viewBox = /\sviewBox\s*=\s*["']([^"']*)["']/
      .exec(rootTag)?.[1]
      ?.trim()
      .split(/[\s,]+/);
    width = viewBox?.[2] === undefined ? undefined : Number(viewBox[2]);
    height = viewBox?.[3] === undefined ? undefined : Number(viewBox[3]);
  }
  if (!width || !height || Number.isNaN(width) || Number.isNaN(height)) {
    throw new Error(
      'a page SVG needs width and height (e.g. width="210mm" height="297mm") or a viewBox, so that it can be fitted to its paper',
    );
  }
  return width > height ? 'landscape' : 'portrait';
}
