import { applicationQrData, type Application, type CatalogItem } from '../../../domain';
import type { ReceiptTicket } from '../../../device-adapters';

/** 申请回执: the application's number, item, where and when it is decided, and its progress QR. */
export function applicationSlipReceipt(
  application: Application,
  item: CatalogItem,
  hallName: string,
  submittedAt: string,
): ReceiptTicket {
  const limit = item.promisedDays === 0 ? '当场办结' : `${item.promisedDays} 个工作日内办结`;
  return {
    title: `申请回执 ${application.number}`,
    blocks: [
      { kind: 'text', text: hallName, align: 'center', bold: true, size: 'large' },
      { kind: 'text', text: '申请回执', align: 'center', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: `申请编号：${application.number}`, bold: true },
      { kind: 'text', text: `事项：${item.name}` },
      { kind: 'text', text: `申请人：${application.applicantLabel}` },
      { kind: 'text', text: `提交时间：${submittedAt}` },
      { kind: 'text', text: `承诺时限：${limit}` },
      { kind: 'text', text: `办理窗口：${item.place.window}` },
      { kind: 'text', text: `咨询电话：${item.enquiryTelephone}` },
      { kind: 'rule' },
      { kind: 'qr', data: applicationQrData(application), caption: '进度查询二维码' },
      {
        kind: 'text',
        text: '请妥善保管本回执：在自助终端扫此码或刷身份证可查询办理进度',
        align: 'center',
      },
      { kind: 'feed', lines: 2 },
    ],
  };
}
