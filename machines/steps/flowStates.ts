import type { DoneActorEvent } from 'xstate';
import type { CalendarDate, IdCardProblem, IdCardRecord } from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import type { CardStepInput, CardStepOutput } from './cardStep';
import type { PrintJob, PrintStepInput, PrintStepOutput } from './printStep';

// The parent's side of the shared steps: the flow state that invokes a step and routes its
// output to the flow's own states, written once here instead of in each flow. A flow using them
// names in its setup the actions they refer to: `clearFailure`, `noteFailure` (from an error
// event, or given the failure as its parameter), to read cards `takeCardOutcome`
// (`assign((_, output: CardStepOutput) => cardOutcome(output))`), and to print receipts
// `markDone` (the flow's outcome is 'done').

/**
 * The tags a view and the session read instead of state names: `busy`, a device works (the
 * session pauses its idle timer); `working`, the kiosk waits on a service (the registry, the
 * queue store); `failed`, something went wrong and the screen says what, with a way on.
 */
export type FlowTag = 'busy' | 'working' | 'failed';

/** What a flow keeps of the card step: the card, why it was refused, why it was not read. */
export interface CardFields {
  card: IdCardRecord | null;
  cardProblem: IdCardProblem | null;
  failure: DeviceErrorCode | null;
}

/** The part of a flow's context a card step's outcome sets; the rest stays as it was. */
export function cardOutcome(output: CardStepOutput): Partial<CardFields> {
  if (output.result === 'read') return { card: output.card };
  if (output.result === 'refused') return { cardProblem: output.problem };
  return { failure: output.failure };
}

type CardDone = { event: DoneActorEvent<CardStepOutput> };

const cardResultIs =
  (result: CardStepOutput['result']) =>
  ({ event }: CardDone) =>
    event.output.result === result;

const takeCardOutcome = {
  type: 'takeCardOutcome',
  params: ({ event }: CardDone) => event.output,
} as const;

/**
 * The flow state that reads the ID card through the card step `src`: on to `read` with the
 * card, to `refused` with the problem (when given: otherwise the card is not checked), to
 * `failed` with the reader's failure. The flow adds the state's own events (`on`).
 */
function readingCard<
  const Id extends string,
  const Src extends string,
  const Entry extends string,
>(options: {
  /** The child's id, for a view that shows the step (人证核验 shows whether the card is being read). */
  id: Id;
  src: Src;
  entry: Entry;
  read: string;
  failed: string;
  refused?: string;
}) {
  const { refused } = options;
  const input = ({ context }: { context: { setup: { today: CalendarDate } | null } }) =>
    ({ today: refused ? (context.setup?.today ?? null) : null }) satisfies CardStepInput;
  return {
    entry: options.entry,
    invoke: {
      id: options.id,
      src: options.src,
      input,
      onDone: [
        ...(refused
          ? [{ guard: cardResultIs('refused'), target: refused, actions: takeCardOutcome }]
          : []),
        { guard: cardResultIs('read'), target: options.read, actions: takeCardOutcome },
        { target: options.failed, actions: takeCardOutcome },
      ],
      onError: { target: options.failed, actions: 'noteFailure' as const },
    },
  };
}

/**
 * A receipt that did not print, though what it was for stands (a number, a booking): the flow
 * counts as done (`markDone`), and the citizen may print it again or finish.
 */
const receiptFailed = (retry: string) => ({
  tags: 'failed' as const,
  entry: 'markDone' as const,
  on: { 'user.retry': retry, 'user.done': 'ended' },
});

/** A failure the citizen may try again from, or step back out of. */
const retrying = (retry: string, back: string) => ({
  tags: 'failed' as const,
  on: { 'user.retry': retry, 'user.back': back },
});

type PrintDone = { event: DoneActorEvent<PrintStepOutput> };

/**
 * The flow state that prints one receipt (`job` of the flow's context) through the print step
 * `src`, busy until it is out: on to `printed`, or to `failed` with the printer's failure, where
 * the flow offers its own retry (a number or a booking stands whether or not it printed).
 */
function printing<const Src extends string, Context>(
  src: Src,
  job: (context: Context) => PrintJob,
  printed: string,
  failed: string,
) {
  const input = ({ context }: { context: Context }): PrintStepInput => ({
    jobs: [job(context)],
    onFailure: 'end',
  });
  return {
    tags: 'busy' as const,
    entry: 'clearFailure' as const,
    invoke: {
      src,
      input,
      onDone: [
        {
          guard: ({ event }: PrintDone) => event.output.result === 'failed',
          target: failed,
          actions: {
            type: 'noteFailure',
            params: ({ event }: PrintDone) =>
              event.output.result === 'failed' ? event.output.failure : undefined,
          } as const,
        },
        { target: printed },
      ],
      onError: { target: failed, actions: 'noteFailure' as const },
    },
  };
}

/** The flow states that invoke the card and print steps, as `flowStates.readingCard(…)`. */
export const flowStates = { readingCard, retrying, printing, receiptFailed };
