import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_CONFIG,
  clockOf,
  hallDateOf,
  hallDateTimeText,
  isTimeZone,
  parseKioskConfig,
} from '../../../domain';

describe('the hall clock', () => {
  // 16:30 in London on 30 November is 00:30 on 1 December in the hall.
  const moment = new Date('2026-11-30T16:30:00Z');

  it('reads the hall time zone, whatever the machine is set to', () => {
    expect(clockOf(moment, 'Asia/Shanghai')).toEqual({ date: '2026-12-01', time: '00:30' });
    expect(clockOf(moment, 'Europe/London')).toEqual({ date: '2026-11-30', time: '16:30' });
    expect(hallDateOf(moment, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(hallDateTimeText(moment, 'Asia/Shanghai')).toBe('2026/12/1 00:30:00');
  });

  it('writes midnight as 00:00, not 24:00', () => {
    expect(clockOf(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai').time).toBe('00:00');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Urumqi')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(8)).toBe(false);
  });

  it('hall.timeZone defaults to Asia/Shanghai and is checked with Intl', () => {
    const { timeZone: _zone, ...hall } = DEFAULT_KIOSK_CONFIG.hall;
    const parsed = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, hall });
    expect(parsed.ok && parsed.config.hall.timeZone).toBe('Asia/Shanghai');
    const bad = parseKioskConfig({
      ...DEFAULT_KIOSK_CONFIG,
      hall: { ...hall, timeZone: 'Beijing' },
    });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'hall.timeZone: not a time zone this browser knows (write e.g. Asia/Shanghai)',
    ]);
  });
});
