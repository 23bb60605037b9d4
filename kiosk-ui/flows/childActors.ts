import type { ActorRefFrom } from 'xstate';
import type { IdentityMachine, PrintJobsMachine } from '../../machines';

/** The child actors the document flows invoke, as their views render them. */
export type IdentityRef = ActorRefFrom<IdentityMachine>;
export type PrintJobsRef = ActorRefFrom<PrintJobsMachine>;
