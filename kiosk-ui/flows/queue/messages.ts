import type { LocaleMessages } from '../../session';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '取号',
  chooseService: '请选择要办理的业务',
  windows: '办理窗口',
  needsCard: '需刷身份证',
  placeCard: '请将身份证放在读卡区',
  cardOptional: '刷身份证可为 60 岁以上老人取优先号；也可不刷证直接取号。',
  skipCard: '不刷证，直接取号',
  reading: '正在读取身份证，请不要移开…',
  cardRefused: {
    'bad-number': '该证件号码无效，无法使用。',
    'number-type-mismatch': '证件号码与证件类型不符，无法使用。',
    'bad-birth-date': '证件出生日期有误，无法使用。',
    expired: '该证件已过有效期，请使用有效证件或到窗口办理。',
    'not-yet-valid': '该证件尚未生效。',
    'bad-dates': '证件有效期有误，无法使用。',
  },
  tryAgain: '重新读卡',
  priorityQuestion: '是否需要绿色通道优先办理？',
  priorityDisability: '残疾人',
  priorityMilitary: '现役军人、退役军人',
  priorityNone: '不需要，直接取号',
  allocating: '正在取号…',
  printing: '正在打印凭条…',
  yourNumber: '您的号码',
  reprinted: '您今天已取过该业务的号，已为您补打原号码。',
  priority: '绿色通道优先号',
  waitingAhead: (n: number, minutes: number) => `前面还有 ${n} 人，预计等候约 ${minutes} 分钟`,
  takeTicket: '请取走凭条和身份证，留意叫号；过号请重新取号。',
  printFailed: '凭条未能打印，但号码有效，请记下号码，留意叫号。',
  retryPrint: '重新打印',
  done: '完成',
  afterHours: '现在不是窗口办公时间，无法取号。',
  nextWorkingDay: (date: string, open: string) => `${date} ${open} 起可取号。`,
  refusedDaily: '今日该业务的号已取完。可在下一个工作日再来，或使用预约。',
  refusedWindow: (next: string) => `本时段的号已取完，${next} 起可再取号。`,
  refusedOutside: (next: string) => `现在不在取号时段，${next} 起可取号。`,
  refusedLater: '今日取号时段已结束，请下一个工作日再来。',
  refusedDayClosed:
    '暂停取号：本机时钟异常（日期早于已取号的日期），为避免号码重复，现在不能取号。请联系工作人员。',
  unavailable: '取号服务暂时不可用，请稍后再试或咨询工作人员。',
  refusedUnreachable: (telephone: string | null) =>
    telephone
      ? `暂时无法取号，请稍后再试或拨打大厅咨询电话 ${telephone}。`
      : '暂时无法取号，请稍后再试或咨询工作人员。',
  reserve: '备用号',
  reserveNote: '大厅叫号系统暂时无法连接，此为本机备用号码，同样有效；等候人数请以叫号屏为准。',
  retry: '重试',
};

export type QueueMessages = typeof zhCN;

const en: QueueMessages = {
  title: 'Queue number',
  chooseService: 'Choose the service you need',
  windows: 'Windows',
  needsCard: 'ID card needed',
  placeCard: 'Please place your ID card on the reader',
  cardOptional:
    'With an ID card, people aged 60 and over get a priority number; you may also go on without one.',
  skipCard: 'Go on without an ID card',
  reading: 'Reading the card; please do not move it…',
  cardRefused: {
    'bad-number': 'This ID number is not valid; the card cannot be used.',
    'number-type-mismatch': 'The ID number does not fit the card type; the card cannot be used.',
    'bad-birth-date': 'The birth date on the card is wrong; the card cannot be used.',
    expired: 'This card has expired. Please use a valid card or visit a window.',
    'not-yet-valid': 'This card is not valid yet.',
    'bad-dates': 'The validity dates on the card are wrong; the card cannot be used.',
  },
  tryAgain: 'Read again',
  priorityQuestion: 'Do you need the priority (green) channel?',
  priorityDisability: 'Person with a disability',
  priorityMilitary: 'Serviceman or veteran',
  priorityNone: 'No, take a number',
  allocating: 'Taking a number…',
  printing: 'Printing your ticket…',
  yourNumber: 'Your number',
  reprinted: 'You already had a number for this service today; it has been printed again.',
  priority: 'Priority number (green channel)',
  waitingAhead: (n: number, minutes: number) => `${n} ahead of you, about ${minutes} minutes`,
  takeTicket:
    'Please take your ticket and your ID card and listen for your number; if you miss it, take a new one.',
  printFailed:
    'The ticket could not be printed, but the number is valid: please note it and listen for it.',
  retryPrint: 'Print again',
  done: 'Done',
  afterHours: 'The windows are closed now, so no number can be taken.',
  nextWorkingDay: (date: string, open: string) =>
    `Next working day: ${date}, numbers from ${open}.`,
  refusedDaily:
    "Today's numbers for this service are all taken. Please come back on the next working day or book an appointment.",
  refusedWindow: (next: string) => `The numbers for this period are all taken; more from ${next}.`,
  refusedOutside: (next: string) => `Numbers are not issued now; from ${next}.`,
  refusedLater: 'Numbers are no longer issued today; please come back on the next working day.',
  refusedDayClosed:
    "Queue numbers are paused: this kiosk's clock is wrong (its date is before a day numbers were already issued for), and numbers must never be issued twice. Please contact the staff.",
  unavailable:
    'Queue numbers are unavailable right now. Please try again shortly or ask the staff.',
  refusedUnreachable: (telephone: string | null) =>
    telephone
      ? `No queue number can be issued right now. Please try again shortly or call the hall on ${telephone}.`
      : 'No queue number can be issued right now. Please try again shortly or ask the staff.',
  reserve: 'Reserve number',
  reserveNote:
    "The hall's queue system cannot be reached right now: this is one of this kiosk's reserve numbers, and it is just as valid. Watch the call display for how many wait ahead of you.",
  retry: 'Try again',
};

export const queueMessages = { 'zh-CN': zhCN, en } as const satisfies LocaleMessages<QueueMessages>;
