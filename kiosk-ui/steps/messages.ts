import type { LocaleMessages } from '../session';

/** The words of the shared steps, Chinese first; en mirrors the keys. */

const identityZhCN = {
  placeCard: '请将身份证放在读卡区',
  reading: '正在读取身份证，请不要移开…',
  readFailed: '未能读取身份证。',
  tryAgain: '重新读卡',
  lookAtCamera: '请摘下帽子和口罩，正对屏幕上方的摄像头',
  verifying: '正在进行人脸核验，请保持不动…',
  faceRetry: (left: number) => `人脸核验未通过，还可以再试 ${left} 次。`,
  retryFace: '再试一次',
  faceDevice: '人脸核验设备暂时无法使用。',
  refusedTitle: '未能核验您的身份',
  refused:
    '为保护您的信息安全，本次自助办理已停止。请携带本人身份证，在办公时间到窗口办理，工作人员会为您核验。',
  ok: '我知道了',
  lockedTitle: '此身份证暂停在本机自助核验',
  locked: '人脸核验多次未通过。为保护您的证件安全，此身份证在本机暂停自助办理。',
  resumesAt: '恢复时间：',
  lockedWindow: (windows: string) => `请携带本人身份证到${windows}办理，工作人员会为您核验。`,
  lockedTelephone: (telephone: string) => `咨询电话：${telephone}`,
  lockCheckFailed: '暂时无法开始人脸核验，请重试。',
  staffedWindow: '人工窗口',
};

export type IdentityMessages = typeof identityZhCN;

const identityEn: IdentityMessages = {
  placeCard: 'Place your ID card on the reader',
  reading: 'Reading your ID card, please do not move it…',
  readFailed: 'The ID card could not be read.',
  tryAgain: 'Read again',
  lookAtCamera: 'Take off hat and mask, and face the camera above the screen',
  verifying: 'Checking your face, please hold still…',
  faceRetry: (left: number) =>
    `The face check did not pass. You can try ${left} more time${left === 1 ? '' : 's'}.`,
  retryFace: 'Try again',
  faceDevice: 'The face verifier cannot be used right now.',
  refusedTitle: 'Your identity could not be verified',
  refused:
    'To protect your information, self-service has stopped. Please bring your own ID card to a window during office hours; staff will verify you there.',
  ok: 'OK',
  lockedTitle: 'This ID card is paused for self-service here',
  locked:
    'The face check failed too many times. To protect your card, it cannot be used for self-service at this kiosk for now.',
  resumesAt: ' Self-service resumes: ',
  lockedWindow: (windows: string) =>
    `Please bring your own ID card to ${windows}; staff will verify you there.`,
  lockedTelephone: (telephone: string) => `Enquiries: ${telephone}`,
  lockCheckFailed: 'The face check cannot start right now. Please try again.',
  staffedWindow: 'a staffed window',
};

export const identityMessages = {
  'zh-CN': identityZhCN,
  en: identityEn,
} as const satisfies LocaleMessages<IdentityMessages>;

const printJobsZhCN = {
  printing: (n: number, of: number, title: string) => `正在打印第 ${n}／${of} 张：${title}`,
  failed: '打印没有完成。',
  retry: '装好纸后重试',
  uncertain:
    '打印可能已部分完成。为避免重复打印，本张不会再次打印，请在办公时间到窗口，工作人员会为您核实。',
  stop: '结束打印',
  printedCount: (n: number) => `已打印 ${n} 张。`,
  skipped: (n: number) => `${n} 张此前已打印，未重复打印。`,
  needsCheck: (n: number) => `${n} 张需工作人员核实。`,
};

export type PrintJobsMessages = typeof printJobsZhCN;

const printJobsEn: PrintJobsMessages = {
  printing: (n: number, of: number, title: string) => `Printing sheet ${n} of ${of}: ${title}`,
  failed: 'Printing did not finish.',
  retry: 'Try again once paper is loaded',
  uncertain:
    'This sheet may have been partly printed. So that nothing is printed twice, it will not be printed again here; please visit a window during office hours and staff will check.',
  stop: 'Stop printing',
  printedCount: (n: number) => `${n} sheet${n === 1 ? '' : 's'} printed.`,
  skipped: (n: number) => `${n} printed before, not printed again.`,
  needsCheck: (n: number) => `${n} to be checked by staff.`,
};

export const printJobsMessages = {
  'zh-CN': printJobsZhCN,
  en: printJobsEn,
} as const satisfies LocaleMessages<PrintJobsMessages>;
