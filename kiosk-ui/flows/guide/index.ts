import { defineFlow } from '../flowModule';

/** 办事指南: every item of the hall, its guide told all at once, printed with a phone QR. */
export default defineFlow({
  id: 'guide',
  // Reading a guide needs no device; printing it needs the document printer.
  requires: [],
  optional: ['document'],
  title: { 'zh-CN': '办事指南', en: 'Service guides' },
  load: () => import('./flow').then((m) => m.default),
});
