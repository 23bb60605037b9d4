import { useEffect, useReducer } from 'preact/hooks';
import { pageOrientation } from '../../device-adapters/document/pageOrientation';
import type { PlannedPrint } from '../../machines';
import { svgDataUrl } from '../../domain';
import type { PreviewRaster } from './previewRaster';

/**
 * The pages as they will come out of the printer, true to layout, one under the other. Each page
 * shows as the bitmap `raster` drew of it (previewRaster.ts); a page not drawn yet shows as a
 * skeleton of the paper's shape while it is drawn after this frame, and as the SVG itself if
 * drawing fails. The view passes the raster it prepares its pages in (证照打印 draws the offered
 * licences' while the list is shown, so the tap shows them at once) and clears it when it goes.
 */
export function DocumentPreview({
  planned,
  label,
  raster,
}: {
  planned: readonly PlannedPrint[];
  label: string;
  raster: PreviewRaster;
}) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [failed, noteFailed] = useReducer(
    (set: ReadonlySet<string>, page: string) => new Set(set).add(page),
    new Set<string>(),
  );
  useEffect(() => {
    const stop = raster.onReady(() => redraw(0));
    for (const page of planned.flatMap((p) => p.preview))
      void raster.prepare(page).then((url) => {
        if (url === null) noteFailed(page);
      });
    return stop;
  }, [raster, planned]);

  // It scrolls when the pages do not fit (elderly mode): focusable, so it can be scrolled by key too.
  return (
    <div class="document-preview" role="region" aria-label={label} tabIndex={0}>
      {planned.flatMap((p) =>
        p.preview.map((page, i) => {
          const url = raster.peek(page) ?? (failed.has(page) ? svgDataUrl(page) : null);
          return (
            <figure key={`${p.request.key}-${i}`} class="document-preview__page">
              {url ? (
                <img src={url} alt={p.request.title} decoding="async" />
              ) : (
                <div
                  class={`document-preview__skeleton document-preview__skeleton--${pageOrientation(page)}`}
                  role="img"
                  aria-label={p.request.title}
                  aria-busy="true"
                />
              )}
              <figcaption>{p.request.title}</figcaption>
            </figure>
          );
        }),
      )}
    </div>
  );
}
