import { render } from 'preact';
import type { KioskDevices } from '../../device-adapters';
import type { MockControls } from '../../device-adapters/mock';
import type { MockLicenceRegistry } from '../../stores/registry';
import type { PrintJournal } from '../../domain';
import type { SessionActor } from '../session';
import { createKioskSim, type KioskSim, type SimQueue } from './kioskSim';
import { SimulatorPanel } from './SimulatorPanel';
import './simulator.css';

declare global {
  interface Window {
    kioskSim?: KioskSim;
  }
}

/**
 * The tester's simulator, in the mock profile only: `window.kioskSim` for scripts, and a panel
 * docked beside the kiosk screen, opened by a small button or `?sim=1`.
 */
export function installSimulator(options: {
  controls: MockControls;
  devices: KioskDevices;
  session: SessionActor;
  registry: MockLicenceRegistry | null;
  journal: PrintJournal | null;
  queue?: SimQueue;
  open: boolean;
}): void {
  window.kioskSim = createKioskSim(options.controls, options.devices, {
    registry: options.registry,
    journal: options.journal,
    queue: options.queue ?? null,
  });
  const dock = document.createElement('aside');
  dock.id = 'simulator';
  document.body.append(dock);
  const setOpen = (open: boolean) => {
    document.body.classList.toggle('with-simulator', open);
    render(
      <SimulatorPanel
        controls={options.controls}
        devices={options.devices}
        registry={options.registry}
        open={open}
        onToggle={() => setOpen(!open)}
      />,
      dock,
    );
  };
  setOpen(options.open);
}
