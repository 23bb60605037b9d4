import { defineFlow } from '../flowModule';

/** 预约 and 签到: a slot on a coming working day, and checking in with the slip or the card. */
export default defineFlow({
  id: 'appointment',
  requires: ['idCard', 'receipt'],
  title: { 'zh-CN': '预约', en: 'Appointment' },
  offered: (deps) => deps.config.queue.services.length > 0,
  startsOnCode: ['appointment'],
  load: () => import('./flow').then((m) => m.default),
});
