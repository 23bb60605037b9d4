/** Every word a citizen or staff member reads, Chinese first. en.ts mirrors these keys. */
export const zhCN = {
  appName: '不打烊 · 政务服务自助终端',
  outOfService: '终端暂停服务，请稍候或联系工作人员。',
  outOfServiceCall: (telephone: string) => `咨询电话：${telephone}`,
  /** For the hall's staff: small print at the edge of attract and of the out-of-service screen. */
  staff: {
    label: '工作人员提示',
    configRejected: (fields: string) =>
      `工作人员提示：配置文件中以下项目未通过校验，已沿用上次有效值或默认值：${fields}`,
    configUnusable: (fields: string) =>
      `工作人员提示：配置文件无法使用（未通过校验：${fields}），终端暂停服务。`,
    storageFull: '工作人员提示：本机存储空间已满，需要写入数据的业务暂停服务。',
    storageBlocked: '工作人员提示：正在等待另一个终端页面关闭旧版本数据库。',
  },
  opening: '正在打开，请稍候…',
  open24h: '7×24 小时自助服务',
  attract: {
    headline: '7×24小时不打烊 自助服务',
    touchToStart: '轻触屏幕开始办理',
    orCardOrCode: '也可直接刷身份证或扫码',
    offers: '本终端可办理',
    noServicesYet: '自助查询与业务办理',
    configProblem: '终端配置文件有误，部分设置未生效，请联系工作人员。',
  },
  nav: {
    home: '返回首页',
    back: '上一步',
    finish: '结束办理',
    language: 'English',
    languageLabel: '切换语言',
    elderlyOn: '长者模式',
    elderlyOff: '标准模式',
    /** The elderly toggle names the mode it switches to, not the one in use. */
    switchTo: '切换到',
    elderlyOnLabel: '切换到长者模式（大字、语音、更长时间）',
    elderlyOffLabel: '切换到标准模式（字变小，不再朗读）',
  },
  home: {
    greeting: '您好，请选择要办理的业务',
    noFlows: '本终端暂未开通自助业务，请在办公时间到窗口办理。',
    officeHours: '窗口办公时间',
    selfService: '自助服务区 24 小时开放',
    lunch: '午休',
  },
  notices: {
    flowFailed: '抱歉，刚才的业务出现故障，已返回首页，请重新办理。',
    codeNotRecognised: '无法识别该二维码。',
  },
  devices: {
    idCard: '身份证阅读器',
    face: '人脸识别设备',
    scanner: '扫码器',
    receipt: '凭条打印机',
    document: '文件打印机',
    camera: '高拍仪',
  },
  deviceStatus: {
    online: '正常',
    busy: '工作中',
    offline: '未连接',
    'paper-low': '纸张将尽',
    'paper-out': '缺纸',
    jam: '卡纸',
    'cover-open': '机盖未关',
    'hardware-error': '故障',
  },
  paused: (device: string, status: string, flow: string) => `${device}${status}，${flow}暂停服务`,
  /** Home, while a device is not working: what is out, what still works, where to go. */
  deviceHelp: {
    title: '部分设备暂停使用',
    fault: (device: string, status: string, action: string) =>
      `${device}${status}，暂不能${action}`,
    stillWorks: (flows: string) => `仍可在本机办理：${flows}。`,
    nothingWorks: '现在本机不能办理业务。',
    limited: (actions: string) => `暂不能${actions}`,
    window: (windows: string) => `暂停的业务，请在窗口办公时间，到${windows}办理：`,
    staffedWindow: '服务窗口',
    telephone: '需要帮助，请拨打大厅电话',
  },
  /** What a device does, for 暂不能…: 暂不能打印凭条. */
  deviceActions: {
    idCard: '刷身份证',
    face: '人脸核验',
    scanner: '扫码',
    receipt: '打印凭条',
    document: '打印',
    camera: '拍摄',
  },
  /** The codes this kiosk reads, said when another one is scanned. */
  codes: {
    readable: (kinds: string) => `本机只能识别${kinds}，其他业务请在下方选择。`,
    none: '本机不能扫码办理业务，请在下方选择业务。',
    kinds: {
      appointment: '预约凭条上的签到二维码',
      ticket: '排队凭条上的二维码',
      application: '申请回执上的查询二维码',
    },
  },
  failures: {
    timeout: '设备长时间没有响应。',
    cancelled: '操作已取消。',
    offline: '设备未连接。',
    busy: '设备正忙，请稍后再试。',
    'hardware-error': '设备出现故障。',
    'card-removed': '读卡时身份证被移开了，请重新放置。',
    'read-failed': '未能读取身份证，请重新放置。',
    'no-face': '未检测到人脸，请正对摄像头。',
    mismatch: '人脸与证件照片不一致。',
    'liveness-failed': '活体检测未通过，请正对摄像头，不要遮挡面部。',
    'paper-out': '打印机缺纸。',
    jam: '打印机卡纸。',
    'cover-open': '打印机机盖未关好。',
    'permission-denied': '无法使用摄像头。',
    'not-supported': '本终端不支持此操作。',
    'storage-full': '本机存储空间已满，此项业务暂停服务。请联系工作人员或拨打大厅咨询电话。',
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
  /** A card left on the reader as a visit ends: the largest words on every end screen, spoken. */
  cardReminder: {
    take: '请取走您的身份证',
  },
  /** 返回首页 pressed while a device works: home follows once its step is done. */
  goingHome: {
    card: '正在读取身份证，读取完成后返回首页',
    face: '正在人脸核验，核验完成后返回首页',
    print: '正在打印，打印完成后返回首页',
    device: '设备正在工作，完成后返回首页',
  },
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  weekdayRange: (from: string, to: string) => `${from}至${to}`,
  speech: {
    attract: '您好，请轻触屏幕开始办理，也可以直接刷身份证。',
    home: '请选择要办理的业务。',
    goodbye: '感谢使用，请带好您的身份证件和随身物品。',
    idle: '您还需要更多时间吗？请点击继续办理。',
    idCopy: '请将身份证正面朝上放在高拍仪下方，然后点击拍摄。',
    queue: '请选择要办理的业务，取号。',
    licencePrint: '请将身份证放在读卡区，然后正对摄像头进行人脸核验。',
    realEstate: '请逐级选择要查询的不动产地址。',
  },
};

export type Messages = typeof zhCN;
