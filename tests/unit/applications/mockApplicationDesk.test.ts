import { describe, expect, it } from 'vitest';
import { isApplicationNumber, type Applicant } from '../../../domain';
import { TEST_PERSONS } from '../../../domain/testPersons';
import { MockApplicationDesk } from '../../../stores/applications';
import { SEED_ENTERPRISES } from '../../../stores/registry';
import { catalogItem, submitItem } from '../../support/catalogItems';

const person = (slug: string): Extract<Applicant, { kind: 'person' }> => {
  const record = TEST_PERSONS.find((p) => p.id === slug)?.record;
  if (!record) throw new Error(slug);
  return { kind: 'person', idNumber: record.idNumber, name: record.name };
};

const items = [
  catalogItem(),
  catalogItem({
    code: 'GA-0001',
    name: '无犯罪记录证明',
    department: 'public-security',
    result: '无犯罪记录证明',
  }),
  catalogItem({
    code: 'SW-0001',
    name: '企业纳税证明',
    department: 'tax',
    audience: ['business'],
    idCardOnly: false,
    licenceOnly: true,
    result: '纳税证明',
  }),
  submitItem(),
  catalogItem({ code: 'SB-0900', name: '已停办事项', enabled: false }),
];

const desk = (now = () => new Date('2026-12-02T02:00:00Z')) =>
  new MockApplicationDesk({ items, respondMs: 0, now });

describe('deciding kiosk items', () => {
  it('grants what the registries hold, once a day per item and person', async () => {
    const d = desk();
    const first = await d.decide('SB-0001', person('adult'));
    expect(first.granted).toBe(true);
    if (!first.granted) return;
    expect(first.result.title).toBe('社会保险个人参保证明');
    expect(first.result.rows.map(([label]) => label)).toContain('累计缴费');
    const again = await d.decide('SB-0001', person('adult'));
    expect(again).toEqual(first);
  });

  it('refuses with the reason and where to ask when the registry holds nothing', async () => {
    const decision = await desk().decide('SB-0001', person('dot-name'));
    expect(decision).toEqual({
      granted: false,
      reason: '未查询到您在本县的参保记录。如有疑问请到3号窗口（社保）咨询，电话 0000-6601234。',
    });
    const minor = await desk().decide('GA-0001', person('minor-15'));
    expect(minor.granted).toBe(false);
  });

  it('decides a business item for its legal representative only', async () => {
    const seed = SEED_ENTERPRISES[0];
    if (!seed) throw new Error('no seed enterprise');
    const representative = seed.people[0];
    if (!representative) throw new Error('no representative');
    const business: Applicant = {
      kind: 'business',
      creditCode: seed.enterprise.creditCode,
      enterpriseName: seed.enterprise.name,
      representative: { idNumber: representative.idNumber, name: '张伟' },
    };
    expect((await desk().decide('SW-0001', business)).granted).toBe(true);
    const stranger = {
      ...business,
      representative: { idNumber: '110105199001010011', name: '某' },
    };
    expect((await desk().decide('SW-0001', stranger)).granted).toBe(false);
  });

  it('does not decide items that are not kiosk items', async () => {
    expect((await desk().decide('SB-0101', person('adult'))).granted).toBe(false);
  });
});

describe('applications', () => {
  const submission = {
    itemCode: 'SB-0101',
    applicant: person('adult'),
    fields: { name: '张伟', phone: '13800138000' },
    pages: ['data:image/png;base64,AAAA'],
    declared: true as const,
  };

  it('are accepted with a checked number, and found by their applicant or their slip only', async () => {
    const d = desk();
    const application = await d.submit(submission);
    expect(application.state).toBe('accepted');
    expect(isApplicationNumber(application.number)).toBe(true);
    expect(JSON.stringify(application)).not.toContain(person('adult').idNumber);
    const byCard = await d.lookup({
      number: application.number,
      idNumber: submission.applicant.idNumber,
    });
    expect(byCard.found).toBe(true);
    const bySlip = await d.lookup({ number: application.number, slipToken: application.slipToken });
    expect(bySlip.found).toBe(true);
    expect(await d.lookup({ number: application.number })).toEqual({
      found: false,
      why: 'not-yours',
    });
    expect(
      await d.lookup({
        number: application.number,
        idNumber: person('senior-60').idNumber,
      }),
    ).toEqual({ found: false, why: 'not-yours' });
    expect(await d.lookup({ number: 'SQ202612020100990' })).toEqual({
      found: false,
      why: 'unknown',
    });
  });

  it('refuse a form without its required fields', async () => {
    await expect(desk().submit({ ...submission, fields: { name: '张伟' } })).rejects.toThrow(
      /phone/,
    );
  });

  it('move as staff move them, and no other way', async () => {
    const d = desk();
    const { number } = await d.submit(submission);
    expect(() => d.move(number, 'completed')).toThrow(/accepted to completed/);
    d.move(number, 'reviewing');
    expect(() => d.move(number, 'correction')).toThrow(/missing/);
    const correction = d.move(number, 'correction', { missing: ['劳动合同复印件 1 份'] });
    expect(correction.missing).toEqual(['劳动合同复印件 1 份']);
    d.move(number, 'reviewing');
    const done = d.move(number, 'completed');
    expect(done.missing).toBeUndefined();
    expect(done.result?.kind).toBe('item');
    expect(done.history.map((h) => h.state)).toEqual([
      'accepted',
      'reviewing',
      'correction',
      'reviewing',
      'completed',
    ]);
    const mine = await d.applicationsOf(submission.applicant.idNumber);
    expect(mine.map((a) => a.state)).toEqual(['completed']);
  });

  it('list only what the applicant may do', async () => {
    const codes = items.map((i) => i.code);
    expect(await desk().eligibleItems(person('adult'), codes)).toEqual([
      'SB-0001',
      'GA-0001',
      'SB-0101',
    ]);
    expect(await desk().eligibleItems(person('minor-15'), codes)).toEqual([]);
  });

  it('reject every call while the desk is offline', async () => {
    const d = desk();
    d.offline = true;
    await expect(d.decide('SB-0001', person('adult'))).rejects.toMatchObject({ code: 'offline' });
  });
});
