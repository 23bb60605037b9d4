import { renderSVG } from 'uqr';
import { svgDataUrl } from '../../../domain/documentSvg';
import { ticketQrData } from '../../../domain/kioskCodes';
import type { HallTicket } from '../../../domain/hallProtocol';
import { Bilingual } from '../Bilingual';
import { MESSAGES } from '../messages';

/**
 * After 办结: the finished ticket's code as a QR, for the citizen to rate the visit at a kiosk
 * (好差评 reads `BDY1:T:<ticket id>`, the code printed on the ticket itself).
 */
export function RatingOffer({ ticket, onClose }: { ticket: HallTicket; onClose: () => void }) {
  const data = ticketQrData(ticket);
  return (
    <section class="card rating-offer" aria-labelledby="rating-title">
      <h2 id="rating-title">
        <Bilingual text={MESSAGES.rateTitle(ticket.number)} />
      </h2>
      <img
        class="rating-qr"
        src={svgDataUrl(renderSVG(data, { border: 2 }))}
        alt={`${ticket.number} 评价二维码`}
        data-qr={data}
        width={240}
        height={240}
      />
      <p class="rating-hint">
        <Bilingual text={MESSAGES.rateHint} />
      </p>
      <button type="button" onClick={onClose}>
        <Bilingual text={MESSAGES.close} />
      </button>
    </section>
  );
}
