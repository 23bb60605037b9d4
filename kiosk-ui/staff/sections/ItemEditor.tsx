import { useState } from 'preact/hooks';
import {
  addItem,
  AUDIENCES,
  CatalogEditError,
  CHANNELS,
  DEPARTMENT_NAMES,
  DEPARTMENTS,
  diffCatalogs,
  updateItem,
  type Catalog,
  type CatalogItem,
  type CatalogProblem,
} from '../../../domain';
import { draftOf, toItem, type ItemDraft } from '../itemDraft';
import { useConsole } from '../StaffConsole';

const words = {
  editTitle: (name: string) => `编辑事项：${name}`,
  addTitle: '新增事项',
  code: '事项编码（大写字母、数字和 -，保存后不能修改）',
  name: '事项名称',
  nameEn: '英文名称（可不填）',
  department: '部门',
  audience: '办理对象',
  audiences: { person: '个人', business: '法人' },
  channel: '办理方式',
  channels: { kiosk: '自助终端当场办结', submit: '自助终端提交申请', window: '到窗口办理' },
  queueService: '取号业务',
  legalDays: '法定办结时限（工作日，0 为当场办结）',
  promisedDays: '承诺办结时限（工作日）',
  conditions: '受理条件（每行一条）',
  materials: '申请材料（每行一份：名称｜原件/复印件/电子证照｜份数｜备注）',
  steps: '办理流程（每行一步）',
  legalBasis: '设定依据（每行一条）',
  window: '办理窗口',
  address: '办理地址',
  hours: '办理时间',
  enquiryTelephone: '咨询电话',
  complaintTelephone: '投诉电话',
  result: '自助办结时打印的结果名称（当场办结的事项填写）',
  declaration: '告知承诺书（提交申请的事项填写）',
  unchanged: '收费标准和自助申请表单字段不在此修改，请通过导入修改。',
  save: '保存',
  cancel: '取消',
  problems: '未保存，请修改以下问题：',
  taken: (code: string) => `事项编码 ${code} 已被使用，请换一个。`,
  failed: '保存失败，请稍后再试；目录未改变。',
};

type TextKey = {
  [K in keyof ItemDraft]: ItemDraft[K] extends string ? K : never;
}[keyof ItemDraft];

/** The fields of one item, edited or new; the catalog's schema judges them on 保存. */
export function ItemEditor({
  catalog,
  base,
  adding,
  onSave,
  onCancel,
}: {
  catalog: Catalog;
  base: CatalogItem;
  adding: boolean;
  onSave: (
    next: Catalog,
    item: CatalogItem,
    audit: { before: unknown; after: unknown },
  ) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { services } = useConsole();
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(base));
  const [problems, setProblems] = useState<CatalogProblem[] | string | null>(null);
  const id = (key: string) => `staff-item-${key}`;

  const text = (key: TextKey, multiline = false) => (
    <div class="staff-field">
      <label for={id(key)}>{words[key]}</label>
      {multiline ? (
        <textarea
          id={id(key)}
          rows={4}
          value={draft[key]}
          onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        />
      ) : (
        <input
          id={id(key)}
          type="text"
          value={draft[key]}
          readOnly={key === 'code' && !adding}
          onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        />
      )}
    </div>
  );

  const save = async () => {
    const item = toItem(draft, base);
    let next: Catalog;
    try {
      if (adding && catalog.items.some((i) => i.code === item.code))
        return setProblems(words.taken(item.code));
      next = adding ? addItem(catalog, item) : updateItem(catalog, base.code, item);
    } catch (error) {
      return setProblems(error instanceof CatalogEditError ? [...error.problems] : String(error));
    }
    const saved = next.items.find((i) => i.code === item.code) ?? item;
    const audit = adding
      ? { before: null, after: { name: saved.name, department: saved.department } }
      : fieldChanges(base, saved);
    if (!(await onSave(next, saved, audit))) setProblems(words.failed);
  };

  return (
    <form
      class="staff-form staff-editor"
      aria-labelledby="staff-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="staff-editor-title">{adding ? words.addTitle : words.editTitle(base.name)}</h3>
      {problems && (
        <div role="alert" class="staff-error">
          {typeof problems === 'string' ? (
            <p>{problems}</p>
          ) : (
            <>
              <p>{words.problems}</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.field || p.item}：{p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {text('code')}
      {text('name')}
      {text('nameEn')}
      <div class="staff-field">
        <label for={id('department')}>{words.department}</label>
        <select
          id={id('department')}
          value={draft.department}
          onChange={(e) =>
            setDraft({ ...draft, department: e.currentTarget.value as ItemDraft['department'] })
          }
        >
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {DEPARTMENT_NAMES[d]}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="staff-weekdays">
        <legend>{words.audience}</legend>
        {AUDIENCES.map((a) => (
          <label key={a} class="staff-check-label">
            <input
              type="checkbox"
              checked={draft.audience.includes(a)}
              onChange={(e) => {
                const audience = e.currentTarget.checked
                  ? AUDIENCES.filter((x) => x === a || draft.audience.includes(x))
                  : draft.audience.filter((x) => x !== a);
                setDraft({ ...draft, audience });
              }}
            />
            {words.audiences[a]}
          </label>
        ))}
      </fieldset>
      <div class="staff-field">
        <label for={id('channel')}>{words.channel}</label>
        <select
          id={id('channel')}
          value={draft.channel}
          onChange={(e) =>
            setDraft({ ...draft, channel: e.currentTarget.value as ItemDraft['channel'] })
          }
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {words.channels[c]}
            </option>
          ))}
        </select>
      </div>
      <div class="staff-field">
        <label for={id('queueService')}>{words.queueService}</label>
        <select
          id={id('queueService')}
          value={draft.queueService}
          onChange={(e) => setDraft({ ...draft, queueService: e.currentTarget.value })}
        >
          {[
            ...services.config.queue.services.map((s) => [s.code, s.name['zh-CN']] as const),
            // A code the configuration does not have (an imported item's) stays choosable.
            ...(services.config.queue.services.some((s) => s.code === draft.queueService)
              ? []
              : [[draft.queueService, draft.queueService] as const]),
          ].map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {text('legalDays')}
      {text('promisedDays')}
      {text('conditions', true)}
      {text('materials', true)}
      {text('steps', true)}
      {text('legalBasis', true)}
      {text('window')}
      {text('address')}
      {text('hours')}
      {text('enquiryTelephone')}
      {text('complaintTelephone')}
      {text('result')}
      {text('declaration', true)}
      <p class="staff-note">{words.unchanged}</p>
      <div class="staff-actions">
        <button type="submit" class="staff-button staff-button--primary">
          {words.save}
        </button>
        <button type="button" class="staff-button" onClick={onCancel}>
          {words.cancel}
        </button>
      </div>
    </form>
  );
}

/** The fields that differ, each side as an object of field → value (the audit's before/after). */
function fieldChanges(before: CatalogItem, after: CatalogItem) {
  const diff = diffCatalogs(
    { version: 0, savedAt: '', items: [before] },
    { version: 0, savedAt: '', items: [after] },
  );
  const fields = diff.changed[0]?.fields ?? [];
  return {
    before: Object.fromEntries(fields.map((f) => [f.field, f.before])),
    after: Object.fromEntries(fields.map((f) => [f.field, f.after])),
  };
}
