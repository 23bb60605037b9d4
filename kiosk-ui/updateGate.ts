/**
 * A new version of the kiosk waits for the end of the visit: it is applied only while the
 * session is at attract, never in the middle of a citizen's business.
 */
export interface UpdateGate {
  /** A new version is installed and waiting. */
  offered(apply: () => void): void;
  /** The session moved; `atAttract` says whether it is now between visits. */
  sessionChanged(atAttract: boolean): void;
}

export function createUpdateGate(initiallyAtAttract: boolean): UpdateGate {
  let atAttract = initiallyAtAttract;
  let pending: (() => void) | null = null;
  const applyIfIdle = () => {
    if (atAttract && pending) {
      const apply = pending;
      pending = null;
      apply();
    }
  };
  return {
    offered(apply) {
      pending = apply;
      applyIfIdle();
    },
    sessionChanged(now) {
      atAttract = now;
      applyIfIdle();
    },
  };
}
