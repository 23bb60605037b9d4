import { useEffect, useMemo } from 'preact/hooks';
import { svgDataUrl } from '../../domain';
import { whenIdle } from '../idle';

/**
 * Preview pages drawn once as bitmaps (issue 16). A licence page is an A3 SVG in a serif CJK
 * font: shown as an SVG image, Chromium parses and lays it out in the tap's task (350 ms and more
 * at 6× CPU the first time; FindSvgTextChunks and shaping) and paints its text again for each
 * image. Here each page is loaded as an SVG image once, in idle time, drawn on a canvas at the
 * width it is shown at, and kept as a PNG object URL: the preview then shows a plain bitmap
 * (decoded off the main thread). The printers are not touched: they still get the SVG pages.
 *
 * The bitmaps show a citizen's data: `clear()` revokes every URL, and the hook clears when its
 * view goes (the end of the flow). Pages are prepared one at a time, one idle callback each.
 */
export interface PreviewRaster {
  /** The page's bitmap URL when it is ready. */
  peek(page: string): string | undefined;
  /** Prepares the page (once; in idle time); resolves to its bitmap URL, or null if it failed. */
  prepare(page: string): Promise<string | null>;
  /** Calls `listener` whenever a page becomes ready; returns the unsubscribe. */
  onReady(listener: () => void): () => void;
  /** Forgets every page and revokes its URL. */
  clear(): void;
}

/** The preview image's CSS width (styles.css: `.document-preview__page img`), in device pixels. */
function shownWidth(): number {
  const scale =
    Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--scale')) || 1;
  return Math.round(
    Math.min(window.innerWidth * 0.8, 520 * scale) * (window.devicePixelRatio || 1),
  );
}

/** Resolves in the next idle period (or, without requestIdleCallback, the next task). */
export const nextIdle = (): Promise<void> =>
  new Promise((resolve) => whenIdle(() => resolve(), 1000, 0));

async function draw(page: string, width: number): Promise<Blob> {
  const image = new Image();
  image.src = svgDataUrl(page);
  await image.decode();
  // A separate turn for the drawing: the SVG's layout was one task, the painting is another.
  await nextIdle();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.round((width * image.naturalHeight) / image.naturalWidth);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))),
      'image/png',
    ),
  );
}

export function createPreviewRaster(): PreviewRaster {
  const ready = new Map<string, string>();
  const pending = new Map<string, Promise<string | null>>();
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let generation = 0;

  return {
    peek: (page) => ready.get(page),
    prepare(page) {
      const known = ready.get(page);
      if (known) return Promise.resolve(known);
      const inFlight = pending.get(page);
      if (inFlight) return inFlight;
      const mine = generation;
      const job: Promise<string | null> = queue.then(async () => {
        if (mine !== generation) return null;
        await nextIdle();
        try {
          const blob = await draw(page, shownWidth());
          if (mine !== generation) return null;
          const url = URL.createObjectURL(blob);
          ready.set(page, url);
          for (const listener of listeners) listener();
          return url;
        } catch (error) {
          // The preview falls back to the SVG itself (slower, same look): nothing is lost.
          console.warn('preview bitmap failed', error);
          return null;
        } finally {
          // Only this job's entry: after a clear(), the page may be asked for again.
          if (pending.get(page) === job) pending.delete(page);
        }
      });
      queue = job;
      pending.set(page, job);
      return job;
    },
    onReady(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      generation += 1;
      for (const url of ready.values()) URL.revokeObjectURL(url);
      ready.clear();
      pending.clear();
    },
  };
}

/** A raster for one view, cleared (URLs revoked) when the view goes. */
export function usePreviewRaster(): PreviewRaster {
  const raster = useMemo(createPreviewRaster, []);
  useEffect(() => () => raster.clear(), [raster]);
  return raster;
}
