import {
  appointmentQrData,
  dateLabel,
  type Appointment,
  type QueueServiceConfig,
} from '../../../domain';
import type { ReceiptTicket } from '../../../device-adapters';

/** 预约凭条: service, day and time, masked ID and phone, a check-in QR and how to check in. */
export function appointmentSlipReceipt(
  appointment: Appointment,
  service: QueueServiceConfig,
  hallName: string,
): ReceiptTicket {
  return {
    title: `预约凭条 ${appointment.date} ${appointment.slot.start}`,
    blocks: [
      { kind: 'text', text: hallName, align: 'center', bold: true, size: 'large' },
      { kind: 'text', text: '预约凭条', align: 'center', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: `业务：${service.name['zh-CN']}` },
      {
        kind: 'text',
        text: `时间：${dateLabel(appointment.date, 'zh-CN', { year: true })} ${appointment.slot.start}–${appointment.slot.end}`,
        bold: true,
      },
      { kind: 'text', text: `窗口：${service.windows['zh-CN']}` },
      { kind: 'text', text: `证件号码：${appointment.maskedId}` },
      { kind: 'text', text: `手机：${appointment.maskedPhone}` },
      { kind: 'rule' },
      { kind: 'text', text: '请准备以下材料：', bold: true },
      ...service.materials.map((m) => ({ kind: 'text' as const, text: `□ ${m['zh-CN']}` })),
      { kind: 'qr', data: appointmentQrData(appointment), caption: '签到二维码' },
      {
        kind: 'text',
        text: '请于预约时段前 30 分钟内到大厅，刷身份证或扫此码签到',
        align: 'center',
      },
      { kind: 'feed', lines: 2 },
    ],
  };
}
