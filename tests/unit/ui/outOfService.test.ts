// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createOutOfServiceScreen } from '../../../kiosk-ui/outOfService';

afterEach(() => {
  document.body.replaceChildren();
  delete document.documentElement.dataset.kiosk;
});

const shown = () => document.querySelector('.out-of-service');
const state = () => document.documentElement.dataset.kiosk;

describe('the out-of-service screen', () => {
  it('stays up while any reason holds it, and tells the watchdog what the page is', () => {
    const screen = createOutOfServiceScreen();
    expect(state()).toBe('booting');
    screen.show('storage:budayang-queue', '工作人员提示：正在等待另一个终端页面关闭旧版本数据库。');
    screen.show('boot');
    expect(state()).toBe('out-of-service');
    expect(shown()?.getAttribute('role')).toBe('alert');
    expect(shown()?.textContent).toContain('终端暂停服务');
    expect(shown()?.querySelector('.out-of-service__staff')?.textContent).toMatch(/旧版本数据库/);
    expect(screen.has('storage:')).toBe(true);
    screen.hide('storage:budayang-queue');
    expect(shown()).not.toBeNull();
    screen.setMounted(true);
    screen.hide('boot');
    expect(shown()).toBeNull();
    expect(state()).toBe('mounted');
  });

  it("gives the hall's telephone once it is known", () => {
    const screen = createOutOfServiceScreen();
    screen.show('failed');
    screen.setTelephone('0571-12345');
    expect(shown()?.textContent).toContain('咨询电话：0571-12345');
  });
});
