import type { LocaleMessages } from '../../session';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '预约',
  chooseService: '请选择要预约的业务',
  checkIn: '已预约？刷身份证签到',
  chooseSlot: '请选择预约时段',
  placesLeft: (n: number) => `余 ${n} 个`,
  full: '已约满',
  slotFull: '该时段刚刚约满，请另选时段。',
  placeCard: '请将身份证放在读卡区',
  enterPhone: '请输入手机号码，用于接收预约提醒',
  phoneInvalid: '请输入 11 位手机号码',
  delete: '删除',
  next: '下一步',
  confirmTitle: '请核对预约信息',
  service: '业务',
  time: '时间',
  phone: '手机',
  confirm: '确认预约',
  booking: '正在预约…',
  printing: '正在打印预约凭条…',
  booked: '预约成功',
  bookedHint: '请在预约时段前 30 分钟内到大厅，刷身份证或扫描凭条二维码签到。',
  alreadyBooked: '您当天已预约该业务：',
  reprintSlip: '补打预约凭条',
  slipFailed: '凭条未能打印，但预约已成功；签到时刷身份证即可。',
  checkingIn: '正在签到…',
  checkedIn: '签到成功，您的号码',
  refused: {
    'too-early': (at: string) => `还未到签到时间，${at} 起可签到。`,
    'too-late': '已超过签到时间，预约已失效。您可以取一个普通号排队办理。',
    'unknown-appointment': '没有找到您的预约。',
    'day-closed':
      '暂停签到：本机时钟异常（日期早于已取号的日期），为避免号码重复，现在不能签到取号。请联系工作人员。',
    'other-day': (date: string) => `您的预约在 ${date}，请当天再来签到。`,
  },
  takeNumber: '取普通号',
  done: '完成',
  retry: '重试',
  unavailable: '预约服务暂时不可用，请稍后再试。',
  bookInstead: '预约下一个工作日',
};

export type AppointmentMessages = typeof zhCN;

const en: AppointmentMessages = {
  title: 'Appointment',
  chooseService: 'Choose the service to book',
  checkIn: 'Booked already? Check in with your ID card',
  chooseSlot: 'Choose a time',
  placesLeft: (n: number) => `${n} left`,
  full: 'Full',
  slotFull: 'That time has just filled up; please choose another.',
  placeCard: 'Please place your ID card on the reader',
  enterPhone: 'Enter your mobile number for reminders',
  phoneInvalid: 'Enter an 11-digit mobile number',
  delete: 'Delete',
  next: 'Next',
  confirmTitle: 'Please check your appointment',
  service: 'Service',
  time: 'Time',
  phone: 'Mobile',
  confirm: 'Book',
  booking: 'Booking…',
  printing: 'Printing your slip…',
  booked: 'Booked',
  bookedHint:
    'Come within 30 minutes before your time and check in with your ID card or the slip’s QR code.',
  alreadyBooked: 'You already booked this service that day:',
  reprintSlip: 'Print the slip again',
  slipFailed: 'The slip could not be printed, but you are booked; check in with your ID card.',
  checkingIn: 'Checking in…',
  checkedIn: 'Checked in. Your number',
  refused: {
    'too-early': (at: string) => `Too early to check in; from ${at}.`,
    'too-late':
      'The check-in time has passed and the appointment has lapsed. You can take a normal queue number instead.',
    'unknown-appointment': 'No appointment was found.',
    'day-closed':
      "Check-in is paused: this kiosk's clock is wrong (its date is before a day numbers were already issued for), and numbers must never be issued twice. Please contact the staff.",
    'other-day': (date: string) => `Your appointment is on ${date}; please check in that day.`,
  },
  takeNumber: 'Take a queue number',
  done: 'Done',
  retry: 'Try again',
  unavailable: 'Appointments are unavailable right now. Please try again shortly.',
  bookInstead: 'Book the next working day',
};

export const appointmentMessages = {
  'zh-CN': zhCN,
  en,
} as const satisfies LocaleMessages<AppointmentMessages>;
