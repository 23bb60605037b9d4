import { useEffect, useState } from 'preact/hooks';
import {
  diffCatalogs,
  isEmptyDiff,
  parseCatalogText,
  type Catalog,
  type CatalogDiff,
  type CatalogProblem,
} from '../../../domain';
import { catalogInForce, saveCatalog } from '../catalogStore';
import { SectionHeading } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';
import { downloadFile, shortJson } from '../download';

const words = {
  title: '导入 / 导出事项目录',
  exportTitle: '导出',
  exportHint: '导出当前目录为 JSON 文件，可在其他终端或大厅服务器导入。',
  export: '导出事项目录',
  exported: (name: string) => `已导出 ${name}`,
  importTitle: '导入',
  importHint:
    '选择一个事项目录 JSON 文件。文件会被整体校验；有任何错误都不会导入，也不会改变现有目录。校验通过后先显示改动，确认后才生效。',
  file: '选择事项目录文件',
  reading: '正在校验…',
  unreadable: '无法读取该文件。',
  problemsTitle: (n: number, file: string) => `“${file}”有 ${n} 处错误，未导入，目录未改变：`,
  problemsTable: '导入错误',
  item: '事项',
  field: '字段',
  message: '问题',
  wholeFile: '（整个文件）',
  diffTitle: '导入将作如下改动，请核对：',
  noChange: '该文件与当前目录相同，无需导入。',
  added: (n: number) => `新增 ${n} 项`,
  removed: (n: number) => `删除 ${n} 项`,
  changed: (n: number) => `修改 ${n} 项`,
  reordered: '事项顺序有变化',
  before: '修改前',
  after: '修改后',
  confirm: '确认导入',
  cancel: '取消',
  applied: (n: number) => `已导入，共 ${n} 项，退出管理台后生效。`,
  failed: '保存失败，目录未改变，请稍后再试。',
};

type Review =
  | { kind: 'none' }
  | { kind: 'problems'; file: string; problems: CatalogProblem[] }
  | { kind: 'diff'; file: string; catalog: Catalog; diff: CatalogDiff };

/** 导入 / 导出: a file is checked whole; its changes are shown and applied only when confirmed. */
export function ImportSection() {
  const { services, changed } = useConsole();
  const [current, setCurrent] = useState<Catalog | null>(null);
  const [review, setReview] = useState<Review>({ kind: 'none' });
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    catalogInForce(services).then(setCurrent, () => setProblem(words.unreadable));
  }, [services]);

  const choose = async (file: File | undefined) => {
    if (!file || !current) return;
    setStatus(words.reading);
    setProblem(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus('');
      setProblem(words.unreadable);
      return;
    }
    const parsed = parseCatalogText(text);
    setStatus('');
    if (!parsed.ok) setReview({ kind: 'problems', file: file.name, problems: parsed.problems });
    else
      setReview({
        kind: 'diff',
        file: file.name,
        catalog: parsed.catalog,
        diff: diffCatalogs(current, parsed.catalog),
      });
  };

  const apply = async (file: string, catalog: Catalog, diff: CatalogDiff) => {
    try {
      // The file's version may be older than the catalog in force: saving raises it past both.
      const saved = await saveCatalog(services, {
        ...catalog,
        version: Math.max(catalog.version, current?.version ?? 0),
      });
      await services.audit({
        action: 'catalog-import',
        subject: file,
        before: { version: current?.version, items: current?.items.length },
        after: {
          version: saved.version,
          added: diff.added.map((i) => i.code),
          removed: diff.removed.map((i) => i.code),
          changed: diff.changed.map((c) => ({
            code: c.code,
            fields: c.fields.map((f) => f.field),
          })),
        },
      });
      changed();
      setCurrent(saved);
      setReview({ kind: 'none' });
      setStatus(words.applied(saved.items.length));
    } catch {
      setProblem(words.failed);
    }
  };

  const exportCatalog = async () => {
    if (!current) return;
    const name = `catalog-v${current.version}.json`;
    downloadFile(name, `${JSON.stringify(current, null, 2)}\n`, 'application/json');
    await services.audit({
      action: 'catalog-export',
      subject: name,
      before: null,
      after: { version: current.version, items: current.items.length },
    });
    setStatus(words.exported(name));
  };

  return (
    <>
      <SectionHeading title={words.title} problem={problem} status={status} />
      <section aria-labelledby="staff-export-title">
        <h3 id="staff-export-title">{words.exportTitle}</h3>
        <p class="staff-note">{words.exportHint}</p>
        <button
          type="button"
          class="staff-button"
          disabled={!current}
          onClick={() => void exportCatalog()}
        >
          {words.export}
        </button>
      </section>
      <section aria-labelledby="staff-import-title">
        <h3 id="staff-import-title">{words.importTitle}</h3>
        <p class="staff-note">{words.importHint}</p>
        <div class="staff-field">
          <label for="staff-import-file">{words.file}</label>
          <input
            id="staff-import-file"
            type="file"
            accept="application/json,.json"
            disabled={!current}
            onChange={(e) => {
              const input = e.currentTarget;
              void choose(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
        {review.kind === 'problems' && <Problems file={review.file} problems={review.problems} />}
        {review.kind === 'diff' && (
          <Diff
            diff={review.diff}
            onConfirm={() => void apply(review.file, review.catalog, review.diff)}
            onCancel={() => setReview({ kind: 'none' })}
          />
        )}
      </section>
    </>
  );
}

function Problems({ file, problems }: { file: string; problems: CatalogProblem[] }) {
  return (
    <div class="staff-review" role="alert">
      <p>{words.problemsTitle(problems.length, file)}</p>
      <StaffTable label={words.problemsTable} columns={[words.item, words.field, words.message]}>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.item || words.wholeFile}</td>
            <td>{p.field}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </StaffTable>
    </div>
  );
}

function Diff({
  diff,
  onConfirm,
  onCancel,
}: {
  diff: CatalogDiff;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  if (isEmptyDiff(diff))
    return (
      <div class="staff-review">
        <p role="status">{words.noChange}</p>
        <button type="button" class="staff-button" onClick={onCancel}>
          {words.cancel}
        </button>
      </div>
    );
  return (
    <div class="staff-review" aria-labelledby="staff-diff-title">
      <h4 id="staff-diff-title">{words.diffTitle}</h4>
      <ul class="staff-diff-summary">
        <li>{words.added(diff.added.length)}</li>
        <li>{words.removed(diff.removed.length)}</li>
        <li>{words.changed(diff.changed.length)}</li>
        {diff.reordered && <li>{words.reordered}</li>}
      </ul>
      {diff.added.length > 0 && (
        <ul class="staff-diff staff-diff--added" aria-label={words.added(diff.added.length)}>
          {diff.added.map((item) => (
            <li key={item.code}>
              ＋ {item.code} {item.name}
            </li>
          ))}
        </ul>
      )}
      {diff.removed.length > 0 && (
        <ul class="staff-diff staff-diff--removed" aria-label={words.removed(diff.removed.length)}>
          {diff.removed.map((item) => (
            <li key={item.code}>
              － {item.code} {item.name}
            </li>
          ))}
        </ul>
      )}
      {diff.changed.length > 0 && (
        <StaffTable
          label={words.changed(diff.changed.length)}
          columns={[words.item, words.field, words.before, words.after]}
          visibleCaption
        >
          {diff.changed.flatMap((item) =>
            item.fields.map((f) => (
              <tr key={`${item.code}.${f.field}`}>
                <td>
                  {item.code} {item.name}
                </td>
                <td>{f.field}</td>
                <td>{shortJson(f.before)}</td>
                <td>{shortJson(f.after)}</td>
              </tr>
            )),
          )}
        </StaffTable>
      )}
      <div class="staff-actions">
        <button type="button" class="staff-button staff-button--primary" onClick={onConfirm}>
          {words.confirm}
        </button>
        <button type="button" class="staff-button" onClick={onCancel}>
          {words.cancel}
        </button>
      </div>
    </div>
  );
}
