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
  retry: '重新打印',
  uncertain:
    '打印可能已部分完成。为避免重复打印，本张不会再次打印，请在办公时间到窗口，工作人员会为您核实。',
  stop: '结束打印',
  printedCount: (n: number) => `已打印 ${n} 张。`,
  skipped: (n: number) => `${n} 张此前已打印，未重复打印。`,
  needsCheck: (n: number) => `${n} 张需工作人员核实。`,
  // What became of each document when not everything came out (a jam, the paper ran out).
  outcomeTitle: '打印没有全部完成',
  outcomePrinted: (titles: string) => `已打印：${titles}。`,
  outcomeBefore: (titles: string) => `此前已打过，这次没有重复打印：${titles}。`,
  outcomeUnsure: (titles: string) =>
    `可能只打印了一部分：${titles}。为避免重复打印，本机不会再打印这一张。`,
  outcomeNotPrinted: (titles: string) => `未打印：${titles}。`,
  outcomeLater: '未打印的可以下次来本机再打印。',
  outcomeWindow: (hours: string, windows: string) =>
    `请在办公时间（${hours}）带身份证到${windows}，工作人员会为您核实。`,
  outcomeTelephone: (telephone: string) => `咨询电话：${telephone}`,
  listSeparator: '、',
};

export type PrintJobsMessages = typeof printJobsZhCN;

const printJobsEn: PrintJobsMessages = {
  printing: (n: number, of: number, title: string) => `Printing sheet ${n} of ${of}: ${title}`,
  failed: 'Printing did not finish.',
  retry: 'Print again',
  uncertain:
    'This sheet may have been partly printed. So that nothing is printed twice, it will not be printed again here; please visit a window during office hours and staff will check.',
  stop: 'Stop printing',
  printedCount: (n: number) => `${n} sheet${n === 1 ? '' : 's'} printed.`,
  skipped: (n: number) => `${n} printed before, not printed again.`,
  needsCheck: (n: number) => `${n} to be checked by staff.`,
  outcomeTitle: 'Not everything was printed',
  outcomePrinted: (titles: string) => `Printed: ${titles}.`,
  outcomeBefore: (titles: string) => `Printed on an earlier visit, not printed again: ${titles}.`,
  outcomeUnsure: (titles: string) =>
    `Perhaps only partly printed: ${titles}. So that nothing is printed twice, this kiosk will not print it again.`,
  outcomeNotPrinted: (titles: string) => `Not printed: ${titles}.`,
  outcomeLater: 'What was not printed can be printed at this kiosk on a later visit.',
  outcomeWindow: (hours: string, windows: string) =>
    `Please bring your ID card to ${windows} during office hours (${hours}); staff will check it for you.`,
  outcomeTelephone: (telephone: string) => `Enquiries: ${telephone}`,
  listSeparator: ', ',
};

export const printJobsMessages = {
  'zh-CN': printJobsZhCN,
  en: printJobsEn,
} as const satisfies LocaleMessages<PrintJobsMessages>;

/** The card step's own words (a card left on the reader by an ended visit). */
export const cardStepMessages: LocaleMessages<{ placeAgain: string }> = {
  'zh-CN': { placeAgain: '读卡区上已有一张身份证。如是您的，请拿起后重新放好。' },
  en: {
    placeAgain: 'A card already lies on the reader. If it is yours, lift it and place it again.',
  },
};
