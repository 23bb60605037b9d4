import { describe, expect, it } from 'vitest';
import {
  checkIssuing,
  estimatedWaitMinutes,
  isPriorityAge,
  ticketNumber,
  type QueueServiceConfig,
} from '../../../domain';

const service: QueueServiceConfig = {
  code: 'business-registration',
  name: { 'zh-CN': '商事登记', en: 'Business registration' },
  prefix: 'A',
  windows: { 'zh-CN': '3–5号窗口', en: 'Windows 3–5' },
  windowCount: 3,
  materials: [{ 'zh-CN': '居民身份证原件', en: 'Resident ID card' }],
  averageHandlingMinutes: 12,
  requiresIdCard: true,
  dailyMax: 150,
  issuingWindows: [
    { start: '08:30', end: '11:30', quota: 80 },
    { start: '13:00', end: '16:30', quota: 70 },
  ],
};

describe('ticket numbers', () => {
  it('are the prefix and three digits, A001 to A999', () => {
    expect(ticketNumber('A', 1)).toBe('A001');
    expect(ticketNumber('B', 42)).toBe('B042');
    expect(ticketNumber('Z', 999)).toBe('Z999');
  });
  it('refuse what cannot be printed, saying why', () => {
    expect(() => ticketNumber('A', 0)).toThrow(/from 1 to 999/);
    expect(() => ticketNumber('A', 1000)).toThrow(/from 1 to 999/);
    expect(() => ticketNumber('a', 1)).toThrow(/one capital letter/);
  });
});

describe('issuing windows and quotas', () => {
  it('issues inside a window with quota left', () => {
    expect(checkIssuing(service, '09:00', { today: 10, byWindow: { '08:30': 10 } })).toBeNull();
  });
  it('a used-up window quota points to the next window', () => {
    expect(checkIssuing(service, '10:00', { today: 80, byWindow: { '08:30': 80 } })).toEqual({
      reason: 'window-quota-used',
      nextWindowStart: '13:00',
    });
  });
  it('between windows and at night it says when issuing starts again', () => {
    expect(checkIssuing(service, '12:00', { today: 5, byWindow: {} })).toEqual({
      reason: 'outside-issuing-hours',
      nextWindowStart: '13:00',
    });
    expect(checkIssuing(service, '02:00', { today: 0, byWindow: {} })).toEqual({
      reason: 'outside-issuing-hours',
      nextWindowStart: '08:30',
    });
    expect(checkIssuing(service, '17:00', { today: 0, byWindow: {} })).toEqual({
      reason: 'outside-issuing-hours',
      nextWindowStart: null,
    });
  });
  it('the daily maximum wins over any window', () => {
    expect(checkIssuing(service, '14:00', { today: 150, byWindow: { '13:00': 0 } })).toEqual({
      reason: 'daily-max-reached',
    });
  });
});

describe('priority by age', () => {
  it('turns on exactly on the 60th birthday', () => {
    expect(isPriorityAge('1965-11-23', '2025-11-22')).toBe(false);
    expect(isPriorityAge('1965-11-23', '2025-11-23')).toBe(true);
    expect(isPriorityAge('1965-11-23', '2025-11-24')).toBe(true);
  });
  it('follows the configured age, and 29 February birthdays', () => {
    expect(isPriorityAge('1955-05-01', '2025-04-30', 70)).toBe(false);
    expect(isPriorityAge('1955-05-01', '2025-05-01', 70)).toBe(true);
    expect(isPriorityAge('1964-02-29', '2024-02-29')).toBe(true);
    expect(isPriorityAge('1964-02-29', '2024-02-28')).toBe(false);
  });
});

describe('estimated wait', () => {
  it('shares the people ahead among the windows at the configured average', () => {
    expect(estimatedWaitMinutes(service, 0)).toBe(0);
    expect(estimatedWaitMinutes(service, 6)).toBe(24);
    expect(estimatedWaitMinutes(service, 1)).toBe(4);
  });
  it('uses recent handling times once there are enough of them', () => {
    expect(estimatedWaitMinutes(service, 6, [6, 6])).toBe(24);
    expect(estimatedWaitMinutes(service, 6, [6, 6, 6])).toBe(12);
    expect(estimatedWaitMinutes(service, 6, [6, 6, 6, Number.NaN, -3])).toBe(12);
  });
});
