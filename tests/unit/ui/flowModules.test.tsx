// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from 'xstate';
import { createMockDevices } from '../../../device-adapters/mock';
import { IndexedDbQueueService } from '../../../stores/queue';
import { IndexedDbHolderKeys } from '../../../stores/keys';
import { parseKioskConfig, type KioskConfig } from '../../../domain';
import { App } from '../../../kiosk-ui/App';
import { composeKiosk } from '../../../kiosk-ui/composeKiosk';
import { connectSessionToDevices } from '../../../kiosk-ui/devices';
import { FLOWS, FlowCatalogue, defineFlow, type FlowModule } from '../../../kiosk-ui/flows';
import demoFlow from '../../support/demoFlow';

function hallConfig(): KioskConfig {
  const parsed = parseKioskConfig(JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}

/** A kiosk as the page composes it, with the given module list, rendered into a detached root. */
async function kioskWith(flows: readonly FlowModule[]) {
  const config = hallConfig();
  const { devices, controls } = createMockDevices({ instant: true });
  const queue = new IndexedDbQueueService({
    services: config.queue.services,
    officeHours: config.officeHours,
  });
  const { flows: catalogue, session } = await composeKiosk({
    devices,
    config,
    queue,
    holderKeys: new IndexedDbHolderKeys(),
    documents: null,
    wipeTraces: () => {},
    flows,
  });
  session.start();
  void connectSessionToDevices(devices, (event) => session.send(event));
  const root = document.createElement('div');
  act(() =>
    render(<App session={session} config={config} configProblems={[]} flows={catalogue} />, root),
  );
  const tile = (name: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button.tile')].find((b) =>
      b.textContent?.startsWith(name),
    );
  return { root, session, controls, catalogue, tile };
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) render(null, root);
});

describe('a flow module added in a test', () => {
  it('shows its tile on home, pauses it while its required device fails, and runs from its chunk', async () => {
    const kiosk = await kioskWith([...FLOWS, demoFlow]);
    mounted.push(kiosk.root);
    act(() => kiosk.session.send({ type: 'user.wake' }));
    expect(kiosk.tile('演示业务')?.disabled).toBe(false);

    act(() => kiosk.controls.fault('scanner', 'offline'));
    await vi.waitFor(() => expect(kiosk.tile('演示业务')?.disabled).toBe(true));
    expect(kiosk.tile('演示业务')?.textContent).toContain('扫码器');

    act(() => kiosk.controls.clear('scanner'));
    await vi.waitFor(() => expect(kiosk.tile('演示业务')?.disabled).toBe(false));
    expect(kiosk.catalogue.isLoaded('demo')).toBe(false);
    act(() => kiosk.tile('演示业务')?.click());
    await waitFor(kiosk.session, (s) => s.matches({ active: { screen: { flow: 'demo' } } }));
    await vi.waitFor(() => expect(kiosk.root.textContent).toContain('这是演示业务'));
    act(() => kiosk.root.querySelector<HTMLButtonElement>('main.flow button')?.click());
    await waitFor(kiosk.session, (s) => s.matches({ active: { screen: 'goodbye' } }));
  });

  it('is not offered where its `offered` says no, and the other tiles stay as they were', async () => {
    const kiosk = await kioskWith([...FLOWS, defineFlow({ ...demoFlow, offered: () => false })]);
    mounted.push(kiosk.root);
    act(() => kiosk.session.send({ type: 'user.wake' }));
    expect(kiosk.tile('演示业务')).toBeUndefined();
    expect(kiosk.tile('取号')).toBeDefined();
  });
});

describe('FlowCatalogue', () => {
  const deps = () => {
    const config = hallConfig();
    const { devices } = createMockDevices({ instant: true });
    const queue = new IndexedDbQueueService({
      services: config.queue.services,
      officeHours: config.officeHours,
    });
    const catalog = { current: () => Promise.reject(new Error('no catalog in this test')) };
    return {
      devices,
      config,
      queue,
      holderKeys: new IndexedDbHolderKeys(),
      documents: null,
      catalog,
      ratings: null,
    };
  };

  it('refuses two modules with one id, naming it', () => {
    expect(() => new FlowCatalogue([demoFlow, demoFlow], deps())).toThrow(
      'Two flow modules are called "demo"',
    );
  });

  it('reads requirements, titles and the codes that start a flow from the modules', () => {
    const catalogue = new FlowCatalogue([...FLOWS, demoFlow], deps());
    // Without the registry and journal the document flows are not offered.
    expect(catalogue.ids).toEqual(['queue', 'appointment', 'idCopy', 'guide', 'demo']);
    expect(catalogue.requirements['demo']).toEqual(['scanner']);
    expect(catalogue.requirements['appointment']).toEqual(['idCard', 'receipt']);
    expect(catalogue.codeFlows).toEqual({ appointment: 'appointment' });
    expect(catalogue.title('queue', 'en')).toBe('Queue number');
  });

  it('loads a chunk once, and tries again after a failed load', async () => {
    let calls = 0;
    const flaky = defineFlow({
      ...demoFlow,
      load: async () => {
        calls += 1;
        if (calls === 1) throw new Error('chunk did not arrive');
        return demoFlow.load();
      },
    });
    const catalogue = new FlowCatalogue([flaky], deps());
    await expect(catalogue.load('demo')).rejects.toThrow('chunk did not arrive');
    expect(catalogue.isLoaded('demo')).toBe(false);
    const [a, b] = [catalogue.load('demo'), catalogue.load('demo')];
    expect(a).toBe(b);
    await a;
    expect(calls).toBe(2);
    expect(catalogue.view('demo')).toBeDefined();
    expect(catalogue.messages('demo')).toBeDefined();
  });
});
