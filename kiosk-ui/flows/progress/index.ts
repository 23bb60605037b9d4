import { defineFlow } from '../flowModule';

/** 进度查询: where an application stands, by its receipt slip, its number or the applicant's card. */
export default defineFlow({
  id: 'progress',
  // Scanning the slip needs the scanner, typing needs nothing; the card check and printing the
  // result need their devices, which the flow leaves out while they fail.
  requires: [],
  optional: ['document', 'idCard', 'face', 'scanner'],
  title: { 'zh-CN': '进度查询', en: 'Application progress' },
  offered: (deps) => deps.documents !== null,
  startsOnCode: ['application'],
  load: () => import('./flow').then((m) => m.default),
});
