import type { CatalogItem } from '../../domain';

/** A complete, valid catalog item; tests change what they are about. */
export function catalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    code: 'SB-0001',
    name: '社会保险个人参保证明查询打印',
    department: 'social-security',
    audience: ['person'],
    idCardOnly: true,
    licenceOnly: false,
    channel: 'kiosk',
    enabled: true,
    conditions: ['在本县参加社会保险的人员'],
    materials: [{ name: '居民身份证', form: 'original', copies: 0 }],
    legalBasis: ['《中华人民共和国社会保险法》第七十四条'],
    steps: ['刷身份证', '人脸核验', '打印证明'],
    legalDays: 0,
    promisedDays: 0,
    fees: [],
    place: { window: '3号窗口（社保）', address: '县政务服务中心一楼', hours: '工作日 9:00–17:00' },
    enquiryTelephone: '0000-6601234',
    complaintTelephone: '12345',
    queueService: 'social-security',
    result: '社会保险个人参保证明',
    ...overrides,
  };
}

/** A `submit` item with a short form and a declaration. */
export function submitItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  const item: CatalogItem = catalogItem({
    code: 'SB-0101',
    name: '灵活就业人员参保登记',
    channel: 'submit',
    legalDays: 5,
    promisedDays: 3,
    form: [
      { id: 'name', label: '姓名', kind: 'text', required: true, maxLength: 30, prefill: 'name' },
      { id: 'phone', label: '联系电话', kind: 'phone', required: true, maxLength: 11 },
    ],
    declaration: '本人承诺所填信息真实有效。',
    ...overrides,
  });
  delete item.result;
  return { ...item, ...overrides };
}
