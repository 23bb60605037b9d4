import type { ActorRefFrom } from 'xstate';
import {
  isBadRating,
  OTHER_TEXT_MAX,
  RATING_LEVELS,
  RATING_REASONS,
} from '../../../domain/ratings';
import type { RatingMachine } from '../../../machines/ratingMachine';
import { EventButton } from '../../components/EventButton';
import { NumericKeypad } from '../../components/NumericKeypad';
import { OnScreenKeyboard } from '../../components/OnScreenKeyboard';
import { WaitingPanel } from '../../components/StepPanels';
import { useStep } from '../../components/useStep';
import { useLocalised } from '../../session';
import { ratingMessages } from './messages';
import './rating.css';

type RatingRef = ActorRefFrom<RatingMachine>;

/**
 * The screens of 好差评: five equal levels with no default and nothing preselected; for a bad one,
 * the reasons and an optional call-back number with its consent; thanks.
 */
export function RatingView({ flow }: { flow: RatingRef }) {
  const m = useLocalised(ratingMessages);
  const s = useStep(flow);
  const c = s.context;
  const problem = c.problem ? m.problems[c.problem] : null;

  return (
    <main class="flow" aria-labelledby="flow-title">
      <h1 id="flow-title" class="screen-title">
        {m.title}
      </h1>
      <WaitingPanel step={s} says={{ offering: m.saving, saving: m.saving }} />
      {problem && (
        <p class="flow__problem" role="alert">
          {problem}
        </p>
      )}
      {s.name === 'scanning' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.scanTitle}</p>
          <p>{m.scanHint}</p>
        </section>
      )}
      {s.name === 'choosing' && c.subject && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big">{m.question(c.subject.title)}</p>
          <div class="rating-levels" role="group" aria-label={m.levelsLabel}>
            {RATING_LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                class={`rating-level rating-level--${level}`}
                onClick={() => flow.send({ type: 'user.level', level })}
              >
                {m.levels[level]}
              </button>
            ))}
          </div>
          <EventButton step={s} event={{ type: 'user.skip' }} look="secondary">
            {m.skip}
          </EventButton>
        </section>
      )}
      {s.name === 'reasons' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.reasonsTitle}</p>
          <div class="rating-reasons" role="group" aria-label={m.reasonsTitle}>
            {RATING_REASONS.map((reason) => (
              <button
                key={reason}
                type="button"
                class="rating-reason"
                aria-pressed={c.reasons.includes(reason)}
                onClick={() => flow.send({ type: 'user.reason', reason })}
              >
                {m.reasons[reason]}
              </button>
            ))}
          </div>
          {c.reasons.includes('other') && (
            <OnScreenKeyboard
              value={c.otherText}
              onInput={(text) => flow.send({ type: 'user.type', text })}
              layout="pinyin"
              maxLength={OTHER_TEXT_MAX}
              label={m.otherLabel}
              placeholder={m.otherPlaceholder}
              clearLabel={m.delete}
              deleteLabel={m.delete}
              spaceLabel=" "
            />
          )}
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.next' }}>
              {m.next}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'callback' && (
        <section class="flow__step">
          <p class="flow__prompt">{m.callbackTitle}</p>
          <p>{m.callbackHint}</p>
          <output class="rating-phone" aria-label={m.phone}>
            {c.phone || '—'}
          </output>
          <NumericKeypad
            onDigit={(digit) => flow.send({ type: 'user.digit', digit })}
            onDelete={() => flow.send({ type: 'user.erase' })}
          />
          <label class="rating-consent">
            <input
              type="checkbox"
              checked={c.consent}
              onChange={(e) => flow.send({ type: 'user.consent', given: e.currentTarget.checked })}
            />
            {m.consent}
          </label>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.back' }} look="secondary">
              {m.back}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.submit' }}>
              {m.submit}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'failed' && (
        <section class="flow__step">
          <p class="flow__prompt" role="alert">
            {m.failed}
          </p>
          <div class="flow__actions">
            <EventButton step={s} event={{ type: 'user.skip' }} look="secondary">
              {m.skip}
            </EventButton>
            <EventButton step={s} event={{ type: 'user.retry' }}>
              {m.retry}
            </EventButton>
          </div>
        </section>
      )}
      {s.name === 'thanks' && (
        <section class="flow__step">
          <p class="flow__prompt flow__prompt--big" role="status">
            {c.level && isBadRating(c.level) ? m.thanksBad : m.thanks}
          </p>
          <EventButton step={s} event={{ type: 'user.done' }} look="huge">
            {m.done}
          </EventButton>
        </section>
      )}
    </main>
  );
}
