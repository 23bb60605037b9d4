import {
  DEFAULT_HALL_TIME_ZONE,
  estimatedWaitMinutes,
  hallDateTimeText,
  ticketQrData,
  type QueueServiceConfig,
  type QueueTicket,
} from '../../../domain';
import type { ReceiptTicket } from '../../../device-adapters';

const PRIORITY_LABEL = {
  age: '老年人优先',
  disability: '残疾人优先',
  military: '军人优先',
  appointment: '预约签到',
  unstated: '优先办理',
} as const;

/** The line a reserve number (备用号, from the kiosk's block while the hall server was cut off) carries. */
export const RESERVE_LINE = '备用号 · 叫号系统连接中断时发放，同样有效';
export const RESERVE_LINE_EN = 'Reserve number · issued while the hall server was unreachable';

/**
 * A queue ticket as halls print it: hall, service, the number large, how many wait ahead and
 * for how long, the windows, the materials to bring (一次性告知), the masked ID number when a
 * card was read (never the whole number), the time, a QR with the ticket id, and 过号请重新取号.
 */
export function queueTicketReceipt(
  ticket: QueueTicket,
  service: QueueServiceConfig,
  hallName: string,
  reprint: boolean,
  /** The hall's time zone: the time on the ticket is the hall's, not the machine's. */
  timeZone: string = DEFAULT_HALL_TIME_ZONE,
): ReceiptTicket {
  const wait = estimatedWaitMinutes(service, ticket.waitingAhead);
  return {
    title: `排队凭条 ${ticket.number}${reprint ? '（补打）' : ''}`,
    blocks: [
      { kind: 'text', text: hallName, align: 'center', bold: true, size: 'large' },
      { kind: 'text', text: `${service.name['zh-CN']} ${service.name.en}`, align: 'center' },
      { kind: 'rule' },
      { kind: 'bigNumber', text: ticket.number },
      ...(ticket.priority
        ? [
            {
              kind: 'text' as const,
              text: `【${PRIORITY_LABEL[ticket.priority]}·绿色通道】`,
              align: 'center' as const,
              bold: true,
            },
          ]
        : []),
      ...(reprint
        ? [{ kind: 'text' as const, text: '（补打凭条）', align: 'center' as const }]
        : []),
      ...(ticket.reserve
        ? [
            { kind: 'text' as const, text: RESERVE_LINE, align: 'center' as const, bold: true },
            { kind: 'text' as const, text: RESERVE_LINE_EN, align: 'center' as const },
            { kind: 'text' as const, text: '等候人数请以叫号屏为准', align: 'center' as const },
          ]
        : [
            {
              kind: 'text' as const,
              text: `前面还有 ${ticket.waitingAhead} 人，预计等候约 ${wait} 分钟`,
              align: 'center' as const,
            },
          ]),
      { kind: 'text', text: `办理窗口：${service.windows['zh-CN']}`, align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '请准备以下材料：', bold: true },
      ...service.materials.map((m) => ({ kind: 'text' as const, text: `□ ${m['zh-CN']}` })),
      { kind: 'rule' },
      ...(ticket.maskedId ? [{ kind: 'text' as const, text: `证件号码：${ticket.maskedId}` }] : []),
      {
        kind: 'text',
        text: `取号时间：${hallDateTimeText(new Date(ticket.issuedAt), timeZone)}`,
      },
      { kind: 'qr', data: ticketQrData(ticket), caption: `凭条编号 ${ticket.id.slice(0, 8)}` },
      { kind: 'text', text: '请留意叫号，过号请重新取号', align: 'center', bold: true },
      { kind: 'feed', lines: 2 },
    ],
  };
}
