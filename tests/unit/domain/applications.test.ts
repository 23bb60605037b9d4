import { describe, expect, it } from 'vitest';
import {
  applicationNumber,
  canMove,
  isApplicationNumber,
  progressOf,
  type Application,
} from '../../../domain';

const base: Application = {
  number: applicationNumber('2026-12-02', 1, 1),
  itemCode: 'SB-0101',
  itemName: '灵活就业人员参保登记',
  applicantLabel: '张*（110105********0011）',
  submittedAt: '2026-12-02T01:00:00.000Z',
  state: 'accepted',
  history: [{ state: 'accepted', at: '2026-12-02T01:00:00.000Z' }],
  slipToken: 'abc',
};

describe('application numbers', () => {
  it('carry the day, the station, the serial and a check digit', () => {
    const number = applicationNumber('2026-12-02', 3, 17);
    expect(number).toMatch(/^SQ20261202030017\d$/);
    expect(isApplicationNumber(number)).toBe(true);
    expect(isApplicationNumber(number.toLowerCase())).toBe(true);
  });

  it('catch every single mistyped digit', () => {
    const number = applicationNumber('2026-12-02', 1, 42);
    for (let i = 2; i < number.length; i += 1) {
      for (const digit of '0123456789') {
        if (digit === number[i]) continue;
        const typo = number.slice(0, i) + digit + number.slice(i + 1);
        expect(isApplicationNumber(typo), typo).toBe(false);
      }
    }
  });

  it('refuse other shapes', () => {
    expect(isApplicationNumber('SQ123')).toBe(false);
    expect(isApplicationNumber('A012')).toBe(false);
  });
});

describe('the process', () => {
  it('allows only the moves of 受理 → 审核 → 补正 / 办结 / 不予受理', () => {
    expect(canMove('accepted', 'reviewing')).toBe(true);
    expect(canMove('reviewing', 'correction')).toBe(true);
    expect(canMove('correction', 'reviewing')).toBe(true);
    expect(canMove('reviewing', 'completed')).toBe(true);
    expect(canMove('accepted', 'completed')).toBe(false);
    expect(canMove('completed', 'reviewing')).toBe(false);
    expect(canMove('rejected', 'reviewing')).toBe(false);
  });

  it('shows what was done, what is now and what comes next', () => {
    expect(progressOf(base).map((s) => [s.state, s.status])).toEqual([
      ['accepted', 'now'],
      ['reviewing', 'next'],
      ['completed', 'next'],
    ]);
    const correction: Application = {
      ...base,
      state: 'correction',
      history: [
        ...base.history,
        { state: 'reviewing', at: '2026-12-02T02:00:00.000Z' },
        { state: 'correction', at: '2026-12-02T03:00:00.000Z', note: '需补正：劳动合同' },
      ],
    };
    expect(progressOf(correction).map((s) => [s.state, s.status, s.note])).toEqual([
      ['accepted', 'done', undefined],
      ['reviewing', 'done', undefined],
      ['correction', 'now', '需补正：劳动合同'],
      ['completed', 'next', undefined],
    ]);
    const rejected: Application = {
      ...base,
      state: 'rejected',
      history: [...base.history, { state: 'rejected', at: '2026-12-02T02:00:00.000Z' }],
    };
    expect(progressOf(rejected).map((s) => s.status)).toEqual(['done', 'done']);
  });
});
