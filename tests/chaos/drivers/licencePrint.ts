import type { ContextFrom, EventFrom } from 'xstate';
import { CERTIFICATE_KINDS } from '../../../domain';
import type { LicencePrintMachine } from '../../../machines';
import { identityDelegate } from './identity';
import { printJobsDelegate } from './printJobs';
import { busy, tapper, topBack, type FlowDriver } from './types';

type Context = ContextFrom<LicencePrintMachine>;
const tap = tapper<EventFrom<LicencePrintMachine>>();

const events: EventFrom<LicencePrintMachine>[] = [
  { type: 'user.selectLicence', issuanceId: 'no-such-issuance' },
  { type: 'user.selectCertificate', kind: 'tax' },
  { type: 'user.print' },
  { type: 'user.retry' },
  { type: 'user.more' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** 证照打印: card and face, a licence or a certificate, preview, print through the journal. */
export const licencePrintDriver: FlowDriver<Context> = {
  events,
  delegates: { identifying: identityDelegate, printing: printJobsDelegate },
  states: {
    starting: busy,
    loading: busy,
    issuing: busy,
    loadFailed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
      [1, tap({ type: 'user.done' })],
    ],
    choose: [
      [
        8,
        ({ context, rng }) => {
          const offers = context.printables?.licences ?? [];
          if (offers.length === 0) return null;
          const printable = offers.filter((o) => o.sheets.some((s) => s.printable));
          const offer = rng.pick(printable.length > 0 && rng.chance(0.8) ? printable : offers);
          return tap({ type: 'user.selectLicence', issuanceId: offer.licence.issuance.id });
        },
      ],
      [3, ({ rng }) => tap({ type: 'user.selectCertificate', kind: rng.pick(CERTIFICATE_KINDS) })],
      [1, topBack],
      [1, tap({ type: 'user.done' })],
    ],
    alreadyPrinted: [
      [3, topBack],
      [3, tap({ type: 'user.done' })],
    ],
    issueFailed: [
      [3, topBack],
      [2, tap({ type: 'user.done' })],
    ],
    preview: [
      [8, tap({ type: 'user.print' })],
      [1, topBack],
    ],
    finished: [
      [6, tap({ type: 'user.done' })],
      [1, tap({ type: 'user.more' })],
    ],
  },
};
