import { useEffect, useRef, useState } from 'preact/hooks';
import {
  isDeviceError,
  type DeviceErrorCode,
  type DeviceKind,
  type DeviceStatus,
  type ReceiptTicket,
} from '../../../device-adapters';
import {
  DEVICE_EVENTS_KEPT,
  DEVICE_KINDS,
  DOCUMENT_FONT,
  escapeXml,
  hallDateTimeText,
  textLines,
  type FaceRefusal,
  type KioskConfig,
  type PrintDocument,
} from '../../../domain';
import { currentStatuses } from '../../devices';
import { messagesFor } from '../../i18n';
import { RefreshButton } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

// The names the kiosk's own screens give the devices and their states, so staff and citizens agree.
const kioskWords = messagesFor('zh-CN');

const words = {
  title: '设备状态',
  tableLabel: '各设备当前状态',
  device: '设备',
  status: '状态',
  paper: '纸张',
  action: '操作',
  paperLevels: { 'paper-low': '将尽', 'paper-out': '已用完' } as Partial<
    Record<DeviceStatus, string>
  >,
  unknownPaper: '—',
  paperNote: '打印机只在纸张将尽或缺纸时报告纸张情况，其余时候“纸张”一栏为“—”。',
  testPrint: '打印测试页',
  printing: '正在打印测试页…',
  printed: '测试页已打印，请到出纸口查看。',
  printFailed: (reason: string) => `测试页打印失败：${reason}`,
  failures: {
    timeout: '打印机长时间没有响应',
    cancelled: '打印已取消',
    offline: '打印机未连接',
    busy: '打印机正忙',
    'hardware-error': '打印机故障',
    'card-removed': '身份证被移开',
    'read-failed': '读卡失败',
    'no-face': '未检测到人脸',
    mismatch: '人脸与证件不一致',
    'liveness-failed': '活体检测未通过',
    'paper-out': '缺纸',
    jam: '卡纸',
    'cover-open': '机盖未关',
    'permission-denied': '没有使用权限',
    'not-supported': '本终端不支持',
    'storage-full': '本机存储空间已满',
  } satisfies Record<DeviceErrorCode, string>,
  unknownFailure: '未知错误',
  auditFailed: '审计日志未能写入，请联系技术人员。',
  historyTitle: '设备事件记录',
  historyLabel: '设备状态变化和遗留在读卡器上的身份证，最新的在前',
  historyNote: '保留最近 500 条：设备报告的每次状态变化，以及办事结束时仍留在读卡器上的身份证。',
  historyEmpty: '暂无设备事件。',
  cardLeft: '办事结束时身份证仍在读卡器上（已提示取走）',
  time: '时间',
  lockoutTitle: '人脸核验锁定记录',
  lockoutLabel: '人脸核验锁定记录，最新的在前',
  lockoutOff: '本终端未启用人脸核验锁定（未接入电子证照库）。',
  lockoutEmpty: '暂无锁定记录。',
  loading: '正在读取…',
  lockoutFailed: '锁定记录读取失败，请稍后刷新。',
  refresh: '刷新',
  kiosk: '终端',
  kind: '类型',
  until: '锁定至',
  holder: '证件标识',
  holderNote: '证件标识是本机用密钥从身份证号算出的代码，不能还原出号码；只显示前 8 位。',
  kinds: { locked: '开始锁定', refused: '锁定期间被拒' } satisfies Record<
    FaceRefusal['kind'],
    string
  >,
  testPage: {
    title: '打印测试页',
    heading: '打印测试页 Test page',
    kiosk: (id: string) => `终端：${id}`,
    time: (at: string) => `时间：${at}`,
    characters: '中文：政务服务自助终端',
    latin: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789',
    end: '—— 测试页结束 ——',
  },
};

type PrinterKind = 'receipt' | 'document';
const PRINTERS: readonly PrinterKind[] = ['receipt', 'document'];

// What the store keeps, and no more while the page is open on a flapping device.
const HISTORY_LIMIT = DEVICE_EVENTS_KEPT;
const HOLDER_KEY_SHOWN = 8;

interface StatusChange {
  id: number;
  at: Date;
  device: string;
  what: string;
}

type TestPrint =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'printed'; auditFailed: boolean }
  | { state: 'failed'; code: DeviceErrorCode | 'unknown'; auditFailed: boolean };

type Refusals =
  | { state: 'off' }
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; refusals: FaceRefusal[] };

/** 设备状态: every device's status as it changes, a test page per printer, the face lock-outs. */
export function DevicesSection() {
  const { services } = useConsole();
  const { devices, now } = services;
  const timeZone = services.config.hall.timeZone;
  const [statuses, setStatuses] = useState(() => currentStatuses(devices));
  const [history, setHistory] = useState<StatusChange[]>([]);
  const nextId = useRef(0);
  const seen = (device: string, what: string, at: Date): StatusChange => ({
    id: (nextId.current += 1),
    at,
    device,
    what,
  });

  useEffect(() => {
    // What was kept (before this page, other visits), then each change live.
    services.admin.deviceEvents().then(
      (kept) =>
        setHistory((live) =>
          [...live, ...kept.map((e) => seen(e.device, e.what, new Date(e.at)))].slice(
            0,
            HISTORY_LIMIT,
          ),
        ),
      (error: unknown) => console.error('Device events could not be read', error),
    );
    const unsubscribes = DEVICE_KINDS.map((kind) =>
      devices[kind].onStatus((status) => {
        setStatuses((shown) => ({ ...shown, [kind]: status }));
        setHistory((shown) => [seen(kind, status, now()), ...shown].slice(0, HISTORY_LIMIT));
      }),
    );
    // onStatus reports changes only: one between the first render and here would be missed.
    setStatuses(currentStatuses(devices));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [devices, now, services.admin]);

  return (
    <>
      <h2 class="staff-section__title">{words.title}</h2>
      <StaffTable
        label={words.tableLabel}
        columns={[words.device, words.status, words.paper, words.action]}
      >
        {DEVICE_KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row">{kioskWords.devices[kind]}</th>
            <td>{kioskWords.deviceStatus[statuses[kind]]}</td>
            <td>
              {isPrinter(kind)
                ? (words.paperLevels[statuses[kind]] ?? words.unknownPaper)
                : words.unknownPaper}
            </td>
            <td>{isPrinter(kind) && <TestPrintButton printer={kind} />}</td>
          </tr>
        ))}
      </StaffTable>
      <p class="staff-note">{words.paperNote}</p>

      <h3>{words.historyTitle}</h3>
      <p class="staff-note">{words.historyNote}</p>
      {history.length === 0 ? (
        <p>{words.historyEmpty}</p>
      ) : (
        <StaffTable label={words.historyLabel} columns={[words.time, words.device, words.status]}>
          {history.map((change) => {
            return (
              <tr key={change.id}>
                <td>{hallDateTimeText(change.at, timeZone)}</td>
                <td>{kioskWords.devices[change.device as DeviceKind] ?? change.device}</td>
                <td>
                  {change.what === 'card-left'
                    ? words.cardLeft
                    : (kioskWords.deviceStatus[change.what as DeviceStatus] ?? change.what)}
                </td>
              </tr>
            );
          })}
        </StaffTable>
      )}

      <FaceRefusals />
    </>
  );
}

function isPrinter(kind: DeviceKind): kind is PrinterKind {
  return (PRINTERS as readonly DeviceKind[]).includes(kind);
}

/** 打印测试页: a short page through the printer's own interface, its outcome, and an audit line. */
function TestPrintButton({ printer }: { printer: PrinterKind }) {
  const { services } = useConsole();
  const [print, setPrint] = useState<TestPrint>({ state: 'idle' });

  const run = async () => {
    setPrint({ state: 'printing' });
    const { config, devices } = services;
    const printedAt = hallDateTimeText(services.now(), config.hall.timeZone);
    let outcome: { ok: true } | { ok: false; code: DeviceErrorCode | 'unknown' };
    try {
      if (printer === 'receipt')
        await devices.receipt.print(testReceipt(config, printedAt), {
          timeoutMs: config.deviceTimeouts.receiptPrintMs,
        });
      else
        await devices.document.print(testDocument(config, printedAt), {
          timeoutMs: config.deviceTimeouts.documentPrintMs,
        });
      outcome = { ok: true };
    } catch (error) {
      // Anything but a DeviceError is a fault of ours, not the printer's: shown, and kept for staff.
      if (!isDeviceError(error)) console.error('The test page did not print', error);
      outcome = { ok: false, code: isDeviceError(error) ? error.code : 'unknown' };
    }
    let auditFailed = false;
    try {
      await services.audit({
        action: 'test-print',
        subject: printer,
        before: null,
        after: outcome.ok ? 'printed' : { error: outcome.code },
      });
    } catch (error) {
      console.error('The test print was not audited', error);
      auditFailed = true;
    }
    setPrint(
      outcome.ok
        ? { state: 'printed', auditFailed }
        : { state: 'failed', code: outcome.code, auditFailed },
    );
  };

  return (
    <>
      <button
        type="button"
        class="staff-button"
        disabled={print.state === 'printing'}
        aria-label={`${kioskWords.devices[printer]}：${words.testPrint}`}
        onClick={() => void run()}
      >
        {words.testPrint}
      </button>
      <span role="status">
        {print.state === 'printing' && words.printing}
        {print.state === 'printed' && words.printed}
      </span>
      {print.state === 'failed' && (
        <span role="alert">
          {words.printFailed(
            print.code === 'unknown' ? words.unknownFailure : words.failures[print.code],
          )}
        </span>
      )}
      {(print.state === 'printed' || print.state === 'failed') && print.auditFailed && (
        <span role="alert">{words.auditFailed}</span>
      )}
    </>
  );
}

function testReceipt(config: KioskConfig, printedAt: string): ReceiptTicket {
  const page = words.testPage;
  return {
    title: page.title,
    blocks: [
      { kind: 'text', text: config.hall.name['zh-CN'], align: 'center', bold: true },
      { kind: 'text', text: page.heading, align: 'center', size: 'large' },
      { kind: 'rule' },
      { kind: 'text', text: page.kiosk(config.kioskId) },
      { kind: 'text', text: page.time(printedAt) },
      { kind: 'text', text: page.characters },
      { kind: 'text', text: page.latin },
      // A QR shows the printer draws graphics too, as the queue tickets need.
      { kind: 'qr', data: `TEST ${config.kioskId}` },
      { kind: 'text', text: page.end, align: 'center' },
      { kind: 'feed', lines: 2 },
    ],
  };
}

function testDocument(config: KioskConfig, printedAt: string): PrintDocument {
  const page = words.testPage;
  const lines = [
    config.hall.name['zh-CN'],
    page.kiosk(config.kioskId),
    page.time(printedAt),
    page.characters,
    page.latin,
    page.end,
  ];
  // The frame 10 mm inside the sheet shows at a glance whether the printer crops or shifts the page.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="${DOCUMENT_FONT}">
  <rect width="210" height="297" fill="#fff"/>
  <rect x="10" y="10" width="190" height="277" fill="none" stroke="#000" stroke-width="0.3"/>
  <text x="105" y="40" font-size="9" text-anchor="middle" font-weight="700">${escapeXml(page.heading)}</text>
  ${textLines(lines, 25, 70, 10, 'font-size="5"')}
</svg>`;
  return {
    title: page.title,
    paper: 'A4',
    pages: [svg],
    text: [page.heading, ...lines].join('\n'),
  };
}

/** 人脸核验锁定记录: newest first; the holder key shortened, never shown whole. */
function FaceRefusals() {
  const { services } = useConsole();
  const { faceLockout } = services;
  const timeZone = services.config.hall.timeZone;
  const [shown, setShown] = useState<Refusals>(
    faceLockout ? { state: 'loading' } : { state: 'off' },
  );

  const load = async () => {
    if (!faceLockout) return;
    setShown({ state: 'loading' });
    try {
      const refusals = await faceLockout.refusals();
      setShown({ state: 'ready', refusals: [...refusals].reverse() });
    } catch (error) {
      console.error('The face refusals could not be read', error);
      setShown({ state: 'failed' });
    }
  };
  useEffect(() => void load(), [faceLockout]);

  return (
    <>
      <h3>{words.lockoutTitle}</h3>
      {shown.state === 'off' ? (
        <p>{words.lockoutOff}</p>
      ) : (
        <>
          <RefreshButton
            loading={shown.state === 'loading'}
            onClick={() => void load()}
            label={words.refresh}
          />
          <p role="status">{shown.state === 'loading' && words.loading}</p>
          {shown.state === 'failed' && <p role="alert">{words.lockoutFailed}</p>}
          {shown.state === 'ready' && shown.refusals.length === 0 && <p>{words.lockoutEmpty}</p>}
          {shown.state === 'ready' && shown.refusals.length > 0 && (
            <>
              <StaffTable
                label={words.lockoutLabel}
                columns={[words.time, words.kiosk, words.kind, words.until, words.holder]}
              >
                {shown.refusals.map((refusal) => (
                  <tr key={refusal.id}>
                    <td>{hallDateTimeText(new Date(refusal.at), timeZone)}</td>
                    <td>{refusal.kioskId}</td>
                    <td>{words.kinds[refusal.kind]}</td>
                    <td>{hallDateTimeText(new Date(refusal.until), timeZone)}</td>
                    <td>{`${refusal.holderKey.slice(0, HOLDER_KEY_SHOWN)}…`}</td>
                  </tr>
                ))}
              </StaffTable>
              <p class="staff-note">{words.holderNote}</p>
            </>
          )}
        </>
      )}
    </>
  );
}
