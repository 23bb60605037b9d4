export {
  createSessionMachine,
  type SessionMachine,
  type SessionContext,
  type SessionEvent,
  type SessionInput,
  type SessionNotice,
  type CardReaderEvent,
  type VisitEndedEvent,
} from './sessionMachine';
export { activityOf, type DeviceWork, type FlowActivity } from './flowActivity';
export {
  deviceHealthMachine,
  ALL_ONLINE,
  ALL_OFFLINE,
  type DeviceHealthEvent,
  type DeviceHealthInput,
  type HealthChangedEvent,
} from './deviceHealthMachine';
export {
  unavailableFlows,
  limitedFlows,
  devicesDown,
  type FlowRequirements,
  type DeviceProblem,
  type DeviceStatuses,
} from './flowRequirements';
export {
  idCopyMachine,
  type IdCopyMachine,
  type IdCopyEvent,
  type IdCopyImages,
  isCopyJob,
} from './idCopyMachine';
export {
  queueMachine,
  type QueueMachine,
  type QueueEvent,
  type QueueSetup,
  type AllocateInput,
  type PrintTicketInput,
  isTicketJob,
} from './queueMachine';
export {
  appointmentMachine,
  type AppointmentMachine,
  type AppointmentEvent,
  type AppointmentSetup,
  type BookInput,
  type PlacesLeft,
  type PrintSlipInput,
  isSlipJob,
} from './appointmentMachine';
export {
  DEFAULT_FACE_TRIES,
  identityMachine,
  type FaceLockInput,
  type IdentityMachine,
  type IdentityEvent,
  type IdentityInput,
  type IdentityOutput,
} from './steps/identityMachine';
export {
  cardStepMachine,
  type CardStepMachine,
  type CardStepInput,
  type CardStepOutput,
} from './steps/cardStep';
export { type FlowTag } from './steps/flowStates';
export {
  printStepMachine,
  printStepFor,
  type PrintStepMachine,
  type PrintStepMachine as PrintJobsMachine,
  type PrintStepInput,
  type PrintStepOutput,
  type PrintActorOutput,
  type PrintJob,
  type SheetResult,
} from './steps/printStep';
export {
  licencePrintMachine,
  planLicence,
  planCertificate,
  offerFor,
  type LicencePrintMachine,
  type LicencePrintEvent,
  type LicenceOffer,
  type Printables,
} from './licencePrintMachine';
export {
  isPlannedPrint,
  printOutcome,
  somethingMissing,
  summaryOf,
  type PrintOutcome,
  type DocumentFlowSetup,
  type PlannedPrint,
  type PrintJobsOutput,
} from './steps/documentSteps';
export {
  realEstateMachine,
  planRealEstate,
  type RealEstateMachine,
  type RealEstateEvent,
  type RealEstateAnswer,
} from './realEstateMachine';
export {
  guideMachine,
  guideList,
  isGuideJob,
  MAX_GUIDE_QUERY,
  type GuideContext,
  type GuideEvent,
  type GuideJob,
  type GuideSetup,
} from './guideMachine';
export {
  progressMachine,
  APPLICATION_NUMBER_LENGTH,
  type ProgressMachine,
  type ProgressEvent,
  type ProgressContext,
  type ProgressRefusal,
  type LookupInput,
  type LookupOutput,
} from './progressMachine';
export {
  itemsMachine,
  creditCodeIn,
  isApplicationSlipJob,
  materialsToCapture,
  type ApplicationSlipJob,
  type ItemsContext,
  type ItemsEvent,
  type ItemsMachine,
  type ItemsMode,
  type ItemsRefusal,
} from './itemsMachine';
export {
  staffMachine,
  STAFF_IDLE_MS,
  STAFF_SECTIONS,
  PIN_MAX_LENGTH,
  type StaffMachine,
  type StaffContext,
  type StaffEvent,
  type StaffSection,
  type CloseReason,
  type EntryState,
  type PinCheck,
  type PinError,
} from './staffMachine';
