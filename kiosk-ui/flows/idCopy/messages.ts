import type { LocaleMessages } from '../../session';

/** This flow's words, Chinese first; en mirrors the keys. */
const zhCN = {
  title: '身份证复印',
  placeFront: '请将身份证正面朝上，平放在高拍仪下方的框内',
  placeBack: '请将身份证翻面，反面朝上放好',
  capture: '拍摄',
  capturing: '正在拍摄，请不要移动证件…',
  preview: '请确认复印效果',
  front: '正面',
  back: '反面',
  retake: '重新拍摄',
  print: '打印复印件',
  printing: '正在打印，请稍候…',
  printFailed: '复印件未能打印',
  retry: '重试打印',
  askStaff: '如仍无法打印，请在办公时间到窗口办理。',
  takePaper: '请取走您的复印件和身份证',
  done: '完成',
};

export type IdCopyMessages = typeof zhCN;

const en: IdCopyMessages = {
  title: 'Copy an ID card',
  placeFront: 'Place your ID card face up in the frame under the document camera',
  placeBack: 'Turn the card over, back side up',
  capture: 'Take picture',
  capturing: 'Taking the picture; please do not move the card…',
  preview: 'Please check the copy',
  front: 'Front',
  back: 'Back',
  retake: 'Take again',
  print: 'Print the copy',
  printing: 'Printing, please wait…',
  printFailed: 'The copy could not be printed',
  retry: 'Try again',
  askStaff: 'If it still fails, please visit a window in office hours.',
  takePaper: 'Please take your copy and your ID card',
  done: 'Done',
};

export const idCopyMessages = {
  'zh-CN': zhCN,
  en,
} as const satisfies LocaleMessages<IdCopyMessages>;
