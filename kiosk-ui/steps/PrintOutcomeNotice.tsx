import { printOutcome, somethingMissing, type SheetResult } from '../../machines';
import { describeOfficeHours } from '../screens/HomeScreen';
import { useKiosk, useLocalised, useMessages, useMode } from '../session';
import { identityMessages, printJobsMessages } from './messages';

/**
 * What became of each document when not all came out whole, in plain words: what printed, what
 * did not (a later visit prints it), what may have printed in part (staff at a window check it,
 * in office hours), and the hall's telephone. Nothing when everything printed.
 */
export function PrintOutcomeNotice(props: {
  titles: readonly string[];
  results: readonly SheetResult[];
}) {
  const m = useLocalised(printJobsMessages);
  const id = useLocalised(identityMessages);
  const t = useMessages();
  const { locale } = useMode();
  const { config } = useKiosk();
  const outcome = printOutcome(props.titles, props.results);
  if (!somethingMissing(outcome)) return null;
  const list = (titles: string[]) => titles.join(m.listSeparator);
  const hours = describeOfficeHours(config.officeHours, t);
  return (
    <section class="print-outcome" aria-labelledby="print-outcome-title">
      <h2 id="print-outcome-title" class="section-title">
        {m.outcomeTitle}
      </h2>
      <ul class="print-outcome__list">
        {outcome.printed.length > 0 && <li>{m.outcomePrinted(list(outcome.printed))}</li>}
        {outcome.before.length > 0 && <li>{m.outcomeBefore(list(outcome.before))}</li>}
        {outcome.unsure.length > 0 && (
          <li class="print-outcome__unsure">{m.outcomeUnsure(list(outcome.unsure))}</li>
        )}
        {outcome.notPrinted.length > 0 && (
          <li>
            <strong>{m.outcomeNotPrinted(list(outcome.notPrinted))}</strong> {m.outcomeLater}
          </li>
        )}
      </ul>
      {(outcome.unsure.length > 0 || config.hall.telephone) && (
        <p class="print-outcome__way">
          {outcome.unsure.length > 0 &&
            m.outcomeWindow(
              `${hours.days} ${hours.times}`,
              config.hall.windows?.[locale] ?? id.staffedWindow,
            )}
          {config.hall.telephone && (
            <span class="nowrap"> {m.outcomeTelephone(config.hall.telephone)}</span>
          )}
        </p>
      )}
    </section>
  );
}
