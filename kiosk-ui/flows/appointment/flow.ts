import type { FlowParts, FlowView } from '../flowModule';
import { AppointmentView } from './AppointmentView';
import { appointmentMessages } from './messages';
import { wireAppointmentFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => wireAppointmentFlow(deps.devices, deps.queue, deps.config, deps.holderKeys),
  View: AppointmentView as FlowView,
  messages: appointmentMessages,
};
export default parts;
