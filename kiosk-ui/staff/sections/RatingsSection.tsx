import { useEffect, useRef, useState } from 'preact/hooks';
import {
  RATING_LEVELS,
  RATING_LEVEL_NAMES,
  RATING_REASON_NAMES,
  closed,
  dateLabel,
  deadlineState,
  figuresCsv,
  hallDateOf,
  hallDateTimeText,
  ratingFigures,
  ratingsCsv,
  rectified,
  withCallBack,
  type CalendarDate,
  type DeadlineState,
  type Rating,
  type RatingFigures,
  type RatingOffer,
  type WorkOrder,
  WORK_ORDER_STATE_NAMES,
  type WorkOrderState,
  type WorkingCalendar,
} from '../../../domain';
import { FLOWS } from '../../flows/list';
import type { ConsoleServices } from '../consoleServices';
import { downloadFile } from '../download';
import { RefreshButton, SectionHeading } from '../SectionHeading';
import { useConsole } from '../StaffConsole';
import { StaffTable } from '../StaffTable';

const words = {
  title: '好差评',
  loading: '正在读取评价记录…',
  loadFailed: '评价记录读取失败，请稍后刷新。',
  refresh: '刷新',
  ordersTitle: '差评工单',
  ordersNote:
    '每条“不满意”“非常不满意”的评价生成一张工单，须在整改期限内回访或整改，再办结。已逾期的排在最前。',
  filterState: '按状态筛选',
  allStates: '全部',
  filterItem: '按事项（编码或名称）筛选',
  filterDate: '按评价日期筛选',
  ordersTable: '差评工单，已逾期的在前',
  noOrders: '暂无差评工单。',
  noMatch: '没有符合条件的工单。',
  level: '评价',
  item: '事项',
  reasons: '原因',
  phone: '回访电话',
  opened: '受理时间',
  due: '整改期限',
  state: '状态',
  actions: '操作',
  none: '—',
  noPhone: '未留电话',
  noRating: '评价记录缺失',
  overdue: '已逾期',
  dueSoon: '即将到期',
  // The names the CSV export gives the states too.
  states: WORK_ORDER_STATE_NAMES,
  handle: '处理',
  handleLabel: (what: string) => `处理：${what}`,
  orderTitle: (what: string) => `工单：${what}`,
  otherText: (text: string) => `（${text}）`,
  closeOrder: '收起',
  callBacksTitle: '回访记录',
  noCallBacks: '尚无回访记录。',
  reachedYes: '已联系上',
  reachedNo: '未联系上',
  callBackLine: (time: string, by: string, reached: boolean, note: string) =>
    `${time} ${by}（${reached ? '已联系上' : '未联系上'}）：${note}`,
  reached: '是否联系上办事人',
  by: '回访人',
  said: '回访内容',
  saveCallBack: '保存回访记录',
  rectifyTitle: '整改情况',
  rectification: '整改情况',
  rectifiedAt: (time: string) => `整改时间：${time}`,
  saveRectification: '保存整改情况',
  closeTitle: '办结',
  closingNote: '办结说明',
  closeButton: '办结',
  closedAt: (time: string) => `办结时间：${time}`,
  noReached: '请选择是否联系上办事人。',
  noBy: '请填写回访人。',
  refusals: {
    closed: '该工单已办结，不能再修改。',
    notFollowedUp: '请先记录回访或整改情况，再办结。',
    alreadyRectified: '该工单已记录整改情况，不能重复整改。',
    noCallBackNote: '请填写回访内容。',
    noRectification: '请填写整改情况。',
    noClosingNote: '请填写办结说明。',
  },
  refusedOther: '无法保存：工单状态已变化，请刷新后再试。',
  saveFailed: '保存失败，请稍后再试。',
  done: {
    callBack: (what: string) => `已记录回访：${what}。`,
    rectify: (what: string) => `已记录整改情况：${what}。`,
    close: (what: string) => `已办结：${what}。`,
  },
  auditFailed: '已保存，但未能记入审计日志，请联系技术人员。',
  figuresTitle: '统计',
  figuresNote: (ratings: number, offers: number, orders: number) =>
    `全部记录：评价 ${ratings} 条，邀请评价 ${offers} 次，差评工单 ${orders} 张。`,
  levelsTable: '各评价等级的数量',
  count: '数量',
  ratesTable: '评价比率',
  rateName: '比率',
  rateValue: '数值',
  rates: {
    goodRate: '好评率',
    activeRate: '主动评价率',
    unratedRate: '未评价率',
    rectifyRate: '差评整改率',
    onTimeRate: '按期整改率',
  } satisfies Partial<Record<keyof RatingFigures, string>>,
  itemsTable: '各事项的评价数',
  flowsTable: '各业务的评价数',
  flow: '业务',
  noRatings: '暂无评价。',
  exportRatings: '导出评价明细 CSV',
  exportFigures: '导出统计 CSV',
  exported: (file: string) => `已导出：${file}`,
  exportFailed: '导出失败，请稍后再试。',
  exportAuditFailed: '已导出，但本次导出未能记入审计日志，请联系技术人员。',
};

type Refusal = keyof typeof words.refusals;
type Step = keyof typeof words.done;

interface Records {
  ratings: Rating[];
  offers: RatingOffer[];
  orders: WorkOrder[];
}

type Shown = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; records: Records };

interface Outcome {
  problem: string | null;
  status: string;
}

/** A work order with what staff read it by: its rating and where it stands on today. */
interface OrderRow {
  order: WorkOrder;
  rating: Rating | null;
  deadline: DeadlineState;
}

/** 好差评: the work orders of bad ratings and their follow-up, and the figures with their export. */
export function RatingsSection() {
  const { services } = useConsole();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const [outcome, setOutcome] = useState<Outcome>({ problem: null, status: '' });
  const [selected, setSelected] = useState<string | null>(null);

  /** A quiet reload keeps the list on screen (and the open order) until the new one is read. */
  const load = async (quiet = false) => {
    if (!quiet) setShown({ state: 'loading' });
    try {
      const { admin } = services;
      const [ratings, offers, orders] = await Promise.all([
        admin.ratings(),
        admin.offers(),
        admin.workOrders(),
      ]);
      setShown({ state: 'ready', records: { ratings, offers, orders } });
    } catch (error) {
      console.error('The ratings could not be read', error);
      setShown({ state: 'failed' });
    }
  };
  useEffect(() => void load(), []);

  const refresh = () => {
    setOutcome({ problem: null, status: '' });
    void load();
  };

  return (
    <>
      <SectionHeading
        title={words.title}
        problem={shown.state === 'failed' ? words.loadFailed : outcome.problem}
        status={shown.state === 'loading' ? words.loading : outcome.status}
      />
      <RefreshButton loading={shown.state === 'loading'} onClick={refresh} label={words.refresh} />
      {shown.state === 'ready' && (
        <>
          <WorkOrders
            records={shown.records}
            selected={selected}
            onSelect={(id) => {
              setOutcome({ problem: null, status: '' });
              setSelected(id);
            }}
            onSaved={(status) => {
              setOutcome({ problem: null, status });
              void load(true);
            }}
          />
          <Figures records={shown.records} onOutcome={setOutcome} />
        </>
      )}
    </>
  );
}

function calendarOf({ config }: ConsoleServices): WorkingCalendar {
  return { hours: config.officeHours, ...config.calendar };
}

const DEADLINE_ORDER: Record<DeadlineState, number> = {
  overdue: 0,
  'due-soon': 1,
  'on-time': 1,
  done: 1,
};

function WorkOrders({
  records,
  selected,
  onSelect,
  onSaved,
}: {
  records: Records;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onSaved: (status: string) => void;
}) {
  const { services } = useConsole();
  const zone = services.config.hall.timeZone;
  const today = hallDateOf(services.now(), zone);
  const calendar = calendarOf(services);
  const [state, setState] = useState<WorkOrderState | ''>('');
  const [item, setItem] = useState('');
  const [day, setDay] = useState<CalendarDate>('');

  const ratingOf = new Map(records.ratings.map((r) => [r.id, r]));
  const rows: OrderRow[] = records.orders
    .map((order) => ({
      order,
      rating: ratingOf.get(order.ratingId) ?? null,
      deadline: deadlineState(order, today, calendar),
    }))
    .sort(
      (a, b) =>
        DEADLINE_ORDER[a.deadline] - DEADLINE_ORDER[b.deadline] ||
        compare(a.order.dueDate, b.order.dueDate) ||
        compare(a.order.openedAt, b.order.openedAt),
    );
  const wanted = item.trim().toUpperCase();
  const shown = rows.filter(
    ({ order, rating }) =>
      (state === '' || order.state === state) &&
      (wanted === '' ||
        (rating?.subject.itemCode ?? '').toUpperCase().includes(wanted) ||
        (rating?.subject.title ?? '').toUpperCase().includes(wanted)) &&
      (day === '' || (rating !== null && hallDateOf(new Date(rating.at), zone) === day)),
  );
  const chosen = rows.find((row) => row.order.id === selected);

  return (
    <section aria-labelledby="staff-orders-title">
      <h3 id="staff-orders-title">{words.ordersTitle}</h3>
      <p class="staff-note">{words.ordersNote}</p>
      <div class="staff-form staff-form--inline">
        <div class="staff-field">
          <label for="staff-orders-state">{words.filterState}</label>
          <select
            id="staff-orders-state"
            value={state}
            onChange={(e) => setState(e.currentTarget.value as WorkOrderState | '')}
          >
            <option value="">{words.allStates}</option>
            {(Object.keys(words.states) as WorkOrderState[]).map((s) => (
              <option key={s} value={s}>
                {words.states[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="staff-field">
          <label for="staff-orders-item">{words.filterItem}</label>
          <input
            id="staff-orders-item"
            type="search"
            value={item}
            onInput={(e) => setItem(e.currentTarget.value)}
          />
        </div>
        <div class="staff-field">
          <label for="staff-orders-day">{words.filterDate}</label>
          <input
            id="staff-orders-day"
            type="date"
            value={day}
            onInput={(e) => setDay(e.currentTarget.value)}
          />
        </div>
      </div>
      {rows.length === 0 ? (
        <p>{words.noOrders}</p>
      ) : shown.length === 0 ? (
        <p>{words.noMatch}</p>
      ) : (
        <StaffTable
          label={words.ordersTable}
          columns={[
            words.level,
            words.item,
            words.reasons,
            words.phone,
            words.opened,
            words.due,
            words.state,
            words.actions,
          ]}
        >
          {shown.map((row) => (
            <OrderLine
              key={row.order.id}
              row={row}
              today={today}
              current={row.order.id === selected}
              onSelect={() => onSelect(row.order.id)}
            />
          ))}
        </StaffTable>
      )}
      {chosen && (
        <OrderDetail
          key={chosen.order.id}
          row={chosen}
          onClose={() => onSelect(null)}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

function OrderLine({
  row,
  today,
  current,
  onSelect,
}: {
  row: OrderRow;
  today: CalendarDate;
  current: boolean;
  onSelect: () => void;
}) {
  const { services } = useConsole();
  const zone = services.config.hall.timeZone;
  const { order, rating, deadline } = row;
  return (
    <tr
      class={deadline === 'overdue' ? 'staff-overdue' : undefined}
      aria-current={current ? 'true' : undefined}
    >
      <th scope="row">{rating ? RATING_LEVEL_NAMES[rating.level] : words.noRating}</th>
      <td>
        {rating?.subject.title ?? words.none}
        {rating?.subject.itemCode && <span class="staff-code">{rating.subject.itemCode}</span>}
      </td>
      <td>{rating ? reasonsText(rating) : words.none}</td>
      <td>{rating ? (rating.callbackPhone ?? words.noPhone) : words.none}</td>
      <td>{hallDateTimeText(new Date(order.openedAt), zone)}</td>
      <td>
        {dateLabel(order.dueDate, 'zh-CN', { today })}
        {deadline === 'overdue' && (
          <>
            {' '}
            <strong class="staff-badge staff-badge--overdue">{words.overdue}</strong>
          </>
        )}
        {deadline === 'due-soon' && (
          <>
            {' '}
            <strong class="staff-badge">{words.dueSoon}</strong>
          </>
        )}
      </td>
      <td>{words.states[order.state]}</td>
      <td>
        <button
          type="button"
          class="staff-button staff-button--small"
          aria-label={words.handleLabel(describe(row, zone))}
          onClick={onSelect}
        >
          {words.handle}
        </button>
      </td>
    </tr>
  );
}

/**
 * The order chosen: what was done so far, and the forms for what comes next. A rule's refusal
 * is said under the forms; a saved step reads the list again and says so in the heading.
 */
function OrderDetail({
  row,
  onClose,
  onSaved,
}: {
  row: OrderRow;
  onClose: () => void;
  onSaved: (status: string) => void;
}) {
  const { services } = useConsole();
  const zone = services.config.hall.timeZone;
  const { order, rating } = row;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const what = describe(row, zone);

  /** Applies a rule to the order, keeps it and audits it; true when it was kept. */
  const save = async (
    step: Step,
    next: () => WorkOrder,
    added: (next: WorkOrder) => Record<string, unknown>,
  ): Promise<boolean> => {
    let changed: WorkOrder;
    try {
      changed = next();
    } catch (error) {
      setProblem(refusalText(error, step));
      return false;
    }
    setBusy(true);
    try {
      await services.admin.saveWorkOrder(changed);
    } catch (error) {
      console.error(`The work order could not be saved (${step})`, error);
      setProblem(words.saveFailed);
      setBusy(false);
      return false;
    }
    let auditFailed = false;
    try {
      await services.audit({
        action: 'work-order',
        subject: order.id,
        before: { state: order.state },
        after: { state: changed.state, ...added(changed) },
      });
    } catch (error) {
      console.error(`The work order change was not audited (${step})`, error);
      auditFailed = true;
    }
    setBusy(false);
    setProblem(auditFailed ? words.auditFailed : null);
    onSaved(words.done[step](what));
    return true;
  };

  const open = order.state !== 'closed';
  return (
    <section class="staff-review" aria-labelledby="staff-order-title">
      <h4 id="staff-order-title" tabIndex={-1} ref={heading}>
        {words.orderTitle(what)}
      </h4>
      <dl>
        <dt>{words.level}</dt>
        <dd>{rating ? RATING_LEVEL_NAMES[rating.level] : words.noRating}</dd>
        <dt>{words.reasons}</dt>
        <dd>{rating ? reasonsText(rating) : words.none}</dd>
        <dt>{words.phone}</dt>
        <dd>{rating?.callbackPhone ?? words.noPhone}</dd>
        <dt>{words.due}</dt>
        <dd>{dateLabel(order.dueDate, 'zh-CN', { year: true })}</dd>
        <dt>{words.state}</dt>
        <dd>{words.states[order.state]}</dd>
      </dl>
      <h5>{words.callBacksTitle}</h5>
      {order.callBacks.length === 0 ? (
        <p>{words.noCallBacks}</p>
      ) : (
        <ul>
          {order.callBacks.map((c, index) => (
            <li key={index}>
              {words.callBackLine(hallDateTimeText(new Date(c.at), zone), c.by, c.reached, c.note)}
            </li>
          ))}
        </ul>
      )}
      <NoteLine
        label={words.rectification}
        note={order.rectification}
        at={order.rectifiedAt}
        when={words.rectifiedAt}
        zone={zone}
      />
      <NoteLine
        label={words.closingNote}
        note={order.closingNote}
        at={order.closedAt}
        when={words.closedAt}
        zone={zone}
      />
      {open && (
        <>
          <CallBackForm
            key={`callback-${order.callBacks.length}`}
            busy={busy}
            onProblem={setProblem}
            onSubmit={(callBack) =>
              save(
                'callBack',
                () => withCallBack(order, callBack),
                (next) => ({ callBack: next.callBacks.at(-1) }),
              )
            }
          />
          {order.rectifiedAt === null && (
            <NoteForm
              id="staff-order-rectification"
              title={words.rectifyTitle}
              label={words.rectification}
              submit={words.saveRectification}
              busy={busy}
              onSubmit={(note) => {
                const at = services.now();
                return save(
                  'rectify',
                  () => rectified(order, note, at),
                  (next) => ({ rectification: next.rectification, rectifiedAt: next.rectifiedAt }),
                );
              }}
            />
          )}
          <NoteForm
            id="staff-order-closing"
            title={words.closeTitle}
            label={words.closingNote}
            submit={words.closeButton}
            busy={busy}
            onSubmit={(note) => {
              const at = services.now();
              return save(
                'close',
                () => closed(order, note, at),
                (next) => ({ closingNote: next.closingNote, closedAt: next.closedAt }),
              );
            }}
          />
        </>
      )}
      <p role="alert" class="staff-error">
        {problem}
      </p>
      <button type="button" class="staff-button" onClick={onClose}>
        {words.closeOrder}
      </button>
    </section>
  );
}

function CallBackForm({
  busy,
  onProblem,
  onSubmit,
}: {
  busy: boolean;
  onProblem: (problem: string | null) => void;
  onSubmit: (callBack: {
    at: string;
    by: string;
    reached: boolean;
    note: string;
  }) => Promise<boolean>;
}) {
  const { services } = useConsole();
  const [reached, setReached] = useState<boolean | null>(null);
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  return (
    <form
      class="staff-form"
      aria-labelledby="staff-callback-title"
      onSubmit={(event) => {
        event.preventDefault();
        // What the rules do not ask, the form does: a call-back says whether and by whom.
        if (reached === null) return onProblem(words.noReached);
        if (by.trim() === '') return onProblem(words.noBy);
        void onSubmit({ at: services.now().toISOString(), by: by.trim(), reached, note });
      }}
    >
      <h5 id="staff-callback-title">{words.callBacksTitle}</h5>
      <fieldset class="staff-field">
        <legend>{words.reached}</legend>
        {([true, false] as const).map((value) => (
          <label key={String(value)} class="staff-check-label">
            <input
              type="radio"
              name="staff-callback-reached"
              checked={reached === value}
              onChange={() => setReached(value)}
            />
            {value ? words.reachedYes : words.reachedNo}
          </label>
        ))}
      </fieldset>
      <div class="staff-field">
        <label for="staff-callback-by">{words.by}</label>
        <input
          id="staff-callback-by"
          type="text"
          maxLength={40}
          value={by}
          onInput={(e) => setBy(e.currentTarget.value)}
        />
      </div>
      <div class="staff-field">
        <label for="staff-callback-note">{words.said}</label>
        <textarea
          id="staff-callback-note"
          rows={3}
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="staff-button staff-button--primary" disabled={busy}>
        {words.saveCallBack}
      </button>
    </form>
  );
}

/** A form of one note: the rectification, or the closing note. */
function NoteForm({
  id,
  title,
  label,
  submit,
  busy,
  onSubmit,
}: {
  id: string;
  title: string;
  label: string;
  submit: string;
  busy: boolean;
  onSubmit: (note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  return (
    <form
      class="staff-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(note).then((saved) => saved && setNote(''));
      }}
    >
      <h5 id={`${id}-title`}>{title}</h5>
      <div class="staff-field">
        <label for={id}>{label}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="staff-button staff-button--primary" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

/**
 * The rules refuse by throwing an Error whose message says what to fix (for programmers);
 * staff read the Chinese sentence for it. A message not known here is logged and said plainly.
 */
function refusalText(error: unknown, step: Step): string {
  const message = error instanceof Error ? error.message : String(error);
  const refusal = refusalOf(message, step);
  if (refusal) return words.refusals[refusal];
  console.error(`The work order rules refused (${step})`, error);
  return words.refusedOther;
}

function refusalOf(message: string, step: Step): Refusal | null {
  if (/ is closed and cannot /.test(message)) return 'closed';
  if (/neither a call-back nor a rectification/.test(message)) return 'notFollowedUp';
  if (/already rectified/.test(message)) return 'alreadyRectified';
  if (/needs a note/.test(message))
    return step === 'callBack'
      ? 'noCallBackNote'
      : step === 'rectify'
        ? 'noRectification'
        : 'noClosingNote';
  return null;
}

function reasonsText(rating: Rating): string {
  const reasons = rating.reasons.map((r) => RATING_REASON_NAMES[r]).join('、');
  const other = rating.otherText ? words.otherText(rating.otherText) : '';
  return reasons + other || words.none;
}

/** The order in words, for its button, its heading and the outcome. */
function describe({ order, rating }: OrderRow, zone: string): string {
  const title = rating?.subject.title ?? words.noRating;
  return `${title} ${hallDateTimeText(new Date(order.openedAt), zone)}`;
}

// Code-point order, as the rules sort: the same on every kiosk.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function percentText(rate: number | null): string {
  return rate === null ? words.none : `${(rate * 100).toFixed(1)}%`;
}

const FLOW_NAMES = new Map(FLOWS.map((flow) => [flow.id, flow.title['zh-CN']]));

/** 统计: the counts and rates over every rating kept, and both CSV exports. */
function Figures({
  records,
  onOutcome,
}: {
  records: Records;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { services } = useConsole();
  const zone = services.config.hall.timeZone;
  const { ratings, offers, orders } = records;
  const figures = ratingFigures({ ratings, offers, orders, timeZone: zone });
  // byItem is keyed by item code, or by the flow where no item was done (取号): named by either.
  const itemTitles = new Map(
    ratings.flatMap((r) => (r.subject.itemCode ? [[r.subject.itemCode, r.subject.title]] : [])),
  );
  const itemName = (key: string) => itemTitles.get(key) ?? FLOW_NAMES.get(key) ?? key;

  const exportCsv = async (kind: 'ratings' | 'figures') => {
    const day = hallDateOf(services.now(), zone).replaceAll('-', '');
    const file = kind === 'ratings' ? `ratings-${day}.csv` : `rating-figures-${day}.csv`;
    try {
      const csv = kind === 'ratings' ? ratingsCsv(ratings, orders, zone) : figuresCsv(figures);
      downloadFile(file, csv, 'text/csv;charset=utf-8');
    } catch (error) {
      console.error(`The ${kind} CSV was not exported`, error);
      onOutcome({ problem: words.exportFailed, status: '' });
      return;
    }
    try {
      await services.audit({
        action: 'ratings-export',
        subject: file,
        before: null,
        after: { ratings: ratings.length, offers: offers.length, orders: orders.length },
      });
      onOutcome({ problem: null, status: words.exported(file) });
    } catch (error) {
      console.error(`The ${kind} export was not audited`, error);
      onOutcome({ problem: words.exportAuditFailed, status: words.exported(file) });
    }
  };

  return (
    <section aria-labelledby="staff-figures-title">
      <h3 id="staff-figures-title">{words.figuresTitle}</h3>
      <p class="staff-note">{words.figuresNote(figures.ratings, figures.offers, figures.orders)}</p>
      <div class="staff-actions">
        <button type="button" class="staff-button" onClick={() => void exportCsv('ratings')}>
          {words.exportRatings}
        </button>
        <button type="button" class="staff-button" onClick={() => void exportCsv('figures')}>
          {words.exportFigures}
        </button>
      </div>
      <StaffTable
        label={words.ratesTable}
        columns={[words.rateName, words.rateValue]}
        visibleCaption
      >
        {(Object.keys(words.rates) as (keyof typeof words.rates)[]).map((key) => (
          <tr key={key}>
            <th scope="row">{words.rates[key]}</th>
            <td>{percentText(figures[key])}</td>
          </tr>
        ))}
      </StaffTable>
      <StaffTable label={words.levelsTable} columns={[words.level, words.count]} visibleCaption>
        {RATING_LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{RATING_LEVEL_NAMES[level]}</th>
            <td>{figures.byLevel[level]}</td>
          </tr>
        ))}
      </StaffTable>
      {figures.ratings === 0 ? (
        <p>{words.noRatings}</p>
      ) : (
        <>
          <StaffTable label={words.itemsTable} columns={[words.item, words.count]} visibleCaption>
            {figures.byItem.map(({ key, count }) => (
              <tr key={key}>
                <th scope="row">
                  {itemName(key)}
                  <span class="staff-code">{key}</span>
                </th>
                <td>{count}</td>
              </tr>
            ))}
          </StaffTable>
          <StaffTable label={words.flowsTable} columns={[words.flow, words.count]} visibleCaption>
            {figures.byFlow.map(({ key, count }) => (
              <tr key={key}>
                <th scope="row">{FLOW_NAMES.get(key) ?? key}</th>
                <td>{count}</td>
              </tr>
            ))}
          </StaffTable>
        </>
      )}
    </section>
  );
}

/** A work order's rectification or closing: what was written, and when (hall time). */
function NoteLine(props: {
  label: string;
  note: string | null;
  at: string | null;
  when: (time: string) => string;
  zone: string;
}) {
  if (props.note === null) return null;
  return (
    <p>
      {props.label}：{props.note}
      {props.at && (
        <span class="staff-note">
          {' '}
          {props.when(hallDateTimeText(new Date(props.at), props.zone))}
        </span>
      )}
    </p>
  );
}
