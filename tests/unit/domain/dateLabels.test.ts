import { describe, expect, it } from 'vitest';
import { dateLabel } from '../../../domain';

describe('dateLabel: a day as a citizen reads it, with its weekday and 今天/明天', () => {
  it('names the weekday and, seen from today, today and tomorrow', () => {
    expect(dateLabel('2026-12-02', 'zh-CN', { today: '2026-12-01' })).toBe('12月2日 周三（明天）');
    expect(dateLabel('2026-12-02', 'en', { today: '2026-12-01' })).toBe('Wed 2 Dec (tomorrow)');
    expect(dateLabel('2026-12-01', 'zh-CN', { today: '2026-12-01' })).toBe('12月1日 周二（今天）');
    expect(dateLabel('2026-12-01', 'en', { today: '2026-12-01' })).toBe('Tue 1 Dec (today)');
    expect(dateLabel('2026-12-04', 'zh-CN', { today: '2026-12-01' })).toBe('12月4日 周五');
    expect(dateLabel('2026-12-06', 'en', { today: '2026-12-01' })).toBe('Sun 6 Dec');
  });

  it('adds the year when the day is in another year than today, or when asked (paper)', () => {
    expect(dateLabel('2027-01-04', 'zh-CN', { today: '2026-12-31' })).toBe('2027年1月4日 周一');
    expect(dateLabel('2027-01-01', 'en', { today: '2026-12-31' })).toBe(
      'Fri 1 Jan 2027 (tomorrow)',
    );
    expect(dateLabel('2026-11-23', 'zh-CN', { year: true })).toBe('2026年11月23日 周一');
    expect(dateLabel('2026-11-23', 'en', { year: true })).toBe('Mon 23 Nov 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => dateLabel('2026-02-30', 'zh-CN')).toThrow(/not a calendar date/);
  });
});
