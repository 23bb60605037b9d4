import { useEffect, useReducer } from 'preact/hooks';
import { pageOrientation } from '../../device-adapters/document/pageOrientation';
import type { PlannedPrint } from '../../machines';
import { svgUrl, usePreviewRaster, type PreviewRaster } from './previewRaster';

/**
 * The pages as they will come out of the printer, true to layout, one under the other. Each page
 * shows as the bitmap `raster` drew of it (previewRaster.ts); a page not drawn yet shows as a
 * skeleton of the paper's shape while it is drawn after this frame, and as the SVG itself if
 * drawing fails. A view that knows the pages in advance (证照打印's list of licences) passes the
 * raster it prepared them in, so the tap shows them at once.
 */
export function DocumentPreview({
  planned,
  label,
  raster: given,
}: {
  planned: readonly PlannedPrint[];
  label: string;
  raster?: PreviewRaster;
}) {
  const own = usePreviewRaster();
  const raster = given ?? own;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [failed, noteFailed] = useReducer(
    (set: ReadonlySet<string>, page: string) => new Set(set).add(page),
    new Set<string>(),
  );
  const pages = planned.flatMap((p) => p.preview);
  useEffect(() => {
    const stop = raster.onReady(() => redraw(0));
    for (const page of pages)
      void raster.prepare(page).then((url) => {
        if (url === null) noteFailed(page);
      });
    return stop;
    // The pages are the plan's: a new plan is a new list.
  }, [raster, planned]);

  // It scrolls when the pages do not fit (elderly mode): focusable, so it can be scrolled by key too.
  return (
    <div class="document-preview" role="region" aria-label={label} tabIndex={0}>
      {planned.flatMap((p) =>
        p.preview.map((page, i) => {
          const url = raster.peek(page) ?? (failed.has(page) ? svgUrl(page) : null);
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
