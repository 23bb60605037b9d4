import type { ApplicationState } from '../../../domain';
import type { ProgressRefusal } from '../../../machines';
import type { LocaleMessages } from '../../session';

/** 进度查询's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '办件进度查询',
  choose: '请扫描申请回执上的二维码，或选择查询方式',
  scanHint: '将回执上的二维码对准扫码区',
  byNumber: '输入申请编号',
  byCard: '刷身份证查看我的申请',
  typeNumber: '请输入申请编号（SQ 开头，共 17 位）',
  numberLabel: '申请编号',
  lookUp: '查询',
  thenCard: '查询时需刷身份证核验，只能查看本人的申请。',
  clear: '清空',
  delete: '删除',
  space: '空格',
  loading: '正在查询…',
  listTitle: '我的申请',
  submittedAt: (when: string) => `提交时间 ${when}`,
  states: {
    accepted: '已受理',
    reviewing: '审核中',
    correction: '补正材料',
    completed: '已办结',
    rejected: '不予受理',
  } satisfies Record<ApplicationState, string>,
  stepStatus: { done: '已完成', now: '当前', next: '待办理' },
  number: (n: string) => `申请编号 ${n}`,
  bring: '请补正以下材料，带到窗口或在本机重新提交：',
  rejectedReason: '不予受理的原因：',
  resultReady: (title: string) => `办理结果“${title}”可以在本机打印。`,
  print: '打印办理结果',
  identifyToPrint: '刷身份证打印结果',
  printUnavailable: '文件打印机暂停使用：现在可以查看进度，但不能打印结果。',
  refusals: {
    unknown: '没有找到这个申请编号。请核对回执上的编号，或到窗口咨询。',
    'not-yours': '这个申请不是您本人的，不能查看。请由申请人本人刷证查询，或出示申请回执。',
    'bad-number': '申请编号不正确：应为 SQ 加 15 位数字，请核对后重新输入。',
    'not-a-slip': '这不是申请回执上的二维码。请扫描申请回执右下角的二维码。',
    'no-applications': '没有查到您的申请记录。',
  } satisfies Record<ProgressRefusal, string>,
  deskFailed: '审批系统暂时无法连接，请稍后再试，或到窗口咨询。',
  takeDocuments: '请取走您的办理结果',
  retry: '重试',
  typeAgain: '重新输入',
  done: '完成',
};

export type ProgressMessages = typeof zhCN;

const en: ProgressMessages = {
  title: 'Application progress',
  choose: 'Scan the QR code on your application receipt, or choose how to look it up',
  scanHint: 'Hold the code on the receipt to the scanner',
  byNumber: 'Type the application number',
  byCard: 'Show my ID card for my applications',
  typeNumber: 'Type the application number (SQ and 15 digits)',
  numberLabel: 'Application number',
  lookUp: 'Look up',
  thenCard: 'You will show your ID card: only your own applications can be seen.',
  clear: 'Clear',
  delete: 'Delete',
  space: 'Space',
  loading: 'Looking it up…',
  listTitle: 'My applications',
  submittedAt: (when: string) => `Submitted ${when}`,
  states: {
    accepted: 'Accepted',
    reviewing: 'Under review',
    correction: 'Documents needed',
    completed: 'Completed',
    rejected: 'Not accepted',
  },
  stepStatus: { done: 'Done', now: 'Now', next: 'To come' },
  number: (n: string) => `Application ${n}`,
  bring: 'Please bring or submit again:',
  rejectedReason: 'Why it was not accepted:',
  resultReady: (title: string) => `The result “${title}” can be printed here.`,
  print: 'Print the result',
  identifyToPrint: 'Show my ID card to print',
  printUnavailable: 'The document printer is paused: you can see the progress but not print.',
  refusals: {
    unknown: 'No application has this number. Check the receipt, or ask at a window.',
    'not-yours':
      'This application is not yours. The applicant may look it up with their ID card or receipt.',
    'bad-number': 'That is not an application number (SQ and 15 digits). Please check it.',
    'not-a-slip': 'That is not the code of an application receipt. Scan the code on the receipt.',
    'no-applications': 'You have no applications on record.',
  },
  deskFailed: 'The approval system cannot be reached. Please try again later, or ask at a window.',
  takeDocuments: 'Please take your result',
  retry: 'Try again',
  typeAgain: 'Type again',
  done: 'Done',
};

export const progressMessages: LocaleMessages<ProgressMessages> = { 'zh-CN': zhCN, en };
