// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installStaffEntry } from '../../../kiosk-ui/staff/staffEntry';

/** The console's chunk, stood in for: what opening it would do is counted. */
const opened = vi.fn();
vi.mock('../../../kiosk-ui/staff/openConsole', () => ({
  mountConsole: () => opened,
}));

function press(target: Element, type: string, x = 10, y = 10) {
  const event = new MouseEvent(type, { bubbles: true, clientX: x, clientY: y });
  target.dispatchEvent(Object.assign(event, { pointerId: 1 }));
}

describe('the staff console’s hidden door', () => {
  let hall: HTMLElement;
  let other: HTMLElement;
  let remove: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    opened.mockClear();
    document.body.innerHTML = '<span data-staff-entry>县政务服务中心</span><button>取号</button>';
    hall = document.querySelector('[data-staff-entry]') as HTMLElement;
    other = document.querySelector('button') as HTMLElement;
    remove = installStaffEntry(async () => ({}) as never, 5_000);
  });
  afterEach(() => {
    remove();
    vi.useRealTimers();
  });

  it('opens after the hall name is held five seconds, and not a moment sooner', async () => {
    press(hall, 'pointerdown');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(opened).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a short press, a swipe, or a hold anywhere else', async () => {
    press(hall, 'pointerdown');
    await vi.advanceTimersByTimeAsync(2_000);
    press(hall, 'pointerup');
    await vi.advanceTimersByTimeAsync(5_000);
    press(hall, 'pointerdown');
    press(hall, 'pointermove', 80, 10);
    await vi.advanceTimersByTimeAsync(6_000);
    press(other, 'pointerdown');
    await vi.advanceTimersByTimeAsync(6_000);
    expect(opened).not.toHaveBeenCalled();
  });
});
