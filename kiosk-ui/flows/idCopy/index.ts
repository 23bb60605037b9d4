import { defineFlow } from '../flowModule';

/** 身份证复印: a true-size copy of both sides of an ID card. */
export default defineFlow({
  id: 'idCopy',
  requires: ['camera', 'document'],
  title: { 'zh-CN': '身份证复印', en: 'ID card copy' },
  load: () => import('./flow').then((m) => m.default),
});
