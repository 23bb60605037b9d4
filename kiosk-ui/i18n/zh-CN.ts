/** Every word a citizen or staff member reads, Chinese first. en.ts mirrors these keys. */
export const zhCN = {
  appName: '不打烊 · 政务服务自助终端',
  outOfService: '终端暂停服务，请稍候或联系工作人员。',
  open24h: '7×24 小时自助服务',
  attract: {
    headline: '7×24小时不打烊 自助服务',
    touchToStart: '轻触屏幕开始办理',
    orCardOrCode: '也可直接刷身份证或扫码',
    offers: '本终端可办理',
    noServicesYet: '自助查询与业务办理',
    configProblem: '终端配置文件有误，已使用默认设置，请联系工作人员。',
  },
  nav: {
    home: '返回首页',
    back: '上一步',
    finish: '结束办理',
    language: 'English',
    languageLabel: '切换语言',
    elderlyOn: '长者模式',
    elderlyOff: '标准模式',
    elderlyLabel: '长者模式（大字、语音、更长时间）',
  },
  home: {
    greeting: '您好，请选择要办理的业务',
    noFlows: '本终端暂未开通自助业务，请在办公时间到窗口办理。',
    officeHours: '窗口办公时间',
    selfService: '自助服务区 24 小时开放',
    lunch: '午休',
  },
  flows: {
    queue: '取号',
    appointment: '预约',
    licencePrint: '证照打印',
    idOnly: '一证通办',
    guide: '办事指南',
    progress: '进度查询',
    rating: '好差评',
    idCopy: '身份证复印',
  },
  notices: {
    flowFailed: '抱歉，刚才的业务出现故障，已返回首页，请重新办理。',
    codeNotRecognised: '无法识别该二维码，请选择业务后再扫码。',
  },
  idle: {
    title: '您还在吗？',
    countdown: (seconds: number) => `${seconds} 秒后将结束本次办理，并清除您的信息`,
    continue: '继续办理',
  },
  goodbye: {
    title: '感谢使用',
    reminder: '请带好您的身份证件、凭条和随身物品。',
    done: '完成',
  },
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  weekdayRange: (from: string, to: string) => `${from}至${to}`,
  speech: {
    attract: '您好，请轻触屏幕开始办理，也可以直接刷身份证。',
    home: '请选择要办理的业务。',
    goodbye: '感谢使用，请带好您的身份证件和随身物品。',
    idle: '您还需要更多时间吗？请点击继续办理。',
  },
};

export type Messages = typeof zhCN;
