import { defineFlow } from '../flowModule';

/** 不动产查询: public facts of a flat for anyone, owner details for the verified owner. */
export default defineFlow({
  id: 'realEstate',
  // Anyone may query with no device at all: verifying as the owner needs the reader and the
  // verifier, printing the printer. While one fails the flow shows results without that step.
  requires: [],
  optional: ['document', 'idCard', 'face'],
  title: { 'zh-CN': '不动产查询', en: 'Real estate lookup' },
  offered: (deps) => deps.documents !== null,
  load: () => import('./flow').then((m) => m.default),
});
