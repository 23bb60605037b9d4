// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isDeviceError,
  type DeviceStatus,
  type Unsubscribe,
} from '../../../device-adapters/device';
import type { PrintDocument } from '../../../domain';
import { BrowserDocumentPrinter, PAPER_SHEETS } from '../../../device-adapters/document';
import { describeDocumentPrinterContract } from '../../contracts/documentPrinter.contract';

/** A printer's status as a local bridge would report it, set by the test. */
class FakeStatusSource {
  status: DeviceStatus = 'online';
  readonly #listeners = new Set<(status: DeviceStatus) => void>();
  set(status: DeviceStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

interface PrintedFrame {
  title: string;
  rules: string[];
  images: string[];
}

/**
 * The browser around the printer: jsdom neither loads images nor prints, so each print frame
 * appended to the page gets its images' load (or error) events and a print() that records the
 * frame and fires afterprint after `printMs`, as Chromium under --kiosk-printing does.
 */
function fakeBrowser(
  options: { printMs?: number; failImage?: boolean; printThrows?: boolean } = {},
) {
  const source = new FakeStatusSource();
  const frames: PrintedFrame[] = [];
  const state = { printed: 0, stalled: false, imagesLoad: true };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLIFrameElement)) continue;
        const view = node.contentWindow;
        const doc = node.contentDocument;
        if (!view || !doc) continue;
        view.print = () => {
          if (options.printThrows) throw new Error('printing is disabled');
          frames.push({
            title: doc.title,
            rules: [...(doc.styleSheets[0]?.cssRules ?? [])].map((rule) => rule.cssText),
            images: [...doc.images].map((image) => image.src),
          });
          if (state.stalled) return;
          setTimeout(() => {
            if (['online', 'paper-low', 'busy'].includes(source.status)) state.printed += 1;
            view.dispatchEvent(new Event('afterprint'));
          }, options.printMs ?? 40);
        };
        setTimeout(() => {
          if (!state.imagesLoad) return;
          for (const image of doc.images) {
            image.dispatchEvent(new Event(options.failImage ? 'error' : 'load'));
          }
        }, 5);
      }
    }
  });
  observer.observe(document.body, { childList: true });
  return { source, frames, state, stop: () => observer.disconnect() };
}

const PAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297"><text x="20" y="30">证明 #1</text></svg>';
const JOB: PrintDocument = { title: '证明', paper: 'A4', pages: [PAGE, PAGE], text: '证明' };

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  if (!isDeviceError(error)) throw new Error(`expected a DeviceError, got ${String(error)}`);
  expect(error.device).toBe('document');
  return { code: error.code, message: error.message };
}

const browsers: Array<{ stop: () => void }> = [];
function browser(options?: Parameters<typeof fakeBrowser>[0]) {
  const fake = fakeBrowser(options);
  browsers.push(fake);
  return fake;
}
afterEach(() => {
  for (const fake of browsers.splice(0)) fake.stop();
});

describeDocumentPrinterContract('browser print path with a status source', () => {
  const fake = browser();
  return {
    printer: new BrowserDocumentPrinter({ statusSource: fake.source }),
    paperLow: () => fake.source.set('paper-low'),
    paperOut: () => fake.source.set('paper-out'),
    jam: () => fake.source.set('jam'),
    coverOpen: () => fake.source.set('cover-open'),
    goOffline: () => fake.source.set('offline'),
    recover: () => fake.source.set('online'),
    stall: () => void (fake.state.stalled = true),
    printedCount: () => fake.state.printed,
    dispose: () => fake.stop(),
  };
});

describe('BrowserDocumentPrinter', () => {
  it('prints each page as an SVG data: image in a hidden frame, with an @page rule of the paper and no margin', async () => {
    const fake = browser();
    const printer = new BrowserDocumentPrinter();
    await printer.print(JOB, { timeoutMs: 1000 });
    expect(fake.frames).toHaveLength(1);
    const [frame] = fake.frames;
    expect(frame?.title).toBe('证明');
    expect(frame?.images).toEqual([
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(PAGE)}`,
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(PAGE)}`,
    ]);
    expect(frame?.rules.join('\n')).toMatch(
      /^@page\s*{\s*size: 210mm 297mm;\s*margin: 0(px)?;?\s*}/,
    );
    expect(frame?.rules.join('\n')).toContain('width: 210mm; height: 297mm');
    // The frame is gone once printed.
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('prints licence paper (营业执照正本) on A3, 297 × 420 mm, upright or lying as its pages are drawn', async () => {
    const fake = browser();
    expect(PAPER_SHEETS.licence).toEqual({ name: 'A3', shortMm: 297, longMm: 420 });
    expect(PAPER_SHEETS.A4).toEqual({ name: 'A4', shortMm: 210, longMm: 297 });
    const printer = new BrowserDocumentPrinter();
    const upright = PAGE.replace('width="210mm" height="297mm"', 'width="297mm" height="420mm"');
    await printer.print({ ...JOB, paper: 'licence', pages: [upright] }, { timeoutMs: 1000 });
    const lying = PAGE.replace('width="210mm" height="297mm"', 'width="420mm" height="297mm"');
    await printer.print({ ...JOB, paper: 'licence', pages: [lying] }, { timeoutMs: 1000 });
    expect(fake.frames.map((frame) => frame.rules.join('\n'))).toEqual([
      expect.stringMatching(/size: 297mm 420mm;[\s\S]*width: 297mm; height: 420mm/),
      expect.stringMatching(/size: 420mm 297mm;[\s\S]*width: 420mm; height: 297mm/),
    ]);
  });

  it('prints a landscape A4 page (营业执照副本) as A4 landscape (297 × 210 mm)', async () => {
    const fake = browser();
    const lying =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 297 210"><text>副本</text></svg>';
    await new BrowserDocumentPrinter().print({ ...JOB, pages: [lying] }, { timeoutMs: 1000 });
    expect(fake.frames[0]?.rules.join('\n')).toMatch(
      /size: 297mm 210mm;[\s\S]*width: 297mm; height: 210mm/,
    );
  });

  it("refuses pages of mixed orientation, or a page that is no sized SVG, with 'hardware-error' saying why", async () => {
    browser();
    const printer = new BrowserDocumentPrinter();
    const lying = PAGE.replace('width="210mm" height="297mm"', 'width="297mm" height="210mm"');
    expect(await rejection(printer.print({ ...JOB, pages: [PAGE, lying] }))).toEqual({
      code: 'hardware-error',
      message:
        "the print frame for '证明' could not be built: page 2 is not portrait like page 1: a document prints on one orientation, so print the others as a document of their own",
    });
    expect(await rejection(printer.print({ ...JOB, pages: ['<p>证明</p>'] }))).toEqual({
      code: 'hardware-error',
      message:
        "the print frame for '证明' could not be built: a page must be a standalone SVG document (<svg …>)",
    });
    expect(
      await rejection(
        printer.print({ ...JOB, pages: ['<svg xmlns="http://www.w3.org/2000/svg"/>'] }),
      ),
    ).toMatchObject({ message: expect.stringContaining('a page SVG needs width and height') });
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('builds a hidden frame, out of the accessibility tree, with one image per page and no script', async () => {
    const fake = browser();
    fake.state.imagesLoad = false;
    const printing = new BrowserDocumentPrinter().print(JOB, { timeoutMs: 50 });
    const frame = document.querySelector('iframe');
    expect(frame?.getAttribute('aria-hidden')).toBe('true');
    expect(frame?.style.width).toBe('0px');
    expect(frame?.contentDocument?.body.children).toHaveLength(2);
    expect(frame?.contentDocument?.querySelector('script')).toBeNull();
    await rejection(printing);
  });

  it("is 'online' without a status source, and never tells a change", () => {
    const printer = new BrowserDocumentPrinter();
    const seen: DeviceStatus[] = [];
    const unsubscribe = printer.onStatus((status) => seen.push(status));
    expect(printer.status).toBe('online');
    unsubscribe();
    expect(seen).toEqual([]);
  });

  it("waits for every page image: one that fails to load fails the print with 'hardware-error'", async () => {
    const fake = browser({ failImage: true });
    expect(await rejection(new BrowserDocumentPrinter().print(JOB, { timeoutMs: 1000 }))).toEqual({
      code: 'hardware-error',
      message: "'证明' could not be drawn",
    });
    expect(fake.frames).toEqual([]);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it("fails with 'hardware-error' when print() throws", async () => {
    browser({ printThrows: true });
    expect(await rejection(new BrowserDocumentPrinter().print(JOB, { timeoutMs: 1000 }))).toEqual({
      code: 'hardware-error',
      message: 'the browser refused to print',
    });
  });

  it("fails with 'timeout' when afterprint does not come within timeoutMs, and removes the frame", async () => {
    const fake = browser();
    fake.state.stalled = true;
    expect(await rejection(new BrowserDocumentPrinter().print(JOB, { timeoutMs: 60 }))).toEqual({
      code: 'timeout',
      message: "'证明' was not printed within 60 ms",
    });
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('uses defaultTimeoutMs when the caller gives none', async () => {
    const fake = browser();
    fake.state.stalled = true;
    const printer = new BrowserDocumentPrinter({ defaultTimeoutMs: 30 });
    expect(await rejection(printer.print(JOB))).toMatchObject({ code: 'timeout' });
  });

  it('cancels on an AbortSignal, also one aborted before the call', async () => {
    browser({ printMs: 200 });
    const printer = new BrowserDocumentPrinter();
    const controller = new AbortController();
    const printing = printer.print(JOB);
    const cancelled = printer.print(JOB, { signal: controller.signal });
    controller.abort();
    expect(await rejection(cancelled)).toMatchObject({ code: 'cancelled' });
    expect(await rejection(printer.print(JOB, { signal: controller.signal }))).toMatchObject({
      code: 'cancelled',
      message: 'the print was cancelled before it started',
    });
    await printing;
  });

  it('refuses a document without pages', async () => {
    expect(await rejection(new BrowserDocumentPrinter().print({ ...JOB, pages: [] }))).toEqual({
      code: 'hardware-error',
      message: "'证明' has no pages to print",
    });
  });

  it("refuses to print without a document to build the frame in ('not-supported')", async () => {
    const printer = new BrowserDocumentPrinter({
      document: document.implementation.createDocument(null, null),
    });
    expect(await rejection(printer.print(JOB))).toMatchObject({ code: 'not-supported' });
  });

  it('follows the status source, and stops telling a listener once unsubscribed', () => {
    const source = new FakeStatusSource();
    const printer = new BrowserDocumentPrinter({ statusSource: source });
    const seen: DeviceStatus[] = [];
    const unsubscribe = printer.onStatus((status) => seen.push(status));
    source.set('paper-low');
    expect(printer.status).toBe('paper-low');
    unsubscribe();
    source.set('online');
    expect(seen).toEqual(['paper-low']);
  });

  it("prints from the frame's window, never the kiosk page itself", async () => {
    browser();
    const pagePrint = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await new BrowserDocumentPrinter().print(JOB, { timeoutMs: 1000 });
    expect(pagePrint).not.toHaveBeenCalled();
    pagePrint.mockRestore();
  });
});
