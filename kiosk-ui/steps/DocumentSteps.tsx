import type { ComponentChildren } from 'preact';
import { printOutcome, somethingMissing, type PrintJobsOutput } from '../../machines';
import { IdentityView, type IdentityRef } from './IdentityView';
import { CardReminder } from '../screens/CardReminder';
import { PrintJobsView, PrintSummary, type PrintJobsRef } from './PrintJobsView';
import { PrintOutcomeNotice } from './PrintOutcomeNotice';

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
      {/* The visit may end here: a card still on the reader is the first thing to take. */}
      <CardReminder />
      <p class="flow__prompt flow__prompt--big" role="status">
        {props.take}
      </p>
      {props.summary && !missingIn(props.summary) && <PrintSummary summary={props.summary} />}
      {props.children}
      {/* Something missing is said document by document, where to go included. */}
      {props.summary?.titles && missingIn(props.summary) && (
        <PrintOutcomeNotice titles={props.summary.titles} results={props.summary.results} />
      )}
    </section>
  );
}

const missingIn = (summary: PrintJobsOutput) =>
  somethingMissing(printOutcome(summary.titles ?? [], summary.results));
