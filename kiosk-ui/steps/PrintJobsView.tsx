import type { ActorRefFrom } from 'xstate';
import { isPlannedPrint, type PrintJobsMachine, type PrintJobsOutput } from '../../machines';
import { EventButton } from '../components/EventButton';
import { FailurePanel } from '../components/StepPanels';
import { useStep } from '../components/useStep';
import { useLocalised } from '../session';
import { printJobsMessages } from './messages';
import { PrintOutcomeNotice } from './PrintOutcomeNotice';

export type PrintJobsRef = ActorRefFrom<PrintJobsMachine>;

/** Printing, sheet by sheet, and what to do when the printer fails. */
export function PrintJobsView({ printing }: { printing: PrintJobsRef }) {
  const m = useLocalised(printJobsMessages);
  const s = useStep(printing);
  const c = s.context;
  const job = c.jobs[Math.min(c.current, c.jobs.length - 1)];

  return (
    <>
      <FailurePanel
        step={s}
        failure={c.failure}
        says={{
          failed: (
            <>
              {/* What printed, what did not, and where to go: never "load paper". */}
              <PrintOutcomeNotice
                titles={c.jobs.filter(isPlannedPrint).map((j) => j.request.title)}
                results={c.uncertain ? [...c.results, 'needs-check'] : c.results}
              />
            </>
          ),
        }}
      >
        <div class="flow__actions">
          <EventButton step={s} event={{ type: 'user.done' }} look="secondary">
            {m.stop}
          </EventButton>
          {/* The print step takes a retry only where it can help (not after a sheet that may
              have printed, nor while storage is full); none is offered while the paper is out,
              which no citizen can load: the outcome notice sends them to staff instead. */}
          {c.failure !== 'paper-out' && (
            <EventButton step={s} event={{ type: 'user.retry' }} refused="hide">
              {m.retry}
            </EventButton>
          )}
        </div>
      </FailurePanel>
      {!s.hasTag('failed') && (
        <section class="flow__step">
          <p class="flow__prompt" role="status">
            {job && isPlannedPrint(job)
              ? m.printing(c.current + 1, c.jobs.length, job.request.title)
              : ''}
          </p>
          <progress max={c.jobs.length} value={c.current} />
        </section>
      )}
    </>
  );
}

/** What printing came to: how many printed, skipped as printed before, or left for staff. */
export function PrintSummary({ summary }: { summary: PrintJobsOutput }) {
  const m = useLocalised(printJobsMessages);
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
