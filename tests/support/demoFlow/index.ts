import { defineFlow } from '../../../kiosk-ui/flows';

/** A flow added by a test: this folder, its machine file and the module list are all it takes. */
export default defineFlow({
  id: 'demo',
  requires: ['scanner'],
  title: { 'zh-CN': '演示业务', en: 'Demo service' },
  load: () => import('./flow').then((m) => m.default),
});
