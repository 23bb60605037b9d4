import { describe, expect, it } from 'vitest';
import { auditCsv, type AuditEntry } from '../../../domain';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 1,
    at: '2026-03-02T08:00:00.000Z',
    kioskId: 'kiosk-01',
    action: 'entry',
    subject: '',
    before: null,
    after: null,
    ...overrides,
  };
}

/** The CSV's lines without the BOM and the final line end. */
function lines(csv: string): string[] {
  return csv.slice(1).replace(/\r\n$/, '').split('\r\n');
}

describe('auditCsv', () => {
  it('writes a BOM and the header alone for an empty log', () => {
    expect(auditCsv([])).toBe('\uFEFFseq,at,kioskId,action,subject,before,after\r\n');
  });

  it('writes one CRLF line per entry, before and after as JSON', () => {
    const csv = auditCsv([
      entry(),
      entry({
        seq: 2,
        action: 'item-change',
        subject: 'SB-0001',
        before: { enabled: true },
        after: { enabled: false },
      }),
      entry({ seq: 3, action: 'settings-change', subject: 'session', before: 90, after: 'x' }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    expect(lines(csv)).toEqual([
      'seq,at,kioskId,action,subject,before,after',
      '1,2026-03-02T08:00:00.000Z,kiosk-01,entry,,,',
      '2,2026-03-02T08:00:00.000Z,kiosk-01,item-change,SB-0001,"{""enabled"":true}","{""enabled"":false}"',
      '3,2026-03-02T08:00:00.000Z,kiosk-01,settings-change,session,90,"""x"""',
    ]);
  });

  it('keeps Chinese as it is', () => {
    const csv = auditCsv([entry({ subject: '个人社会保险参保证明打印', after: ['一证可办'] })]);
    expect(lines(csv)[1]).toBe(
      '1,2026-03-02T08:00:00.000Z,kiosk-01,entry,个人社会保险参保证明打印,,"[""一证可办""]"',
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
  ])('defuses a formula in %j', (subject, cell) => {
    expect(lines(auditCsv([entry({ subject })]))[1]).toBe(
      `1,2026-03-02T08:00:00.000Z,kiosk-01,entry,${cell},,`,
    );
  });

  it('defuses a formula in a JSON cell too', () => {
    expect(lines(auditCsv([entry({ before: -5, after: 5 })]))[1]).toBe(
      "1,2026-03-02T08:00:00.000Z,kiosk-01,entry,,'-5,5",
    );
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['plain', 'plain'],
  ])('quotes %j as RFC 4180 asks', (subject, cell) => {
    const csv = auditCsv([entry({ subject })]);
    expect(csv).toBe(
      `\uFEFFseq,at,kioskId,action,subject,before,after\r\n1,2026-03-02T08:00:00.000Z,kiosk-01,entry,${cell},,\r\n`,
    );
  });

  it('leaves before and after empty for undefined, and writes false and 0', () => {
    expect(lines(auditCsv([entry({ before: undefined, after: false })]))[1]).toBe(
      '1,2026-03-02T08:00:00.000Z,kiosk-01,entry,,,false',
    );
    expect(lines(auditCsv([entry({ before: 0, after: '' })]))[1]).toBe(
      '1,2026-03-02T08:00:00.000Z,kiosk-01,entry,,0,""""""',
    );
  });
});
