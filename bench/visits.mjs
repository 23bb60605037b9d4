// Citizens' visits for the soak and leak benchmarks: each flow's visit is a short list of steps,
// played against the kiosk in Chromium with real (trusted) taps and the device simulator
// (`window.kioskSim`). A visit starts at attract and ends back there: by the goodbye screen's
// 完成, or, for an abandoned visit, by the idle timeout (open the kiosk with a short `?idle=`).
//
// A step is one of:
//   { tap: name }                  tap the button whose accessible name is `name` (a string is
//                                  matched exactly, a RegExp anywhere), waiting for it to appear
//   { tap: name, optional: true }  tap it if it appears before the next step's button (or, as
//                                  the last step, attract) does
//   { tap: [name, name…] }         tap whichever of these appears first (where a flow branches)
//   { card: personId }             put a test person's card on the reader; { card: null } takes it off
// A tap marked `peak: true` is where the visit holds the most of the citizen (a card read, a
// ticket, pictures): the leak benchmark takes its target heap snapshot just before that tap.
//
// Adding a flow is adding an entry to FLOWS.

/** The attract screen's one large button. */
export const ATTRACT = /轻触屏幕开始办理/;

/**
 * The test persons a visit rotates through: every valid card of the mock reader (the expired and
 * the two invalid ones are refused by design, and are not a visit that ends anywhere useful).
 */
export const PERSONS = [
  'adult',
  'dot-name',
  'rare-char',
  'foreign-long-name',
  'x-check',
  'minor-15',
  'senior-60',
  'elderly-70',
  'hk-permit',
  'tw-permit',
  'long-term',
];

/** The hall's queue services (public/kiosk.config.json), by their names on screen. */
export const SERVICES = ['商事登记', '税务办理', '社保医保', '不动产登记'];

/** Phone numbers typed on the keypad, one per person. */
const phoneOf = (i) => `139${String(10_000_000 + ((i * 7_919) % 90_000_000)).slice(0, 8)}`;

/**
 * @typedef {string | RegExp} Name
 * @typedef {{ tap: Name | Name[], optional?: boolean, peak?: boolean } | { card: string | null }} Step
 * @typedef {{ index: number, person: string, service: string, phone: string }} Visit
 */

/**
 * Each flow: its steps, and `walkAwayAfter`, how many of them an abandoned visit plays before the
 * citizen walks away (with a card read or pictures taken: what the idle wipe must clear).
 * @type {Record<string, { label: string, walkAwayAfter: number, steps: (visit: Visit) => Step[] }>}
 */
export const FLOWS = {
  queue: {
    label: '取号',
    walkAwayAfter: 3,
    steps: ({ person, service }) => [
      { tap: /^取号/ },
      { tap: new RegExp(`^${service}`) }, // its name, then its windows and whether it needs a card
      { card: person },
      // Asked only when the card does not already give priority (60 and over).
      { tap: '不需要，直接取号', optional: true },
      { tap: '完成', peak: true }, // the ticket: a new number, or the same one reprinted (补打)
      { tap: '不评价', optional: true }, // 好差评, offered once per item and visit
      { card: null },
      { tap: '完成' }, // goodbye
    ],
  },
  appointment: {
    label: '预约',
    walkAwayAfter: 4,
    steps: ({ person, service, phone }) => [
      { tap: /^预约/ },
      { tap: service },
      { tap: /^\d\d:\d\d–\d\d:\d\d · 余/ }, // the first slot with places left
      { card: person },
      ...[...phone].map((digit) => ({ tap: digit })),
      { tap: '下一步' },
      { tap: '确认预约', peak: true }, // card read, phone typed
      { tap: '完成' }, // 预约成功, or 您当天已预约该业务 (one per person, service and day)
      { card: null },
      // Goodbye after a booking; home after 已预约 (the flow ends without an outcome): 结束办理
      // there, then goodbye's 完成.
      { tap: ['完成', '结束办理'] },
      { tap: '完成', optional: true },
    ],
  },
  idCopy: {
    label: '身份证复印',
    walkAwayAfter: 3,
    steps: () => [
      { tap: /^身份证复印/ },
      { tap: '拍摄' },
      { tap: '拍摄' },
      { tap: '打印复印件', peak: true }, // both sides' pictures on screen
      { tap: '完成' },
      { tap: '不评价', optional: true },
      { tap: '完成' },
    ],
  },
  licencePrint: {
    label: '证照打印',
    walkAwayAfter: 3,
    // The cardholder's own 有房/无房证明: a new serial each time, so every visit prints (a
    // licence prints once per issuance and is refused after). The mock face check passes.
    steps: ({ index }) => [
      { tap: /^证照打印/ },
      { card: CERTIFICATE_HOLDERS[index % CERTIFICATE_HOLDERS.length] },
      { tap: /^不动产权属证明/ },
      { tap: '确认打印', peak: true }, // card read, face checked, the page previewed
      { tap: '完成' }, // 请取走您的证照
      { tap: '不评价', optional: true },
      { card: null },
      { tap: '完成' }, // goodbye
    ],
  },
  items: {
    label: '一证通办',
    walkAwayAfter: 3,
    steps: ({ index }) => [
      { tap: /^一证通办/ },
      { tap: '个人：刷身份证办理' },
      { card: CERTIFICATE_HOLDERS[index % CERTIFICATE_HOLDERS.length] },
      { tap: /个人社会保险参保证明打印/ },
      { tap: '打印办理结果', peak: true }, // card read, the item's result on screen
      { tap: '完成' },
      { tap: '不评价', optional: true },
      { card: null },
      { tap: '完成' }, // goodbye
    ],
  },
  guide: {
    label: '办事指南',
    walkAwayAfter: 3,
    steps: () => [
      { tap: /^办事指南/ },
      { tap: '不动产' }, // the department
      { tap: /^不动产登记/ },
      { tap: '打印一次性告知书', peak: true },
      { tap: '完成' },
      { tap: '完成' }, // goodbye
    ],
  },
  progress: {
    label: '进度查询',
    walkAwayAfter: 2,
    steps: ({ person }) => [
      { tap: /^进度查询/ },
      { tap: '刷身份证查看我的申请' },
      { card: person },
      { tap: '完成', peak: true }, // the person's applications on screen; back home
      { card: null },
      { tap: '结束办理' },
      { tap: '完成' }, // goodbye
    ],
  },
  realEstate: {
    label: '不动产查询',
    walkAwayAfter: 4,
    steps: () => [
      { tap: /^不动产查询/ },
      { tap: '朝阳区' },
      { tap: '建国路街道' },
      { tap: '建国路88号院' },
      { tap: '3号楼' },
      { tap: '2单元502' },
      { tap: '打印查询结果', peak: true }, // the result and its preview on screen
      { tap: '完成' }, // 请取走您的查询结果
      { tap: '完成' }, // goodbye
    ],
  },
};

/** Card holders of 证照打印's visits: adults with a resident ID card. */
const CERTIFICATE_HOLDERS = ['adult', 'senior-60', 'long-term'];

/** The default rotation of the soak and the leak benchmark: every flow the kiosk has. */
export const DEFAULT_FLOWS = [
  'queue',
  'appointment',
  'idCopy',
  'licencePrint',
  'realEstate',
  'items',
  'guide',
  'progress',
];

/** The n-th visit of a rotation over `flows`: its flow, person, service and phone. */
export function planVisit(n, flows = DEFAULT_FLOWS) {
  const flow = flows[n % flows.length];
  const round = Math.floor(n / flows.length);
  return {
    flow,
    visit: {
      index: n,
      person: PERSONS[round % PERSONS.length],
      service: SERVICES[(round + Math.floor(round / PERSONS.length)) % SERVICES.length],
      phone: phoneOf(round % PERSONS.length),
    },
  };
}

/** Thrown when a visit cannot go on: the step it waited at and what the screen showed. */
export class StuckVisit extends Error {
  constructor(flow, stepIndex, step, screen) {
    super(
      `${flow} visit stuck at step ${stepIndex} (${describeStep(step)}); screen: ${screen.title} [${screen.buttons.join(' | ')}]`,
    );
    this.flow = flow;
    this.stepIndex = stepIndex;
    this.step = describeStep(step);
    this.screen = screen;
  }
}

export function describeStep(step) {
  if ('card' in step) return step.card ? `card ${step.card}` : 'card off';
  const names = (Array.isArray(step.tap) ? step.tap : [step.tap]).map((n) =>
    n instanceof RegExp ? n.source : n,
  );
  return `tap ${names.join(' or ')}${step.optional ? ' (optional)' : ''}`;
}

const encode = (name) =>
  name instanceof RegExp ? { source: name.source, flags: name.flags } : { exact: name };

/**
 * In the page: waits (up to `timeout` ms) until a visible, enabled button matches one of `specs`,
 * and returns which one and where its centre is. Before looking, it waits for the previous tap's
 * effect (the first DOM change after it), so that a button the tap is about to replace (完成
 * and the goodbye screen's 完成) is not tapped twice. Before returning it arms that watch for
 * the tap the caller is about to make.
 */
function findButtonInPage({ specs, timeout }) {
  const g = /** @type {Record<string, any>} */ (globalThis);
  const doc = g.document;
  const started = g.performance.now();
  const OBSERVED = { subtree: true, childList: true, characterData: true, attributes: true };
  const nameOf = (el) =>
    (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const matches = (spec, name) =>
    'exact' in spec ? name === spec.exact : new RegExp(spec.source, spec.flags).test(name);
  // Seen as a finger sees it: laid out and not hidden (attract lays out home once, unseen and
  // inert, in its first idle second: those buttons have boxes but cannot be touched).
  const usable = (el) =>
    !el.disabled &&
    el.getAttribute('aria-disabled') !== 'true' &&
    el.getClientRects().length > 0 &&
    !el.closest('[inert]') &&
    el.checkVisibility({ visibilityProperty: true });
  const find = () => {
    const buttons = [...doc.querySelectorAll('button, [role="button"]')].filter(usable);
    for (let i = 0; i < specs.length; i++) {
      const el = buttons.find((b) => matches(specs[i], nameOf(b)));
      if (el) return { i, el };
    }
    return null;
  };
  const root = doc.getElementById('app') ?? doc.body;
  // What a tap does shows as nodes or text that change, or the tapped button becoming disabled.
  // Other attributes change at once, before the tap has been handled (the staff notice's
  // `hidden`, the top bar's buttons disabled while a device works), and would let the next step
  // find the same button again (身份证复印's 拍摄 for the front, tapped again as the back's).
  const arm = (tapped) => {
    const watch = { changed: false, at: g.performance.now(), observer: null };
    watch.observer = new g.MutationObserver((records) => {
      if (!records.some((r) => r.type !== 'attributes' || r.target === tapped)) return;
      watch.changed = true;
      watch.observer.disconnect();
      watch.wake?.();
    });
    watch.observer.observe(root, { ...OBSERVED, attributeFilter: ['disabled', 'aria-disabled'] });
    g.__visitTap = watch;
  };
  // Waits until `listen` calls its `done`, or `ms`. Frames are asked for meanwhile, as a display
  // that refreshes would: headless Chromium draws none for a still screen, and without frames it
  // gives the page no idle time, which OffscreenCanvas.convertToBlob (the mock camera's JPEG)
  // waits for, 1 s and then 5 s more (CanvasAsyncBlobCreator's timeouts).
  const waitWithFrames = (ms, listen) =>
    new Promise((resolve) => {
      let frame = 0;
      const timer = g.setTimeout(() => done(), Math.max(0, ms));
      const tick = () => {
        frame = g.requestAnimationFrame(tick);
      };
      const stop = listen(() => done());
      const done = () => {
        stop();
        g.clearTimeout(timer);
        g.cancelAnimationFrame(frame);
        resolve(undefined);
      };
      tick();
    });
  // Any DOM change under the kiosk's root, or `ms`.
  const nextChange = (ms) =>
    waitWithFrames(ms, (done) => {
      const observer = new g.MutationObserver(done);
      observer.observe(root, OBSERVED);
      return () => observer.disconnect();
    });
  // The armed tap showing its effect, or `ms`.
  const tapTaken = (watch, ms) =>
    waitWithFrames(ms, (done) => {
      watch.wake = done;
      return () => {
        watch.wake = null;
      };
    });
  return (async () => {
    const armed = g.__visitTap;
    if (armed) {
      if (!armed.changed) await tapTaken(armed, 1000 - (g.performance.now() - armed.at));
      armed.observer.disconnect();
      g.__visitTap = null;
    }
    for (;;) {
      const hit = find();
      if (hit) {
        const rect0 = hit.el.getBoundingClientRect();
        if (rect0.top < 0 || rect0.bottom > g.innerHeight)
          hit.el.scrollIntoView({ block: 'center' });
        const rect = hit.el.getBoundingClientRect();
        arm(hit.el);
        return { index: hit.i, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      const left = timeout - (g.performance.now() - started);
      if (left <= 0) {
        const title = doc.querySelector('h1')?.textContent?.trim() ?? '';
        const names = [...doc.querySelectorAll('#app button')].filter(usable).map(nameOf);
        return { index: -1, screen: { title, buttons: names.slice(0, 12) } };
      }
      // A button can become usable without a DOM change (a style); look again now and then.
      await nextChange(Math.min(left, 250));
    }
  })();
}

/** Forgets an armed tap watch (after a tap that was not made, or before a fresh start). */
export const disarm = (page) =>
  page.evaluate(() => {
    const g = /** @type {Record<string, any>} */ (globalThis);
    g.__visitTap?.observer?.disconnect();
    g.__visitTap = null;
  });

/**
 * Waits for the first of `names` to be tappable; returns its index and centre, or the screen
 * (title and buttons) when none appeared within `timeout`.
 */
export function findButton(page, names, timeout) {
  return page.evaluate(findButtonInPage, { specs: names.map(encode), timeout });
}

async function tapAt(page, point) {
  await page.mouse.click(point.x, point.y);
}

async function setCard(page, person) {
  await page.evaluate((p) => {
    const sim = /** @type {any} */ (globalThis).kioskSim;
    if (!sim) throw new Error('window.kioskSim is missing: open the kiosk with ?devices=mock');
    if (p) sim.idCard.insert(p);
    else sim.idCard.remove();
  }, person);
}

/**
 * Opens the kiosk at `url` and waits for attract. `now` (local ISO time) moves the page's Date
 * there (and only Date: timers run at their real pace), so 取号 meets office hours.
 */
export async function openKiosk(page, url, { now, timeout = 30_000 } = {}) {
  if (now) await page.addInitScript(moveDate, now);
  await page.goto(url);
  const found = await findButton(page, [ATTRACT], timeout);
  if (found.index !== 0) throw new Error(`the kiosk did not reach attract at ${url}`);
  await disarm(page);
}

/** In the page, before its scripts: Date (and only Date) starts at `now` and runs on from there. */
function moveDate(now) {
  const g = /** @type {Record<string, any>} */ (globalThis);
  const NativeDate = g.Date;
  const offset = new NativeDate(now).getTime() - NativeDate.now();
  class MovedDate extends NativeDate {
    constructor(...args) {
      if (args.length === 0) super(NativeDate.now() + offset);
      else super(...args);
    }
    static now() {
      return NativeDate.now() + offset;
    }
  }
  g.Date = MovedDate;
}

/**
 * Plays one visit of `flow` from attract back to attract. With `abandonAfter` the citizen walks
 * away after that many steps and the idle timeout (`idleMs`, as the kiosk was opened with) ends
 * the visit. Throws StuckVisit when a step's button does not appear within `stepTimeout`.
 * @returns {Promise<{ ms: number, taps: number }>}
 */
export async function playVisit(
  page,
  flow,
  visit,
  { stepTimeout = 10_000, abandonAfter = null, idleMs = 10_000, trace = null, atPeak = null } = {},
) {
  const definition = FLOWS[flow];
  if (!definition) throw new Error(`no flow '${flow}' in bench/visits.mjs: ${Object.keys(FLOWS)}`);
  const all = [{ tap: ATTRACT }, ...definition.steps(visit)];
  const steps = abandonAfter === null ? all : all.slice(0, abandonAfter + 1);
  const t0 = Date.now();
  let taps = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    trace?.push({ step: describeStep(step), at: Date.now() - t0 });
    if ('card' in step) {
      await setCard(page, step.card);
      continue;
    }
    const own = Array.isArray(step.tap) ? step.tap : [step.tap];
    const next = step.optional
      ? (steps.slice(i + 1).find((s) => 'tap' in s) ?? { tap: ATTRACT })
      : undefined;
    const names = next ? [...own, ...[next.tap].flat()] : own;
    let found = await findButton(page, names, stepTimeout);
    if (found.index < 0) throw new StuckVisit(flow, i, step, found.screen);
    if (step.peak && atPeak && found.index < own.length) {
      await disarm(page);
      await atPeak();
      found = await findButton(page, names, stepTimeout);
      if (found.index < 0) throw new StuckVisit(flow, i, step, found.screen);
    }
    if (found.index >= own.length) {
      // The optional button did not come; the next step's did. It is tapped in its own turn.
      await disarm(page);
      continue;
    }
    await tapAt(page, found);
    taps += 1;
  }
  const home = await findButton(page, [ATTRACT], abandonAfter === null ? stepTimeout : idleMs);
  if (home.index !== 0)
    throw new StuckVisit(flow, steps.length, { tap: ATTRACT }, home.screen ?? {});
  await disarm(page);
  if (abandonAfter !== null) await setCard(page, null);
  return { ms: Date.now() - t0, taps };
}

/**
 * After a stuck visit: waits for the idle timeout to bring attract back, takes any card off, and
 * reloads the kiosk if attract still does not come. Tells which it took.
 */
export async function recover(page, url, idleMs) {
  await disarm(page).catch(() => {});
  await setCard(page, null).catch(() => {});
  const home = await findButton(page, [ATTRACT], idleMs + 5_000).catch(() => ({ index: -1 }));
  if (home.index === 0) {
    await disarm(page);
    return 'idle timeout';
  }
  await page.goto(url);
  const again = await findButton(page, [ATTRACT], 30_000);
  if (again.index !== 0) throw new Error('the kiosk did not come back to attract after a reload');
  await disarm(page);
  return 'reload';
}

/**
 * Empties the tester's tray of printed paper: the mock printers keep every printed page for the
 * simulator panel, which a soak must not count as the kiosk's. The panel's 清空 button would do,
 * but opening the panel draws every page (SVG images Blink then caches), so the tray is emptied
 * through the debugger instead: `cdp` finds the mock controls (the object with a `clearPrinted`
 * method; `window.kioskSim` does not offer it) once per page and calls it.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function emptyTray(cdp) {
  let controls = trayControls.get(cdp);
  if (!controls) {
    controls = await findObject(
      cdp,
      'bench-tray',
      `(o) => typeof own(o, 'clearPrinted') === 'function' && typeof own(o, 'printed') === 'function'`,
    );
    if (!controls)
      throw new Error('the mock controls (clearPrinted) were not found: is this ?devices=mock?');
    trayControls.set(cdp, controls);
  }
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: controls,
    returnByValue: true,
    functionDeclaration:
      'function () { const n = this.printed().length; this.clearPrinted(); return n; }',
  });
  return /** @type {number} */ (result.value);
}

const trayControls = new WeakMap();

/**
 * Finds one object of the page's heap through the debugger (Runtime.queryObjects over everything
 * that inherits from Object.prototype), by a test on its own data properties: `test` is the
 * source of `(o) => boolean`, with `own(o, key)` in scope. Keeps the object in `group` (it is
 * alive anyway) and returns its remote id, or null.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function findObject(cdp, group, test) {
  const scratch = 'bench-query';
  try {
    const proto = await cdp.send('Runtime.evaluate', {
      expression: 'Object.prototype',
      objectGroup: scratch,
    });
    const all = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: proto.result.objectId,
      objectGroup: scratch,
    });
    const found = await cdp.send('Runtime.callFunctionOn', {
      objectId: all.objects.objectId,
      objectGroup: group,
      functionDeclaration: `function () {
        const own = (o, k) => {
          try {
            const d = Object.getOwnPropertyDescriptor(o, k);
            return d && 'value' in d ? d.value : undefined;
          } catch { return undefined; }
        };
        const test = ${test};
        return this.find((o) => { try { return test(o); } catch { return false; } }) ?? null;
      }`,
    });
    return found.result.objectId ?? null;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: scratch });
  }
}
