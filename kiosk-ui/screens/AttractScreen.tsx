import type { FlowId } from '../../domain';
import { SettingsButtons } from '../components/TopBar';
import { useFlowTitle, useKiosk, useMessages, useMode, useSend } from '../session';
import { CardReminder } from './CardReminder';

/** The calm screen between visits: what the terminal does, and one large way in. */
export function AttractScreen() {
  const t = useMessages();
  const send = useSend();
  const mode = useMode();
  const { config, configProblems, session } = useKiosk();
  const flows: readonly FlowId[] = session.getSnapshot().context.flows;
  const title = useFlowTitle();
  return (
    <main class="attract" aria-labelledby="attract-title">
      <div class="attract__top">
        <span class="badge">7×24</span>
        <SettingsButtons {...mode} />
      </div>
      {/* A card left by the visit that just ended: the first thing anyone sees. */}
      <CardReminder />
      <button type="button" class="attract__wake" onClick={() => send({ type: 'user.wake' })}>
        <span class="attract__hall" data-staff-entry>
          {config.hall.name[mode.locale]}
        </span>
        <h1 id="attract-title" class="attract__headline">
          {t.attract.headline}
        </h1>
        <span class="attract__offers">
          {flows.length > 0
            ? `${t.attract.offers}：${flows.map(title).join(' · ')}`
            : t.attract.noServicesYet}
        </span>
        <span class="attract__cta">{t.attract.touchToStart}</span>
        <span class="attract__hint">{t.attract.orCardOrCode}</span>
      </button>
      {configProblems.length > 0 && (
        <p class="attract__problem" role="status">
          {t.attract.configProblem}
        </p>
      )}
    </main>
  );
}
