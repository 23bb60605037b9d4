import type { PlannedPrint } from '../../machines';

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The pages as they will come out of the printer, true to layout, one under the other. */
export function DocumentPreview({ planned }: { planned: readonly PlannedPrint[] }) {
  return (
    <div class="document-preview">
      {planned.flatMap((p) =>
        p.preview.map((page, i) => (
          <figure key={`${p.request.key}-${i}`} class="document-preview__page">
            <img src={svgUrl(page)} alt={p.request.title} />
            <figcaption>{p.request.title}</figcaption>
          </figure>
        )),
      )}
    </div>
  );
}
