// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DeviceStatus, Unsubscribe } from '../../../device-adapters';
import { BrowserDocumentPrinter } from '../../../device-adapters/real/browserDocumentPrinter';
import { describeDocumentPrinterContract } from '../../contracts/documentPrinter.contract';

/** A printer's status as a local source would report it, set by the test. */
class FakeStatusSource {
  status: DeviceStatus = 'online';
  #listeners = new Set<(s: DeviceStatus) => void>();
  set(status: DeviceStatus) {
    this.status = status;
    for (const l of [...this.#listeners]) l(status);
  }
  onStatus(listener: (s: DeviceStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function world() {
  const source = new FakeStatusSource();
  let printed = 0;
  let stalled = false;
  const frames: Array<{ images: string[]; rules: string }> = [];
  const printer = new BrowserDocumentPrinter({
    statusSource: source,
    // jsdom decodes no images: the pages count as drawn once they are in the frame.
    pagesDrawn: async (frame) => expect(frame.images.length).toBeGreaterThan(0),
    print: (frame) => {
      frames.push({
        images: [...frame.document.images].map((image) => image.src),
        rules: [...(frame.document.styleSheets[0]?.cssRules ?? [])].map((r) => r.cssText).join(' '),
      });
      if (stalled) return new Promise<void>(() => {});
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (['online', 'paper-low', 'busy'].includes(source.status)) printed += 1;
          resolve();
        }, 50),
      );
    },
  });
  return {
    printer,
    source,
    frames,
    printedCount: () => printed,
    stall: () => void (stalled = true),
  };
}

describeDocumentPrinterContract('browser print', () => {
  const w = world();
  return {
    printer: w.printer,
    paperLow: () => w.source.set('paper-low'),
    paperOut: () => w.source.set('paper-out'),
    jam: () => w.source.set('jam'),
    coverOpen: () => w.source.set('cover-open'),
    goOffline: () => w.source.set('offline'),
    recover: () => w.source.set('online'),
    stall: w.stall,
    printedCount: w.printedCount,
    dispose: () => {},
  };
});

describe('BrowserDocumentPrinter', () => {
  it('prints from an isolated frame sized for the paper, one image per page, and removes it after', async () => {
    const w = world();
    const page = '<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="420mm"/>';
    await w.printer.print({
      title: '营业执照',
      paper: 'licence',
      pages: [page, page],
      text: '营业执照',
    });
    const frame = w.frames[0];
    expect(frame?.images).toHaveLength(2);
    expect(frame?.images[0]).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(frame?.rules).toContain('297mm 420mm');
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('without a status source it is online and says so', () => {
    expect(new BrowserDocumentPrinter({ print: () => {}, pagesDrawn: async () => [] }).status).toBe(
      'online',
    );
  });
});
