import { useEffect, useState } from 'preact/hooks';
import {
  DEPARTMENT_NAMES,
  guideSections,
  moveItem,
  PRINTED_HEADINGS,
  searchItems,
  updateItem,
  type Catalog,
  type CatalogItem,
} from '../../../domain';
import { catalogInForce, saveCatalog } from '../catalogStore';
import { ItemEditor } from './ItemEditor';
import { SectionHeading } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

const words = {
  title: '事项目录',
  intro:
    '勾选“一证可办”“一照可办”，启用或停用事项，调整群众看到的顺序。修改立即保存，退出管理台后生效。',
  search: '搜索事项（中文、拼音或首字母）',
  count: (shown: number, all: number) => `共 ${all} 项，显示 ${shown} 项`,
  table: '事项列表',
  order: '顺序',
  code: '事项编码',
  name: '事项名称',
  department: '部门',
  idCardOnly: '一证可办',
  licenceOnly: '一照可办',
  enabled: '启用',
  actions: '操作',
  up: (name: string) => `上移：${name}`,
  down: (name: string) => `下移：${name}`,
  preview: '预览指南',
  edit: '编辑',
  add: '新增事项',
  closePreview: '关闭预览',
  previewTitle: (name: string) => `办事指南预览：${name}（与群众看到的一致）`,
  loading: '正在读取事项目录…',
  unreadable: '事项目录暂时无法读取，请稍后再试。',
  saved: (name: string) => `已保存：${name}`,
  refused: (name: string, why: string) => `无法保存“${name}”：${why}`,
  failed: '保存失败，请稍后再试；目录未改变。',
};

/** Why an edit was refused, in words staff read (the rule a business-only item breaks, say). */
function refusal(item: CatalogItem, patch: Partial<CatalogItem>, error: unknown): string {
  if (patch.idCardOnly && !item.audience.includes('person'))
    return '该事项只面向法人，不能设为一证可办。';
  if (patch.licenceOnly && !item.audience.includes('business'))
    return '该事项只面向个人，不能设为一照可办。';
  return error instanceof Error ? error.message : String(error);
}

/** 事项目录: search, the 一证/一照 marks, enable, reorder and a preview of the guide. */
export function ItemsSection() {
  const { services, changed } = useConsole();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [query, setQuery] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  /** The item being edited (its code), a new one (''), or none. */
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    catalogInForce(services).then(setCatalog, () => setProblem(words.unreadable));
  }, [services]);

  if (!catalog)
    return (
      <>
        <h2 class="staff-section__title">{words.title}</h2>
        <p role={problem ? 'alert' : 'status'}>{problem ?? words.loading}</p>
      </>
    );

  const save = async (
    next: Catalog,
    item: CatalogItem,
    audit: () => Promise<void>,
  ): Promise<boolean> => {
    try {
      setCatalog(await saveCatalog(services, next));
      await audit();
      changed();
      setProblem(null);
      setStatus(words.saved(item.name));
      return true;
    } catch {
      setProblem(words.failed);
      return false;
    }
  };

  const change = (item: CatalogItem, patch: Partial<CatalogItem>) => {
    let next: Catalog;
    try {
      next = updateItem(catalog, item.code, patch);
    } catch (error) {
      setProblem(words.refused(item.name, refusal(item, patch, error)));
      return;
    }
    const before = Object.fromEntries(
      Object.keys(patch).map((key) => [key, item[key as keyof CatalogItem]]),
    );
    void save(next, item, () =>
      services.audit({ action: 'item-change', subject: item.code, before, after: patch }),
    );
  };

  const move = (item: CatalogItem, delta: number) => {
    const from = catalog.items.indexOf(item);
    const next = moveItem(catalog, item.code, delta);
    const to = next.items.findIndex((i) => i.code === item.code);
    if (to === from) return;
    void save(next, item, () =>
      services.audit({
        action: 'catalog-reorder',
        subject: item.code,
        before: from + 1,
        after: to + 1,
      }),
    );
  };

  const shown = query.trim() === '' ? catalog.items : searchItems(catalog.items, query);
  const previewed = catalog.items.find((item) => item.code === preview);
  return (
    <>
      <SectionHeading title={words.title} problem={problem} status={status} />
      {editing !== null ? (
        <ItemEditor
          catalog={catalog}
          base={catalog.items.find((item) => item.code === editing) ?? newItem(catalog.items[0])}
          adding={editing === ''}
          onCancel={() => setEditing(null)}
          onSave={async (next, item, { before, after }) => {
            const ok = await save(next, item, () =>
              services.audit({ action: 'item-change', subject: item.code, before, after }),
            );
            if (ok) setEditing(null);
            return ok;
          }}
        />
      ) : (
        <>
          <p class="staff-note">{words.intro}</p>
          <button type="button" class="staff-button" onClick={() => setEditing('')}>
            {words.add}
          </button>
          <div class="staff-field">
            <label for="staff-item-search">{words.search}</label>
            <input
              id="staff-item-search"
              type="search"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <p role="status">{words.count(shown.length, catalog.items.length)}</p>
          {previewed && (
            <section class="staff-preview" aria-labelledby="staff-preview-title">
              <h3 id="staff-preview-title">{words.previewTitle(previewed.name)}</h3>
              <dl class="guide">
                {guideSections(previewed).map((section) => (
                  <div key={section.key}>
                    <dt>{PRINTED_HEADINGS[section.key]}</dt>
                    {section.lines.map((line, i) => (
                      <dd key={i}>{line}</dd>
                    ))}
                  </div>
                ))}
              </dl>
              <button type="button" class="staff-button" onClick={() => setPreview(null)}>
                {words.closePreview}
              </button>
            </section>
          )}
          <StaffTable
            label={words.table}
            columns={[
              words.order,
              words.name,
              words.department,
              words.idCardOnly,
              words.licenceOnly,
              words.enabled,
              words.actions,
            ]}
          >
            {shown.map((item) => {
              const place = catalog.items.indexOf(item);
              return (
                <tr key={item.code} data-code={item.code}>
                  <td>{place + 1}</td>
                  <th scope="row">
                    {item.name}
                    <span class="staff-code">{item.code}</span>
                  </th>
                  <td>{DEPARTMENT_NAMES[item.department]}</td>
                  {(['idCardOnly', 'licenceOnly', 'enabled'] as const).map((flag) => (
                    <td key={flag}>
                      <input
                        type="checkbox"
                        class="staff-check"
                        aria-label={`${words[flag]}：${item.name}`}
                        checked={item[flag]}
                        onChange={(e) => change(item, { [flag]: e.currentTarget.checked })}
                      />
                    </td>
                  ))}
                  <td>
                    <div class="staff-actions">
                      <button
                        type="button"
                        class="staff-button staff-button--small"
                        aria-label={words.up(item.name)}
                        disabled={place === 0}
                        onClick={() => move(item, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="staff-button staff-button--small"
                        aria-label={words.down(item.name)}
                        disabled={place === catalog.items.length - 1}
                        onClick={() => move(item, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class="staff-button staff-button--small"
                        aria-label={`${words.preview}：${item.name}`}
                        onClick={() => setPreview(item.code)}
                      >
                        {words.preview}
                      </button>
                      <button
                        type="button"
                        class="staff-button staff-button--small"
                        aria-label={`${words.edit}：${item.name}`}
                        onClick={() => setEditing(item.code)}
                      >
                        {words.edit}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </StaffTable>
        </>
      )}
    </>
  );
}

/** What a new item starts from: blank, the first item's place and telephones, shown to no one until enabled. */
function newItem(template: CatalogItem | undefined): CatalogItem {
  return {
    department: 'social-security',
    audience: ['person'],
    place: { window: '', address: '', hours: '' },
    enquiryTelephone: '',
    complaintTelephone: '12345',
    queueService: '',
    ...template,
    code: '',
    name: '',
    nameEn: undefined,
    idCardOnly: false,
    licenceOnly: false,
    channel: 'window',
    enabled: false,
    conditions: [],
    materials: [],
    steps: [],
    legalBasis: [],
    legalDays: 0,
    promisedDays: 0,
    fees: [],
    form: undefined,
    result: undefined,
    declaration: undefined,
    pinyin: undefined,
  };
}
