import type { ComponentType } from 'preact';
import type { ActorRef, AnyActorLogic, AnyEventObject, Snapshot } from 'xstate';
import type {
  ApplicationDesk,
  CatalogSource,
  DeviceKind,
  FaceLockout,
  FlowId,
  HolderKeys,
  KioskCode,
  KioskConfig,
  LicenceRegistry,
  PrintJournal,
  QueueService,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import type { RatingDesk } from '../../domain/ratings';
import type { LocaleMessages } from '../session';

export type FlowActorRef = ActorRef<Snapshot<unknown>, AnyEventObject>;

/** A flow's screens: given the running flow actor, they render its state and send it events. */
export type FlowView = ComponentType<{ flow: FlowActorRef }>;

/** What the document flows need besides devices: the registry to ask and the journal to print through. */
export interface DocumentServices {
  registry: LicenceRegistry;
  journal: PrintJournal;
  /** Failed face checks per card: a card that keeps failing is refused here for a while. */
  faceLockout: FaceLockout;
  /** The back office (审批系统): items done here, applications and their progress. */
  desk: ApplicationDesk;
}

/** Everything a flow may be wired to: the devices, the configuration and the stores. */
export interface FlowDeps {
  devices: KioskDevices;
  config: KioskConfig;
  queue: QueueService;
  /** The kiosk's keyed hashes of ID numbers: stores find a card again without its number. */
  holderKeys: HolderKeys;
  /** The registry and print journal; null where the terminal has no document services. */
  documents: DocumentServices | null;
  /** The hall's item catalog (办事指南, 一证可办). */
  catalog: CatalogSource;
  /** Where 好差评 keeps ratings; null where the kiosk takes none. */
  ratings: RatingDesk | null;
}

/** The part of a flow that is loaded when it is first needed (its own chunk). */
export interface FlowParts {
  /** The flow's machine with this kiosk's devices and stores plugged in. */
  wire(deps: FlowDeps): AnyActorLogic;
  View: FlowView;
  /** The flow's own words, Chinese first. */
  messages: LocaleMessages<object>;
}

/**
 * One citizen service, declared once in `kiosk-ui/flows/<id>/index.ts`. What home needs (the
 * tile, the devices it requires, whether this kiosk offers it) is here; the machine, the view
 * and the words come with `load()`, in a chunk of their own.
 */
export interface FlowModule {
  id: FlowId;
  /** The devices the flow cannot work without: while one fails, home pauses the tile and says why. */
  requires: readonly DeviceKind[];
  /**
   * Devices only some of the flow's steps use (不动产查询 prints with the document printer, but
   * shows results without it): while one fails the tile stays open and says what is unavailable,
   * and the flow is told at start (`FlowInput.unavailable`) so it leaves that step out.
   */
  optional?: readonly DeviceKind[];
  /** The tile's name. */
  title: LocaleMessages<string>;
  /** Whether this kiosk offers the flow at all (e.g. only with queue services configured). */
  offered?: (deps: FlowDeps) => boolean;
  /** The kiosk's own printed codes that start this flow when scanned at attract or home. */
  startsOnCode?: readonly KioskCode['kind'][];
  load: () => Promise<FlowParts>;
}

/** Declares a flow module; the identity, typed. */
export function defineFlow(module: FlowModule): FlowModule {
  return module;
}

/** The document services of a flow that is offered only with them (see its `offered`). */
export function documentsOf(deps: FlowDeps): DocumentServices {
  if (!deps.documents)
    throw new Error(
      'This flow needs the registry and the print journal: offer it only when FlowDeps.documents is set.',
    );
  return deps.documents;
}

/** Each module's optional devices, for home to say what a flow cannot do now. */
export function optionalDevicesOf(
  modules: readonly FlowModule[],
): Record<FlowId, readonly DeviceKind[]> {
  return Object.fromEntries(modules.map((module) => [module.id, module.optional ?? []]));
}

/** Each module's required devices, as device health reads them. */
export function requirementsOf(
  modules: readonly FlowModule[],
): Record<FlowId, readonly DeviceKind[]> {
  return Object.fromEntries(modules.map((module) => [module.id, module.requires]));
}
