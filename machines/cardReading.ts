import { checkIdCard, type CalendarDate, type IdCardProblem, type IdCardRecord } from '../domain';

/** What the card-reading steps of a flow need from its context: today's date, once known. */
interface KnowsToday {
  setup: { today: CalendarDate } | null;
}

/** Why the card a reader just delivered cannot be used today, or null when it can. */
export function problemOfReadCard(context: KnowsToday, event: object): IdCardProblem | null {
  if (!context.setup || !('output' in event)) return null;
  const check = checkIdCard(event.output as IdCardRecord, context.setup.today);
  return check.ok ? null : check.problem;
}

/** The guard of a card-reading step: the card just read cannot be used. */
export const cardUnusable = ({ context, event }: { context: KnowsToday; event: object }) =>
  problemOfReadCard(context, event) !== null;
