import type { ComponentChildren } from 'preact';
import type { PrintJobsOutput } from '../../machines';
import { IdentityView, type IdentityRef } from './IdentityView';
import { PrintJobsView, PrintSummary, type PrintJobsRef } from './PrintJobsView';

/** The shared steps of a document flow, drawn while they run: 人证核验, then the printing. */
export function DocumentSteps({
  steps,
}: {
  steps: { identity?: IdentityRef; printing?: PrintJobsRef };
}) {
  return (
    <>
      {steps.identity && <IdentityView identity={steps.identity} />}
      {steps.printing && <PrintJobsView printing={steps.printing} />}
    </>
  );
}

/** After printing: take the documents, what printing came to, and the way on (`children`). */
export function DocumentsPrinted(props: {
  take: string;
  summary: PrintJobsOutput | null;
  children: ComponentChildren;
}) {
  return (
    <section class="flow__step">
      <p class="flow__prompt flow__prompt--big" role="status">
        {props.take}
      </p>
      {props.summary && <PrintSummary summary={props.summary} />}
      {props.children}
    </section>
  );
}
