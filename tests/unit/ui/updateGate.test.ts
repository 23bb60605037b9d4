import { describe, expect, it, vi } from 'vitest';
import { createUpdateGate } from '../../../kiosk-ui/updateGate';

describe('createUpdateGate', () => {
  it('applies a new version at once when the kiosk is between visits', () => {
    const apply = vi.fn();
    createUpdateGate(true).offered(apply);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('waits through a visit and applies the version when the session is back at attract', () => {
    const apply = vi.fn();
    const gate = createUpdateGate(true);
    gate.sessionChanged(false);
    gate.offered(apply);
    gate.sessionChanged(false);
    expect(apply).not.toHaveBeenCalled();
    gate.sessionChanged(true);
    gate.sessionChanged(true);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('applies only the latest version offered', () => {
    const first = vi.fn();
    const second = vi.fn();
    const gate = createUpdateGate(false);
    gate.offered(first);
    gate.offered(second);
    gate.sessionChanged(true);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
