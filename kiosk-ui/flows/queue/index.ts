import { defineFlow } from '../flowModule';

/** 取号: a queue number for a service, printed on the receipt printer. */
export default defineFlow({
  id: 'queue',
  requires: ['receipt'],
  title: { 'zh-CN': '取号', en: 'Queue number' },
  offered: (deps) => deps.config.queue.services.length > 0,
  load: () => import('./flow').then((m) => m.default),
});
