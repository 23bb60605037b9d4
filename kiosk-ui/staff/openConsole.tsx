import { render } from 'preact';
import { createActor } from 'xstate';
import { hashPin } from '../../stores/admin';
import { staffConsoleMachine, type ConsoleServices } from './consoleServices';
import { StaffConsole } from './StaffConsole';

/** The PIN a kiosk with simulated devices starts with (README, Staff console); never on hardware. */
export const MOCK_PROFILE_PIN = '246810';

/**
 * Builds the console once: its machine (the door kept by the hall-admin store), a host outside
 * the citizen's app, a card laid on the reader closing it. Returns what opens it. When it closes
 * the page restarts between visits: the wipe, and the saved settings and catalog taken up.
 */
export function mountConsole(
  services: ConsoleServices,
  doc: Document,
  afterClose: (changed: boolean) => void = () => location.reload(),
): () => void {
  const host = doc.createElement('div');
  host.className = 'staff-console-host';
  doc.body.append(host);
  const staff = createActor(staffConsoleMachine(services, afterClose));
  let shown = false;
  staff.subscribe((snapshot) => {
    const open = !snapshot.matches('closed');
    if (open === shown) return;
    shown = open;
    render(open ? <StaffConsole staff={staff} services={services} /> : null, host);
  });
  services.devices.idCard.onCard((presence) => {
    if (presence === 'inserted') staff.send({ type: 'card.inserted' });
  });
  staff.start();
  return () => {
    void seedMockPin(services).finally(() => staff.send({ type: 'staff.open' }));
  };
}

/** With simulated devices, the documented test PIN stands until staff set their own. */
async function seedMockPin(services: ConsoleServices): Promise<void> {
  if (services.config.devices !== 'mock') return;
  try {
    if (await services.admin.pin()) return;
    await services.admin.setPin(await hashPin(MOCK_PROFILE_PIN, services.now()));
    await services.audit({
      action: 'pin-set',
      subject: 'mock-profile test PIN',
      before: null,
      after: null,
    });
  } catch (error) {
    console.error('The test PIN could not be set', error);
  }
}
