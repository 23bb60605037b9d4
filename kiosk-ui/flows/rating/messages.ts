import type { LocaleMessages } from '../../session';
import type { RatingLevel, RatingReason } from '../../../domain/ratings';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '好差评',
  question: (what: string) => `您对本次“${what}”服务满意吗？`,
  levels: {
    'very-satisfied': '非常满意',
    satisfied: '满意',
    'basically-satisfied': '基本满意',
    dissatisfied: '不满意',
    'very-dissatisfied': '非常不满意',
  } satisfies Record<RatingLevel, string>,
  levelsLabel: '评价等级',
  skip: '不评价',
  reasonsTitle: '请告诉我们哪里做得不好（可多选）',
  reasons: {
    attitude: '服务态度',
    efficiency: '办事效率',
    materials: '材料要求',
    device: '设备故障',
    guide: '指南不清',
    other: '其他',
  } satisfies Record<RatingReason, string>,
  otherLabel: '其他原因',
  otherPlaceholder: '请输入原因',
  next: '下一步',
  callbackTitle: '需要工作人员回访吗？',
  callbackHint: '可留下手机号码，工作人员将在处理后回电。不需要回访可直接提交。',
  phone: '手机号码',
  consent: '我同意将此手机号码用于本次评价的回访，仅保存在本次评价中。',
  submit: '提交评价',
  saving: '正在提交…',
  thanks: '感谢您的评价！',
  thanksBad: '感谢您的评价。我们会认真核查整改，并按您留下的方式回访。',
  done: '完成',
  failed: '评价暂时未能提交。',
  retry: '重新提交',
  scanTitle: '请扫描凭条上的二维码',
  scanHint: '可对今天取得的取号凭条、预约凭条或申请回执进行评价。',
  problems: {
    'no-reason': '请至少选择一项原因。',
    'no-other-text': '选择了“其他”，请输入原因。',
    'bad-phone': '手机号码应为 11 位，以 1 开头。',
    'no-consent': '留下手机号码需勾选同意回访；不需要回访请删除号码。',
    'bad-code': '无法识别该二维码，请扫描本机打印的凭条。',
  },
  back: '上一步',
  delete: '删除',
};

export type RatingMessages = typeof zhCN;

const en: RatingMessages = {
  title: 'Rate our service',
  question: (what: string) => `How satisfied are you with “${what}”?`,
  levels: {
    'very-satisfied': 'Very satisfied',
    satisfied: 'Satisfied',
    'basically-satisfied': 'Fairly satisfied',
    dissatisfied: 'Dissatisfied',
    'very-dissatisfied': 'Very dissatisfied',
  },
  levelsLabel: 'Rating',
  skip: 'Skip',
  reasonsTitle: 'Please tell us what went wrong (choose any)',
  reasons: {
    attitude: 'Staff attitude',
    efficiency: 'Speed',
    materials: 'Documents asked for',
    device: 'Machine fault',
    guide: 'Unclear guide',
    other: 'Other',
  },
  otherLabel: 'Other reason',
  otherPlaceholder: 'Type the reason',
  next: 'Next',
  callbackTitle: 'Would you like a call back?',
  callbackHint:
    'Leave a mobile number and staff will call you once they have looked into it. Or just submit.',
  phone: 'Mobile number',
  consent:
    'I agree that this number is used to call me back about this rating; it is kept in this rating only.',
  submit: 'Submit',
  saving: 'Submitting…',
  thanks: 'Thank you for your rating!',
  thanksBad:
    'Thank you. We will look into it, put it right and call you back if you left a number.',
  done: 'Done',
  failed: 'Your rating could not be submitted just now.',
  retry: 'Try again',
  scanTitle: 'Please scan the QR code on your slip',
  scanHint: "You can rate today's queue ticket, appointment slip or application receipt.",
  problems: {
    'no-reason': 'Please choose at least one reason.',
    'no-other-text': 'You chose “Other”: please type the reason.',
    'bad-phone': 'A mobile number has 11 digits and starts with 1.',
    'no-consent': 'Tick the consent to leave a number, or delete it if you want no call back.',
    'bad-code': 'This code is not one of ours; please scan a slip this kiosk printed.',
  },
  back: 'Back',
  delete: 'Delete',
};

export const ratingMessages: LocaleMessages<RatingMessages> = { 'zh-CN': zhCN, en };
