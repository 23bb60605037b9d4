import { describe, expect, it } from 'vitest';
import { loadCatalogs, messagesFor } from '../../../kiosk-ui/i18n';
import { describeOfficeHours } from '../../../kiosk-ui/screens/HomeScreen';

await loadCatalogs();

describe('describeOfficeHours', () => {
  const zh = messagesFor('zh-CN');
  const en = messagesFor('en');
  it('says a run of weekdays as a range, with the lunch break', () => {
    const hours = {
      days: [5, 1, 2, 3, 4],
      open: '09:00',
      close: '17:00',
      lunch: { start: '12:00', end: '13:30' },
    };
    expect(describeOfficeHours(hours, zh)).toEqual({
      days: '周一至周五',
      times: '09:00–12:00, 13:30–17:00',
    });
    expect(describeOfficeHours(hours, en).days).toBe('Mon–Fri');
  });
  it('lists days that are not a run, and hours without a break', () => {
    expect(describeOfficeHours({ days: [1, 3, 6], open: '08:30', close: '12:00' }, zh)).toEqual({
      days: '周一 周三 周六',
      times: '08:30–12:00',
    });
  });
});
