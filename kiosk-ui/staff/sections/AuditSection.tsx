import { useEffect, useState } from 'preact/hooks';
import {
  auditCsv,
  hallDateOf,
  hallDateTimeText,
  type AuditAction,
  type AuditEntry,
} from '../../../domain';
import { downloadFile } from '../download';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

const words = {
  title: '审计日志',
  tableLabel: '审计日志，最新的在前',
  seq: '序号',
  at: '时间',
  action: '操作',
  subject: '对象',
  before: '修改前',
  after: '修改后',
  none: '—',
  actions: {
    'pin-set': '设置管理密码',
    entry: '进入管理台',
    'entry-refused': '密码错误',
    'entry-locked': '管理台锁定',
    exit: '退出管理台',
    'item-change': '修改事项',
    'catalog-reorder': '调整事项顺序',
    'catalog-import': '导入事项目录',
    'catalog-export': '导出事项目录',
    'settings-change': '修改终端设置',
    'print-settled': '处理打印记录',
    'test-print': '打印测试页',
    'audit-export': '导出审计日志',
    'appointment-cancel': '取消预约',
    'appointment-move': '预约改期',
    'work-order': '差评工单',
    'ratings-export': '导出评价',
  } satisfies Record<AuditAction, string>,
  /** What the hall server writes itself (on the hall's 管理 page: logins and window work). */
  hallActions: {
    login: '登录',
    logout: '退出登录',
    'login-refused': '登录密码错误',
    'login-locked': '登录锁定',
    'login-refused-locked': '锁定期间拒绝登录',
    forbidden: '越权操作被拒绝',
    'kiosk-register': '登记终端',
    'call-next': '叫号',
    recall: '重呼',
    skip: '过号',
    transfer: '转移',
    finish: '办结',
  } as Partial<Record<string, string>>,
  export: '导出 CSV',
  exporting: '正在导出…',
  exported: (file: string, count: number) => `已导出 ${count} 条记录：${file}`,
  exportFailed: '导出失败，请稍后再试。',
  exportAuditFailed: '已导出，但本次导出未能记入审计日志，请联系技术人员。',
  loading: '正在读取…',
  loadFailed: '审计日志读取失败，请稍后再试。',
  empty: '暂无记录。',
  note: '审计日志只能追加，不能修改或删除。修改前、修改后较长时只显示开头，鼠标停留可看全文。',
};

// Long enough for a setting or an item's name, short enough that a row stays one line or two.
const SHORT_JSON = 80;

type Log = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; entries: AuditEntry[] };

type Export =
  | { state: 'idle' }
  | { state: 'exporting' }
  | { state: 'exported'; file: string; count: number; auditFailed: boolean }
  | { state: 'failed' };

/** 审计日志: every line of the log, newest first, and its export as CSV. */
export function AuditSection() {
  const { services } = useConsole();
  const { admin } = services;
  const timeZone = services.config.hall.timeZone;
  const [log, setLog] = useState<Log>({ state: 'loading' });
  const [exported, setExported] = useState<Export>({ state: 'idle' });

  const load = async () => {
    try {
      setLog({ state: 'ready', entries: await admin.auditLog() });
    } catch (error) {
      console.error('The audit log could not be read', error);
      setLog({ state: 'failed' });
    }
  };
  useEffect(() => void load(), []);

  const exportCsv = async () => {
    setExported({ state: 'exporting' });
    let entries: AuditEntry[];
    // Named by the hall's day, as staff file it; read afresh, so nothing written since is missed.
    const file = `audit-${hallDateOf(services.now(), timeZone).replaceAll('-', '')}.csv`;
    try {
      entries = await admin.auditLog();
      downloadFile(file, auditCsv(entries), 'text/csv;charset=utf-8');
    } catch (error) {
      console.error('The audit log was not exported', error);
      setExported({ state: 'failed' });
      return;
    }
    let auditFailed = false;
    try {
      await services.audit({
        action: 'audit-export',
        subject: file,
        before: null,
        after: { entries: entries.length },
      });
    } catch (error) {
      console.error('The audit export was not audited', error);
      auditFailed = true;
    }
    setExported({ state: 'exported', file, count: entries.length, auditFailed });
    await load();
  };

  const newestFirst = log.state === 'ready' ? [...log.entries].reverse() : [];

  return (
    <>
      <h2 class="staff-section__title">{words.title}</h2>
      <button
        type="button"
        class="staff-button"
        disabled={log.state !== 'ready' || exported.state === 'exporting'}
        onClick={() => void exportCsv()}
      >
        {words.export}
      </button>
      <p role="status">
        {log.state === 'loading' && words.loading}
        {exported.state === 'exporting' && words.exporting}
        {exported.state === 'exported' && words.exported(exported.file, exported.count)}
      </p>
      {exported.state === 'failed' && <p role="alert">{words.exportFailed}</p>}
      {exported.state === 'exported' && exported.auditFailed && (
        <p role="alert">{words.exportAuditFailed}</p>
      )}
      {log.state === 'failed' && <p role="alert">{words.loadFailed}</p>}
      {log.state === 'ready' && newestFirst.length === 0 && <p>{words.empty}</p>}
      {newestFirst.length > 0 && (
        <StaffTable
          label={words.tableLabel}
          columns={[words.seq, words.at, words.action, words.subject, words.before, words.after]}
        >
          {newestFirst.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row">{entry.seq}</th>
              <td>{hallDateTimeText(new Date(entry.at), timeZone)}</td>
              <td>{actionName(entry.action)}</td>
              <td>{entry.subject}</td>
              <JsonCell value={entry.before} />
              <JsonCell value={entry.after} />
            </tr>
          ))}
        </StaffTable>
      )}
      <p class="staff-note">{words.note}</p>
    </>
  );
}

/** A value as short JSON; the whole of it in the title when it had to be cut. */
function JsonCell({ value }: { value: unknown }) {
  const text = jsonText(value);
  if (text === null) return <td>{words.none}</td>;
  if (text.length <= SHORT_JSON) return <td>{text}</td>;
  return <td title={text}>{`${text.slice(0, SHORT_JSON - 1)}…`}</td>;
}

function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A value JSON cannot write (a cycle, a BigInt) is still shown rather than hiding the line.
    return String(value);
  }
}

/** An action's name in Chinese: the console's own, the hall server's, or as written. */
function actionName(action: string): string {
  return (
    (words.actions as Partial<Record<string, string>>)[action] ??
    words.hallActions[action] ??
    action
  );
}
