import { defineFlow } from '../flowModule';

/**
 * 好差评: offered when a flow finishes an item, once per item and visit; from its own tile, a
 * slip of an earlier visit (ticket, appointment or application receipt) is scanned to rate it.
 */
export default defineFlow({
  id: 'rating',
  // Rating needs no device; the tile's slip is read by the scanner, which is optional.
  requires: [],
  optional: ['scanner'],
  title: { 'zh-CN': '好差评', en: 'Rate our service' },
  offered: (deps) => deps.ratings !== null,
  load: () => import('./flow').then((m) => m.default),
});
