import { fromPromise } from 'xstate';
import { guideDocument, guideUrl, hallDateTimeText, offeredItems } from '../../../domain';
import { guideMachine, isGuideJob, printStepFor, type GuideSetup } from '../../../machines';
import type { FlowDeps } from '../flowModule';

/** 办事指南 wired to the catalog and the document printer. */
export function wireGuideFlow({ devices, config, catalog }: FlowDeps) {
  const { hall } = config;
  return guideMachine.provide({
    actors: {
      loadGuide: fromPromise<GuideSetup>(async () => ({
        items: offeredItems(await catalog.current()),
        document: (item) =>
          guideDocument(item, {
            hallName: hall.name['zh-CN'],
            url: guideUrl(hall.publicUrl ?? location.origin, item),
            printedAt: hallDateTimeText(new Date(), hall.timeZone),
            kioskId: config.kioskId,
          }),
      })),
      printGuide: printStepFor(isGuideJob, ({ guide }, signal) =>
        devices.document.print(guide, {
          timeoutMs: config.deviceTimeouts.documentPrintMs,
          signal,
        }),
      ),
    },
  });
}
