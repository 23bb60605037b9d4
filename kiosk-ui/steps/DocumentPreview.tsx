import type { PlannedPrint } from '../../machines';

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The pages as they will come out of the printer, true to layout, one under the other. */
export function DocumentPreview({
  planned,
  label,
}: {
  planned: readonly PlannedPrint[];
  label: string;
}) {
  // It scrolls when the pages do not fit (elderly mode): focusable, so it can be scrolled by key too.
  return (
    <div class="document-preview" role="region" aria-label={label} tabIndex={0}>
      {planned.flatMap((p) =>
        p.preview.map((page, i) => (
          <figure key={`${p.request.key}-${i}`} class="document-preview__page">
            <img src={svgUrl(page)} alt={p.request.title} decoding="async" />
            <figcaption>{p.request.title}</figcaption>
          </figure>
        )),
      )}
    </div>
  );
}
