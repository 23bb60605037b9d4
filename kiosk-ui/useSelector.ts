import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { Subscription } from 'xstate';

/** The part of an actor this hook needs: anything with a snapshot that can be followed. */
export interface Observable<TSnapshot> {
  getSnapshot(): TSnapshot;
  subscribe(listener: (snapshot: TSnapshot) => void): Subscription;
}

/**
 * Preact's binding to an XState actor: the component re-renders only when what `selector`
 * picks out of the snapshot changes (by `isEqual`, Object.is unless given).
 */
export function useSelector<TSnapshot, T>(
  actor: Observable<TSnapshot>,
  selector: (snapshot: TSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = selector(actor.getSnapshot());
  const latest = useRef({ selected, selector, isEqual });
  latest.current = { selected, selector, isEqual };

  useEffect(() => {
    const check = (snapshot: TSnapshot) => {
      const { selected: shown, selector: select, isEqual: same } = latest.current;
      if (!same(shown, select(snapshot))) rerender(0);
    };
    const subscription = actor.subscribe(check);
    // The actor may have moved on between this render and the subscription.
    check(actor.getSnapshot());
    return () => subscription.unsubscribe();
  }, [actor]);

  return selected;
}

/** Shallow equality for selectors that pick several fields into a fresh object or array. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a) as (keyof T)[];
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.is(a[key], b[key]));
}
