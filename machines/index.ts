export {
  sessionMachine,
  type SessionMachine,
  type SessionContext,
  type SessionEvent,
  type SessionInput,
  type SessionNotice,
} from './sessionMachine';
export {
  deviceHealthMachine,
  ALL_ONLINE,
  ALL_OFFLINE,
  type DeviceHealthEvent,
  type DeviceHealthInput,
  type HealthChangedEvent,
} from './deviceHealthMachine';
export {
  FLOW_REQUIREMENTS,
  unavailableFlows,
  type DeviceProblem,
  type DeviceStatuses,
} from './flowRequirements';
export {
  idCopyMachine,
  type IdCopyMachine,
  type IdCopyEvent,
  type IdCopyImages,
} from './idCopyMachine';
export {
  queueMachine,
  type QueueMachine,
  type QueueEvent,
  type QueueSetup,
  type AllocateInput,
  type PrintTicketInput,
} from './queueMachine';
export {
  appointmentMachine,
  type AppointmentMachine,
  type AppointmentEvent,
  type AppointmentSetup,
  type BookInput,
  type PlacesLeft,
} from './appointmentMachine';
export {
  identityMachine,
  type IdentityMachine,
  type IdentityEvent,
  type IdentityInput,
  type IdentityOutput,
} from './identityMachine';
export {
  printJobsMachine,
  type PrintJobsMachine,
  type PlannedPrint,
  type PrintJobsOutput,
  type SheetResult,
} from './printJobsMachine';
export {
  licencePrintMachine,
  planLicence,
  planCertificate,
  offerFor,
  type LicencePrintMachine,
  type LicencePrintEvent,
  type LicenceOffer,
  type Printables,
  type DocumentFlowSetup,
} from './licencePrintMachine';
export {
  realEstateMachine,
  planRealEstate,
  type RealEstateMachine,
  type RealEstateEvent,
  type RealEstateAnswer,
} from './realEstateMachine';
