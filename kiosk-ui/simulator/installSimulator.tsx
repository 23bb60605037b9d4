import { render } from 'preact';
import type { KioskDevices } from '../../device-adapters';
import type { MockControls } from '../../device-adapters/mock';
import type { MockLicenceRegistry } from '../../stores/registry';
import type { MockApplicationDesk } from '../../stores/applications';
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
 * The tester's simulator, in the mock profile only: `window.kioskSim` for scripts, and — only
 * with `?sim=1` or the tester setting (`dock`) — a panel docked beside the kiosk screen, opened
 * by a small SIM button or `?sim=1`. A citizen's screen never shows the button by default.
 */
export function installSimulator(options: {
  controls: MockControls;
  devices: KioskDevices;
  session: SessionActor;
  registry: MockLicenceRegistry | null;
  journal: PrintJournal | null;
  queue?: SimQueue;
  /** The simulated back office, loaded when first used. */
  applications?: (() => Promise<MockApplicationDesk>) | null;
  open: boolean;
  /** Whether the dock (the SIM button, the panel) is put on screen at all. */
  dock?: boolean;
}): void {
  window.kioskSim = createKioskSim(options.controls, options.devices, {
    registry: options.registry,
    journal: options.journal,
    queue: options.queue ?? null,
    applications: options.applications ?? null,
  });
  if (options.dock === false && !options.open) return;
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
        applications={options.applications ?? null}
        open={open}
        onToggle={() => setOpen(!open)}
      />,
      dock,
    );
  };
  setOpen(options.open);
}
