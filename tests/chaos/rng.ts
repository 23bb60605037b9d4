/** A seeded pseudo-random source, so that a failing chaos run can be replayed from its seed. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights ≤ 0 are never picked. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
  /** A new independent source derived from this one and a label. */
  fork(label: string | number): Rng;
}

/** mulberry32: small, fast and good enough to explore behaviour. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a label, to derive sub-seeds. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number | string): Rng {
  const base = typeof seed === 'number' ? seed >>> 0 : hash(seed);
  const next = mulberry32(base);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick needs at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [w]) => sum + Math.max(0, w), 0);
      if (total <= 0) throw new Error('rng.weighted needs a choice with a positive weight');
      let r = next() * total;
      for (const [w, value] of choices) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return value;
      }
      return (choices.findLast(([w]) => w > 0) as (typeof choices)[number])[1];
    },
    fork: (label) => createRng(hash(`${base}:${label}`)),
  };
  return rng;
}
