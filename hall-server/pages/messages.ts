import type { LocalizedText } from '../../domain/locale';

/**
 * The words of the hall's pages, Chinese first and English beside it: a hall TV and a window
 * console show both at once (no language switch).
 */
export const MESSAGES = {
  // Shared
  connectionLost: { 'zh-CN': '连接中断', en: 'Connection lost — reconnecting' },
  connecting: { 'zh-CN': '正在连接叫号服务器', en: 'Connecting to the hall server' },
  serverUnreachable: {
    'zh-CN': '连接不上叫号服务器，请稍后再试',
    en: 'The hall server does not answer; please try again shortly',
  },
  serverTrouble: {
    'zh-CN': '叫号服务器暂时无法处理，请稍后再试',
    en: 'The hall server cannot do this right now; please try again shortly',
  },
  requestFailed: { 'zh-CN': '请求未成功，请重试', en: 'The request did not succeed; try again' },
  refused: { 'zh-CN': '操作被拒绝', en: 'Refused' },
  forbidden: { 'zh-CN': '您没有此操作的权限', en: 'You are not allowed to do this' },

  // 叫号屏 display
  displayTitle: { 'zh-CN': '叫号屏', en: 'Call display' },
  nowCalling: { 'zh-CN': '正在叫号', en: 'Now calling' },
  windowNo: (n: number): LocalizedText => ({ 'zh-CN': `${n}号窗口`, en: `Window ${n}` }),
  idle: { 'zh-CN': '暂无叫号', en: 'No call' },
  recentCalls: { 'zh-CN': '最近叫号', en: 'Recent calls' },
  noCallsYet: { 'zh-CN': '今天还没有叫号', en: 'No calls yet today' },
  waiting: { 'zh-CN': '等候人数', en: 'Waiting' },
  people: (n: number): LocalizedText => ({ 'zh-CN': `${n} 人`, en: `${n}` }),
  loadingDisplay: { 'zh-CN': '正在读取叫号信息', en: 'Loading the calls' },
  voiceBlocked: {
    'zh-CN': '语音播报未开启：请点击屏幕一次',
    en: 'Voice announcements are off: click the screen once',
  },

  // 窗口 window console
  consoleTitle: { 'zh-CN': '窗口叫号', en: 'Window console' },
  loginTitle: { 'zh-CN': '工作人员登录', en: 'Staff sign-in' },
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signOut: { 'zh-CN': '退出登录', en: 'Sign out' },
  wrongLogin: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  locked: {
    'zh-CN': '错误次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many wrong attempts: the account is locked for a while',
  },
  lockedUntil: (time: string): LocalizedText => ({
    'zh-CN': `错误次数过多，账号已锁定，请于 ${time} 后再试`,
    en: `Too many wrong attempts: locked until ${time}`,
  }),
  sessionExpired: {
    'zh-CN': '登录已失效，请重新登录',
    en: 'Your session has ended; please sign in again',
  },
  loginNeedsBoth: {
    'zh-CN': '请输入用户名和密码',
    en: 'Enter your username and password',
  },
  pickWindow: { 'zh-CN': '请选择您的窗口', en: 'Choose your window' },
  changeWindow: { 'zh-CN': '切换窗口', en: 'Change window' },
  signedInAs: (name: string): LocalizedText => ({
    'zh-CN': `当前用户：${name}`,
    en: `Signed in as ${name}`,
  }),
  currentTicket: { 'zh-CN': '当前号码', en: 'Current ticket' },
  noCurrent: { 'zh-CN': '当前没有办理中的号码', en: 'No ticket at this window' },
  calledTimes: (n: number): LocalizedText => ({
    'zh-CN': `已呼叫 ${n} 次`,
    en: n === 1 ? 'Called once' : `Called ${n} times`,
  }),
  callNext: { 'zh-CN': '叫号', en: 'Call next' },
  recall: { 'zh-CN': '重呼', en: 'Recall' },
  skip: { 'zh-CN': '过号', en: 'Skip' },
  transfer: { 'zh-CN': '转移', en: 'Transfer' },
  finish: { 'zh-CN': '办结', en: 'Finish' },
  transferTo: { 'zh-CN': '转移到哪项业务？', en: 'Transfer to which service?' },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  waitingList: { 'zh-CN': '等候队列', en: 'Waiting list' },
  nobodyWaiting: { 'zh-CN': '没有等候的号码', en: 'Nobody is waiting' },
  queueEmpty: { 'zh-CN': '没有等候的号码，无法叫号', en: 'Nobody is waiting to be called' },
  priority: { 'zh-CN': '优先', en: 'Priority' },
  reserve: { 'zh-CN': '备用号', en: 'Reserve' },
  appointmentAt: (time: string): LocalizedText => ({
    'zh-CN': `预约 ${time}`,
    en: `Booked ${time}`,
  }),
  called: (number: string, window: number): LocalizedText => ({
    'zh-CN': `已呼叫 ${number} 到 ${window}号窗口`,
    en: `${number} called to window ${window}`,
  }),
  recalled: (number: string): LocalizedText => ({
    'zh-CN': `已再次呼叫 ${number}`,
    en: `${number} called again`,
  }),
  skipped: (number: string): LocalizedText => ({
    'zh-CN': `${number} 已过号`,
    en: `${number} skipped`,
  }),
  transferred: (number: string, service: string, serviceEn: string): LocalizedText => ({
    'zh-CN': `${number} 已转移到「${service}」`,
    en: `${number} transferred to ${serviceEn}`,
  }),
  finished: (number: string): LocalizedText => ({
    'zh-CN': `${number} 已办结`,
    en: `${number} finished`,
  }),
  rateTitle: (number: string): LocalizedText => ({
    'zh-CN': `${number} 服务评价`,
    en: `Rate the service for ${number}`,
  }),
  rateHint: {
    'zh-CN': '请扫码评价本次服务 (在自助终端“好差评”扫描)',
    en: 'Please rate this service: scan this code at a kiosk under 好差评 (Rate our service)',
  },
  noWindows: {
    'zh-CN': '大厅还没有设置窗口',
    en: 'The hall has no windows set up',
  },
} as const;
