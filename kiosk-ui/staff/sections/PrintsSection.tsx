import { useEffect, useState } from 'preact/hooks';
import { hallDateOf, hallDateTimeText, type PrintJob } from '../../../domain';
import { SectionHeading } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

const words = {
  title: '打印记录',
  noJournal: '本终端不打印证照，没有打印记录。',
  loading: '正在读取打印记录…',
  unreadable: '打印记录暂时无法读取，请稍后再试。',
  checkTitle: (n: number) => `待核实（${n}）`,
  checkHint:
    '打印机出错时可能已打出、也可能没打出的纸张。请到打印机处查看：确已打出，点“已打印”；没有打出，点“未打印”，办事人即可重新打印。',
  noneToCheck: '没有待核实的纸张。',
  note: (title: string) => `备注：${title}`,
  printed: '已打印',
  notPrinted: '未打印',
  settled: (title: string, printed: boolean) =>
    `已核实：${title}${printed ? '已打印' : '未打印，办事人可重新打印'}。`,
  failed: '保存失败，请稍后再试。',
  historyTitle: '全部记录',
  filter: '按企业（统一社会信用代码或名称）或日期（年-月-日）筛选',
  table: '打印记录',
  when: '时间',
  what: '内容',
  subject: '企业 / 地址',
  who: '办理人',
  state: '状态',
  noteCol: '说明',
  states: {
    pending: '准备中',
    sent: '打印中',
    confirmed: '已打印',
    failed: '未打出',
    'needs-check': '待核实',
  } satisfies Record<PrintJob['state'], string>,
};

/** 打印记录: the journal by enterprise or day, and the sheets a person must look at. */
export function PrintsSection() {
  const { services, changed } = useConsole();
  const { journal, config } = services;
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});

  const load = () => journal?.jobs().then(setJobs, () => setProblem(words.unreadable));
  useEffect(() => void load(), [journal]);

  if (!journal)
    return (
      <>
        <h2 class="staff-section__title">{words.title}</h2>
        <p>{words.noJournal}</p>
      </>
    );

  const settle = async (job: PrintJob, printed: boolean) => {
    const note = notes[job.key]?.trim() ?? '';
    try {
      const settled = await journal.settle(job.key, printed, note, services.now());
      await services.audit({
        action: 'print-settled',
        subject: `${job.title} ${job.key}`,
        before: { state: job.state, note: job.note },
        after: { state: settled.state, note: settled.note },
      });
      changed();
      setStatus(words.settled(job.title, printed));
      setProblem(null);
      await load();
    } catch {
      setProblem(words.failed);
    }
  };

  const zone = config.hall.timeZone;
  const toCheck = (jobs ?? []).filter((job) => job.state === 'needs-check');
  const wanted = filter.trim().toUpperCase();
  const shown = (jobs ?? []).filter(
    (job) =>
      wanted === '' ||
      (job.creditCode ?? '').includes(wanted) ||
      job.subject.toUpperCase().includes(wanted) ||
      hallDateOf(new Date(job.createdAt), zone) === wanted,
  );
  return (
    <>
      <SectionHeading
        title={words.title}
        problem={problem}
        status={jobs ? status : words.loading}
      />
      <section aria-labelledby="staff-check-title">
        <h3 id="staff-check-title">{words.checkTitle(toCheck.length)}</h3>
        <p class="staff-note">{words.checkHint}</p>
        {jobs && toCheck.length === 0 && <p>{words.noneToCheck}</p>}
        <ul class="staff-checks">
          {toCheck.map((job) => (
            <li key={job.key} class="staff-check-job">
              <p>
                <strong>{job.title}</strong> · {job.subject} · {job.maskedId} ·{' '}
                {hallDateTimeText(new Date(job.createdAt), zone)}
              </p>
              {job.note && <p class="staff-note">{job.note}</p>}
              <div class="staff-form staff-form--inline">
                <div class="staff-field">
                  <label for={`staff-note-${job.key}`}>{words.note(job.title)}</label>
                  <input
                    id={`staff-note-${job.key}`}
                    type="text"
                    maxLength={200}
                    value={notes[job.key] ?? ''}
                    onInput={(e) => setNotes({ ...notes, [job.key]: e.currentTarget.value })}
                  />
                </div>
                <button
                  type="button"
                  class="staff-button"
                  aria-label={`${words.printed}：${job.title}`}
                  onClick={() => void settle(job, true)}
                >
                  {words.printed}
                </button>
                <button
                  type="button"
                  class="staff-button"
                  aria-label={`${words.notPrinted}：${job.title}`}
                  onClick={() => void settle(job, false)}
                >
                  {words.notPrinted}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="staff-history-title">
        <h3 id="staff-history-title">{words.historyTitle}</h3>
        <div class="staff-field">
          <label for="staff-print-filter">{words.filter}</label>
          <input
            id="staff-print-filter"
            type="search"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
        <StaffTable
          label={words.table}
          columns={[words.when, words.what, words.subject, words.who, words.state, words.noteCol]}
        >
          {shown.map((job) => (
            <tr key={job.key}>
              <td>{hallDateTimeText(new Date(job.createdAt), zone)}</td>
              <td>{job.title}</td>
              <td>
                {job.subject}
                {job.creditCode && <span class="staff-code">{job.creditCode}</span>}
              </td>
              <td>{job.maskedId}</td>
              <td>{words.states[job.state]}</td>
              <td>{job.note}</td>
            </tr>
          ))}
        </StaffTable>
      </section>
    </>
  );
}
