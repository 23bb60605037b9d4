import type { LocaleMessages } from '../../session';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '证照打印',
  loading: '正在查询您可打印的证照…',
  loadFailed: '证照库暂时无法连接，请稍后再试或在办公时间到窗口办理。',
  chooseTitle: '请选择要打印的证照',
  licences: '营业执照',
  certificates: '个人证明',
  noLicences: '没有查询到需要您打印的营业执照。',
  roleLegal: '法定代表人',
  roleAgent: '委托代理人',
  reasonNew: '新设立',
  reasonChange: '变更登记',
  sheets: (originals: number, duplicates: number) => `正本 ${originals} 份，副本 ${duplicates} 份`,
  reprintAuthorised: '已授权补打',
  printed: '已打印',
  certificateNames: {
    property: '不动产权属证明（有房／无房证明）',
    'social-insurance': '社保参保证明',
    tax: '纳税证明',
  },
  issuing: '正在开具证明…',
  issueFailed: '证明未能开具，请稍后再试。',
  alreadyPrinted: '已打印，如需补打请到窗口申请。',
  previewTitle: '请核对打印内容',
  previewHint: (n: number) => `共 ${n} 张，核对无误后点击“确认打印”。`,
  confirmPrint: '确认打印',
  takeDocuments: '请取走您的证照',
  takeCard: '请同时取回您的身份证。',
  printMore: '打印其他证照',
  done: '完成',
  retry: '重试',
};

export type LicenceMessages = typeof zhCN;

const en: LicenceMessages = {
  title: 'Print a licence',
  loading: 'Looking up what you can print…',
  loadFailed:
    'The licence registry cannot be reached. Please try again later, or visit a window during office hours.',
  chooseTitle: 'Choose what to print',
  licences: 'Business licences',
  certificates: 'Personal certificates',
  noLicences: 'There is no business licence for you to print.',
  roleLegal: 'Legal representative',
  roleAgent: 'Authorised agent',
  reasonNew: 'New registration',
  reasonChange: 'Change of registration',
  sheets: (originals: number, duplicates: number) =>
    `${originals} original, ${duplicates} duplicate${duplicates === 1 ? '' : 's'}`,
  reprintAuthorised: 'Reprint authorised',
  printed: 'Printed',
  certificateNames: {
    property: 'Real estate ownership certificate (owns / owns no home)',
    'social-insurance': 'Social insurance certificate',
    tax: 'Tax payment certificate',
  },
  issuing: 'Issuing the certificate…',
  issueFailed: 'The certificate could not be issued. Please try again later.',
  alreadyPrinted: 'Already printed. To have it printed again, please apply at a window.',
  previewTitle: 'Check what will be printed',
  previewHint: (n: number) =>
    `${n} sheet${n === 1 ? '' : 's'}. Tap “Print” if everything is right.`,
  confirmPrint: 'Print',
  takeDocuments: 'Please take your documents',
  takeCard: 'Remember to take your ID card too.',
  printMore: 'Print something else',
  done: 'Done',
  retry: 'Try again',
};

export const licenceMessages = {
  'zh-CN': zhCN,
  en,
} as const satisfies LocaleMessages<LicenceMessages>;
