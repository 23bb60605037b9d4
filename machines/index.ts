export {
  sessionMachine,
  type SessionMachine,
  type SessionContext,
  type SessionEvent,
  type SessionInput,
  type SessionNotice,
  type FlowInput,
} from './sessionMachine';
