import type { FlowActorRef, FlowParts } from '../../../kiosk-ui/flows';
import { useLocalised } from '../../../kiosk-ui/session';
import { demoMachine } from '../demoMachine';

const messages = {
  'zh-CN': { hello: '这是演示业务', next: '完成' },
  en: { hello: 'This is the demo service', next: 'Done' },
};

function DemoView({ flow }: { flow: FlowActorRef }) {
  const t = useLocalised(messages);
  return (
    <main class="flow">
      <h1 class="screen-title">{t.hello}</h1>
      <button type="button" class="primary-button" onClick={() => flow.send({ type: 'user.next' })}>
        {t.next}
      </button>
    </main>
  );
}

const parts: FlowParts = { wire: () => demoMachine, View: DemoView, messages };
export default parts;
