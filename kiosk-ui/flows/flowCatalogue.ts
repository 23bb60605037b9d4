import { fromPromise, type AnyActorLogic } from 'xstate';
import type { DeviceKind, FlowId, KioskCode, Locale } from '../../domain';
import { deferredLogic } from './deferredLogic';
import {
  optionalDevicesOf,
  requirementsOf,
  type FlowDeps,
  type FlowModule,
  type FlowParts,
  type FlowView,
} from './flowModule';

interface Loaded {
  logic: AnyActorLogic;
  View: FlowView;
  messages: FlowParts['messages'];
}

/**
 * The flows this kiosk offers, read from the module list: what home, device health and the
 * session need of each, and each flow's chunk, loaded once (on first use, or prefetched in idle
 * time) and wired to this kiosk's devices and stores.
 */
export class FlowCatalogue {
  readonly modules: readonly FlowModule[];
  readonly #deps: FlowDeps;
  readonly #loaded = new Map<FlowId, Loaded>();
  readonly #loading = new Map<FlowId, Promise<Loaded>>();

  constructor(modules: readonly FlowModule[], deps: FlowDeps) {
    const ids = new Set<FlowId>();
    for (const module of modules) {
      if (ids.has(module.id))
        throw new Error(`Two flow modules are called "${module.id}": each id must be unique.`);
      ids.add(module.id);
    }
    this.#deps = deps;
    this.modules = modules.filter((module) => module.offered?.(deps) ?? true);
  }

  /** The ids of the offered flows, in home's order. */
  get ids(): FlowId[] {
    return this.modules.map((module) => module.id);
  }

  /** Each offered flow's required devices, for device health. */
  get requirements(): Record<FlowId, readonly DeviceKind[]> {
    return requirementsOf(this.modules);
  }

  /** Each offered flow's optional devices (it works without them, doing less). */
  get optional(): Record<FlowId, readonly DeviceKind[]> {
    return optionalDevicesOf(this.modules);
  }

  /** Which flow each of the kiosk's own printed codes starts when scanned. */
  get codeFlows(): Partial<Record<KioskCode['kind'], FlowId>> {
    return Object.fromEntries(
      this.modules.flatMap((module) =>
        (module.startsOnCode ?? []).map((kind) => [kind, module.id]),
      ),
    );
  }

  title(id: FlowId, locale: Locale): string {
    return this.#module(id)?.title[locale] ?? id;
  }

  isLoaded(id: FlowId | null): boolean {
    return id !== null && this.#loaded.has(id);
  }

  view(id: FlowId): FlowView | undefined {
    return this.#loaded.get(id)?.View;
  }

  messages(id: FlowId): FlowParts['messages'] | undefined {
    return this.#loaded.get(id)?.messages;
  }

  /** Loads and wires one flow; a second call waits for the first. A failed load may be tried again. */
  load(id: FlowId): Promise<Loaded> {
    const module = this.#module(id);
    if (!module) return Promise.reject(new Error(`No flow "${id}" is offered on this kiosk.`));
    const pending =
      this.#loading.get(id) ??
      module.load().then(
        (parts) => {
          const loaded = {
            logic: parts.wire(this.#deps),
            View: parts.View,
            messages: parts.messages,
          };
          this.#loaded.set(id, loaded);
          return loaded;
        },
        (error: unknown) => {
          this.#loading.delete(id);
          throw error;
        },
      );
    this.#loading.set(id, pending);
    return pending;
  }

  /** Loads every offered flow, one after the other (in idle time after home is shown). */
  async loadAll(): Promise<void> {
    for (const id of this.ids) await this.load(id);
  }

  /** What the session machine is provided with: one actor per flow, the loader and its guard. */
  sessionImplementations() {
    return {
      actors: {
        ...Object.fromEntries(
          this.ids.map((id) => [id, deferredLogic(id, () => this.#loaded.get(id)?.logic)]),
        ),
        loadFlow: fromPromise<unknown, { flow: FlowId }>(({ input }) => this.load(input.flow)),
      },
      guards: {
        isFlowReady: ({ context }: { context: { flow: FlowId | null } }) =>
          this.isLoaded(context.flow),
      },
    };
  }

  #module(id: FlowId): FlowModule | undefined {
    return this.modules.find((module) => module.id === id);
  }
}
