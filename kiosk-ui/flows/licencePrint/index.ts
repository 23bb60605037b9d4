import { defineFlow } from '../flowModule';

/** 证照打印: business licences and certificates for the verified person. */
export default defineFlow({
  id: 'licencePrint',
  requires: ['idCard', 'face', 'document'],
  title: { 'zh-CN': '证照打印', en: 'Licence printing' },
  offered: (deps) => deps.documents !== null,
  load: () => import('./flow').then((m) => m.default),
});
