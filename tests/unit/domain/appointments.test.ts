import { describe, expect, it } from 'vitest';
import { appointmentSlots, checkInTiming, isMobileNumber } from '../../../domain';

const hours = {
  days: [1, 2, 3, 4, 5],
  open: '09:00',
  close: '17:00',
  lunch: { start: '12:00', end: '13:30' },
};
const rules = { checkInEarlyMinutes: 30, checkInLateMinutes: 15 };

describe('appointment slots', () => {
  it('cut office hours into slots around the lunch break', () => {
    const slots = appointmentSlots(hours, 60);
    expect(slots.map((s) => s.start)).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '13:30',
      '14:30',
      '15:30',
    ]);
    expect(slots.at(-1)).toEqual({ start: '15:30', end: '16:30' });
  });
  it('never cross closing time, and refuse silly lengths', () => {
    expect(appointmentSlots({ ...hours, lunch: undefined }, 45).at(-1)).toEqual({
      start: '15:45',
      end: '16:30',
    });
    expect(() => appointmentSlots(hours, 2)).toThrow(/at least 5/);
  });
});

describe('check-in timing', () => {
  const appointment = { date: '2026-11-23', slot: { start: '10:00', end: '10:30' } };
  it('opens 30 minutes before the slot and closes 15 minutes into it', () => {
    expect(checkInTiming(appointment, rules, '2026-11-23', '09:29')).toEqual({
      ok: false,
      reason: 'too-early',
      opensAt: '09:30',
    });
    expect(checkInTiming(appointment, rules, '2026-11-23', '09:30')).toEqual({ ok: true });
    expect(checkInTiming(appointment, rules, '2026-11-23', '10:15')).toEqual({ ok: true });
    expect(checkInTiming(appointment, rules, '2026-11-23', '10:16')).toEqual({
      ok: false,
      reason: 'too-late',
    });
  });
  it('another day is too early or too late', () => {
    expect(checkInTiming(appointment, rules, '2026-11-22', '10:00')).toEqual({
      ok: false,
      reason: 'other-day',
      date: '2026-11-23',
    });
    expect(checkInTiming(appointment, rules, '2026-11-24', '10:00')).toEqual({
      ok: false,
      reason: 'too-late',
    });
  });
});

describe('mobile numbers', () => {
  it('are 11 digits starting 13–19', () => {
    expect(isMobileNumber('13812345678')).toBe(true);
    expect(isMobileNumber('19912345678')).toBe(true);
    for (const bad of ['12812345678', '1381234567', '138123456789', '1381234567a', ''])
      expect(isMobileNumber(bad)).toBe(false);
  });
});

describe('kiosk codes', () => {
  it('reads the tickets and slips the kiosk printed, and nothing else', async () => {
    const { parseKioskCode } = await import('../../../domain');
    expect(parseKioskCode('BDY1:A:3f2a9c1e-0000-4000-8000-000000000001')).toEqual({
      kind: 'appointment',
      id: '3f2a9c1e-0000-4000-8000-000000000001',
    });
    expect(parseKioskCode(' BDY1:T:abcdef12 ')).toEqual({ kind: 'ticket', id: 'abcdef12' });
    for (const other of [
      '',
      'BDY1:A:',
      'BDY1:X:abcdef12',
      'https://example.com',
      'BDY1:A:<script>',
      'A'.repeat(5000),
    ]) {
      expect(parseKioskCode(other)).toBeNull();
    }
  });
});
