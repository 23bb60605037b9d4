import type { LocaleMessages } from '../../session';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '不动产查询',
  levels: ['请选择所在区', '请选择街道', '请选择小区', '请选择楼栋', '请选择房号'],
  chooseNext: '请选择',
  loading: '正在查询…',
  notFound: '没有查询到该地址的登记信息。',
  registryFailed: '不动产登记系统暂时无法连接，请稍后再试。',
  resultTitle: '查询结果',
  address: '坐落',
  unitNumber: '不动产单元号',
  use: '用途',
  area: '建筑面积',
  areaValue: (m2: string) => `${m2} 平方米`,
  rightType: '权利类型',
  mortgage: '抵押',
  noMortgage: '无抵押',
  mortgaged: (holder: string, date: string) => `已抵押（抵押权人：${holder}，${date} 登记）`,
  seizure: '查封',
  noSeizure: '无查封',
  seized: (authority: string, caseNumber: string, until: string) =>
    `已查封（${authority} ${caseNumber}，至 ${until}）`,
  owners: '权利人',
  certificateNumber: '不动产权证书号',
  ownersHidden: '权利人信息，仅向权利人本人提供。',
  iAmOwner: '我是权利人，刷证查看',
  notOwner: '您不是该不动产的权利人，只能查看公开信息。',
  identityRefused: '身份核验未通过，只能查看公开信息。',
  print: '打印查询结果',
  printUnavailable: '文件打印机暂停使用：现在可以查看结果，但不能打印。',
  verifyUnavailable: '身份证阅读器或人脸识别设备暂停使用：现在只能查看公开信息。',
  takeDocuments: '请取走您的查询结果',
  done: '完成',
  retry: '重试',
};

export type RealEstateMessages = typeof zhCN;

const en: RealEstateMessages = {
  title: 'Real estate lookup',
  levels: [
    'Choose the district',
    'Choose the street',
    'Choose the estate',
    'Choose the building',
    'Choose the flat',
  ],
  chooseNext: 'Choose',
  loading: 'Looking it up…',
  notFound: 'Nothing is registered at this address.',
  registryFailed: 'The real estate register cannot be reached. Please try again later.',
  resultTitle: 'Result',
  address: 'Address',
  unitNumber: 'Unit number',
  use: 'Use',
  area: 'Floor area',
  areaValue: (m2: string) => `${m2} m²`,
  rightType: 'Right',
  mortgage: 'Mortgage',
  noMortgage: 'None',
  mortgaged: (holder: string, date: string) => `Mortgaged to ${holder}, registered ${date}`,
  seizure: 'Seizure',
  noSeizure: 'None',
  seized: (authority: string, caseNumber: string, until: string) =>
    `Seized by ${authority} ${caseNumber}, until ${until}`,
  owners: 'Owners',
  certificateNumber: 'Certificate number',
  ownersHidden: 'Owner details are shown to the owners only.',
  iAmOwner: 'I am an owner: verify with ID card',
  notOwner: 'You are not an owner of this property; only public details are shown.',
  identityRefused: 'Identity not verified; only public details are shown.',
  print: 'Print the result',
  printUnavailable:
    'The document printer is out of use: you can view the result, but not print it.',
  verifyUnavailable:
    'The ID card reader or the face check is out of use: only public details can be shown.',
  takeDocuments: 'Please take your printout',
  done: 'Done',
  retry: 'Try again',
};

export const realEstateMessages = {
  'zh-CN': zhCN,
  en,
} as const satisfies LocaleMessages<RealEstateMessages>;
