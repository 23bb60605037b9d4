import type { SnapshotFrom } from 'xstate';
import type { PrintJobsMachine, PrintJobsOutput } from '../../machines';
import { FailureNotice } from '../components/FailureNotice';
import { useMessages } from '../session';
import { useSelector } from '../useSelector';

import type { PrintJobsRef } from './documentFlowView';
const stepOf = (s: SnapshotFrom<PrintJobsMachine>) =>
  typeof s.value === 'string' ? s.value : 'printing';

/** Printing, sheet by sheet, and what to do when the printer fails. */
export function PrintJobsView({ printing }: { printing: PrintJobsRef }) {
  const t = useMessages();
  const m = t.printJobs;
  const step = useSelector(printing, stepOf);
  const c = useSelector(printing, (s) => s.context);
  const send = printing.send.bind(printing);
  const job = c.jobs[Math.min(c.current, c.jobs.length - 1)];

  if (step === 'failed') {
    return (
      <section class="flow__step">
        {c.failure && <FailureNotice code={c.failure} />}
        <p class="flow__prompt">{m.failed}</p>
        {c.uncertain && <p class="flow__explain">{m.uncertain}</p>}
        <div class="flow__actions">
          <button
            type="button"
            class="secondary-button"
            onClick={() => send({ type: 'user.done' })}
          >
            {m.stop}
          </button>
          {!c.uncertain && (
            <button
              type="button"
              class="primary-button"
              onClick={() => send({ type: 'user.retry' })}
            >
              {m.retry}
            </button>
          )}
        </div>
      </section>
    );
  }
  return (
    <section class="flow__step">
      <p class="flow__prompt" role="status">
        {job ? m.printing(c.current + 1, c.jobs.length, job.request.title) : ''}
      </p>
      <progress max={c.jobs.length} value={c.current} />
    </section>
  );
}

/** What printing came to: how many printed, skipped as printed before, or left for staff. */
export function PrintSummary({ summary }: { summary: PrintJobsOutput }) {
  const m = useMessages().printJobs;
  const count = (result: string) => summary.results.filter((r) => r === result).length;
  const printed = count('printed');
  const skipped = count('already-printed') + count('in-progress');
  const check = count('needs-check');
  return (
    <p class="flow__explain">
      {m.printedCount(printed)}
      {skipped > 0 && ` ${m.skipped(skipped)}`}
      {check > 0 && ` ${m.needsCheck(check)}`}
    </p>
  );
}
