import type { KioskConfig, AppointmentRules } from '../../domain';

export type {
  Appointment,
  AppointmentTime,
  CalendarDate,
  CancelResult,
  DeviceReport,
  HallEventRecord,
  HallTicket,
  HallWindow,
  MoveResult,
  PlacesLeft,
  QueueRefusal,
  ReconcileResult,
  ReservedBlock,
} from '../../domain';

/**
 * One hall's configuration as the server keeps it: the kiosk configuration's hall, hours,
 * calendar and queue (the same shape, so the demo hall is seeded from public/kiosk.config.json),
 * the appointment rules and the staffed windows with the services each serves.
 */
export interface HallConfig {
  hall: KioskConfig['hall'];
  officeHours: KioskConfig['officeHours'];
  calendar: KioskConfig['calendar'];
  queue: KioskConfig['queue'];
  appointments: AppointmentRules;
  windows: { number: number; services: string[] }[];
}
