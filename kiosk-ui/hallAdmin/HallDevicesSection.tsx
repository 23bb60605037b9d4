import { useEffect, useState } from 'preact/hooks';
import { hallDateTimeText, type DeviceReport } from '../../domain';
import { messagesFor } from '../i18n';
import { RefreshButton, SectionHeading } from '../staff/SectionHeading';
import { useConsole } from '../staff/StaffConsole';
import { StaffTable } from '../staff/StaffTable';
import { useHallPage } from './hallContext';

// The names the kiosk's own screens give the devices and their states, so staff and citizens agree.
const kioskWords = messagesFor('zh-CN');

/** A kiosk that has not reported for this long is shown as 失联 (it reports every minute). */
export const STALE_AFTER_MS = 2 * 60_000;
/** How often the list is read again while it is shown. */
export const REFRESH_EVERY_MS = 10_000;

/** States that need nobody; anything else a kiosk reports is a fault to look at. */
const FINE = new Set(['online', 'busy']);
/** Not yet a fault, but staff should bring paper. */
const WARNING = new Set(['paper-low']);

const words = {
  title: '设备状态（全大厅）',
  tableLabel: '大厅各终端的设备状态，需处理的在前',
  kiosk: '终端',
  devices: '设备',
  lastReport: '最后报告',
  state: '状况',
  fine: '正常',
  attention: (n: number) => `需处理（${n} 项）`,
  warning: '纸张将尽',
  stale: '失联',
  staleNote: (minutes: number) => `超过 ${minutes} 分钟没有报告`,
  ago: (seconds: number) =>
    seconds < 60 ? `${Math.max(0, seconds)} 秒前` : `${Math.floor(seconds / 60)} 分钟前`,
  summary: (all: number, attention: number, stale: number) =>
    `共 ${all} 台终端：${attention} 台需处理，${stale} 台失联。`,
  none: '还没有终端报告过设备状态。终端连上大厅服务器后每分钟报告一次。',
  note: '各终端每分钟、以及设备状态变化时向大厅服务器报告；本页每 10 秒刷新一次。超过 2 分钟没有报告的终端显示为“失联”（断网、断电或未开机）。',
  refresh: '刷新',
  loading: '正在读取…',
  readAt: (time: string) => `已于 ${time} 读取。`,
  failed: '设备状态读取失败，将在 10 秒后重试。Device reports could not be read; retrying in 10 s.',
};

type Severity = 'fault' | 'warning' | 'fine';

function severityOf(status: string): Severity {
  if (FINE.has(status)) return 'fine';
  return WARNING.has(status) ? 'warning' : 'fault';
}

const deviceName = (device: string) =>
  (kioskWords.devices as Record<string, string>)[device] ?? device;
const statusName = (status: string) =>
  (kioskWords.deviceStatus as Record<string, string>)[status] ?? status;

interface KioskRow {
  report: DeviceReport;
  stale: boolean;
  faults: number;
  warnings: number;
  ageSeconds: number;
}

function rowsOf(reports: readonly DeviceReport[], now: Date): KioskRow[] {
  const rows = reports.map((report) => {
    const statuses = Object.values(report.devices);
    const ageMs = now.getTime() - Date.parse(report.at);
    return {
      report,
      stale: !(ageMs <= STALE_AFTER_MS),
      faults: statuses.filter((s) => severityOf(s) === 'fault').length,
      warnings: statuses.filter((s) => severityOf(s) === 'warning').length,
      ageSeconds: Math.round(ageMs / 1000),
    };
  });
  // Those that need someone first (lost, then faults, then paper low), each by kiosk id.
  const rank = (row: KioskRow) => (row.stale ? 0 : row.faults > 0 ? 1 : row.warnings > 0 ? 2 : 3);
  return rows.sort((a, b) => rank(a) - rank(b) || a.report.kioskId.localeCompare(b.report.kioskId));
}

/**
 * 设备状态 for the whole hall: every kiosk's last device report (GET /api/devices) in one list —
 * each device's status with paper and faults marked, when the kiosk last reported, and 失联 for a
 * kiosk silent for over two minutes. Read again every 10 seconds while it is open.
 */
export function HallDevicesSection() {
  const { services } = useConsole();
  const { staffFetch } = useHallPage();
  const timeZone = services.config.hall.timeZone;
  const [reports, setReports] = useState<DeviceReport[] | null>(null);
  const [readAt, setReadAt] = useState<Date | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    try {
      const response = await staffFetch('/api/devices');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setReports((await response.json()) as DeviceReport[]);
      setReadAt(services.now());
      setFailed(false);
    } catch (error) {
      console.error('The hall devices could not be read', error);
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [staffFetch]);

  const rows = reports && readAt ? rowsOf(reports, readAt) : [];
  return (
    <>
      <SectionHeading
        title={words.title}
        problem={failed ? words.failed : null}
        status={readAt ? words.readAt(hallDateTimeText(readAt, timeZone)) : ''}
      />
      <p class="staff-note">{words.note}</p>
      <div class="staff-actions">
        <RefreshButton loading={loading} onClick={() => void load()} label={words.refresh} />
      </div>
      {reports === null ? (
        !failed && <p>{words.loading}</p>
      ) : rows.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <>
          <p class="hall-devices__summary">
            {words.summary(
              rows.length,
              rows.filter((r) => !r.stale && r.faults > 0).length,
              rows.filter((r) => r.stale).length,
            )}
          </p>
          <StaffTable
            label={words.tableLabel}
            columns={[words.kiosk, words.state, words.devices, words.lastReport]}
          >
            {rows.map((row) => (
              <KioskLine key={row.report.kioskId} row={row} timeZone={timeZone} />
            ))}
          </StaffTable>
        </>
      )}
    </>
  );
}

function KioskLine({ row, timeZone }: { row: KioskRow; timeZone: string }) {
  const { report } = row;
  const state = row.stale
    ? { class: 'stale', text: words.stale }
    : row.faults > 0
      ? { class: 'fault', text: words.attention(row.faults) }
      : row.warnings > 0
        ? { class: 'warning', text: words.warning }
        : { class: 'fine', text: words.fine };
  return (
    <tr class={`hall-kiosk hall-kiosk--${state.class}`} data-kiosk={report.kioskId}>
      <th scope="row">{report.kioskId}</th>
      <td>
        <span class={`hall-badge hall-badge--${state.class}`}>{state.text}</span>
        {row.stale && <div class="staff-note">{words.staleNote(STALE_AFTER_MS / 60_000)}</div>}
      </td>
      <td>
        <ul class="hall-devices">
          {Object.entries(report.devices).map(([device, status]) => {
            const severity = severityOf(status);
            return (
              <li key={device} class={`hall-device hall-device--${severity}`}>
                {severity !== 'fine' && (
                  <span aria-hidden="true">{severity === 'fault' ? '⚠ ' : '△ '}</span>
                )}
                {deviceName(device)}：<strong>{statusName(status)}</strong>
              </li>
            );
          })}
        </ul>
      </td>
      <td>
        {hallDateTimeText(new Date(report.at), timeZone)}
        <div class="staff-note">{words.ago(row.ageSeconds)}</div>
      </td>
    </tr>
  );
}
