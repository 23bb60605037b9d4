import { defineFlow } from '../flowModule';

/** 一证通办 / 一照通办: what a person's ID card or a business's licence alone lets them do here. */
export default defineFlow({
  id: 'items',
  // Nothing is done without the verified card; results print on the document printer, slips on
  // the receipt printer, materials are photographed with the document camera.
  requires: ['idCard', 'face'],
  optional: ['document', 'receipt', 'camera', 'scanner'],
  title: { 'zh-CN': '一证通办', en: 'ID card services' },
  offered: (deps) => deps.documents !== null,
  load: () => import('./flow').then((m) => m.default),
});
