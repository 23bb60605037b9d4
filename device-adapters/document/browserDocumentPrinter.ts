import { DEFAULT_DEVICE_TIMEOUTS, svgDataUrl, type PrintDocument } from '../../domain';
import { DeviceError, type DeviceStatus, type Unsubscribe, type WaitOptions } from '../device';
import type { DocumentPrinter } from '../documentPrinter';
import { boundedPrint } from '../shared/boundedPrint';
import { PAPER_SHEETS, type PaperSheet } from './paperSizes';
import { pageOrientation } from './pageOrientation';
import type { PrinterStatusSource } from './printerStatusSource';

export interface BrowserDocumentPrinterOptions {
  /** The printer's status, if the terminal has a way to know it; without one it is always 'online'. */
  statusSource?: PrinterStatusSource;
  /** The page's document, in which the hidden print frame is built. */
  document?: Document;
  /** Bound of a print when the caller gives no timeoutMs. Default 120 s. */
  defaultTimeoutMs?: number;
}

/**
 * The A4 and licence-paper printer, through the browser's own print path: each document is put in
 * a hidden iframe of its own, built with DOM calls only (the kiosk enforces Trusted Types), one
 * <img> per page from an SVG data: URL, with an `@page` rule of the paper's size and the pages'
 * orientation (A4 portrait, A3 landscape, …) and no margin. It prints once every page image has
 * loaded, and the print is done at the frame's `afterprint`, which Chromium fires when the job has
 * gone to the spooler (under `--kiosk-printing`, with no dialog). It does not also take print()
 * returning as done: a print that never finishes must end in 'timeout', not pass as printed.
 *
 * The browser cannot see the printer. Without a status source the status is always 'online', a
 * print resolves when the browser has handed the job to the spooler, and a paper fault is not
 * known here at all; with one, its statuses are this printer's, and a fault while printing fails
 * the print.
 */
export class BrowserDocumentPrinter implements DocumentPrinter {
  readonly kind = 'document' as const;
  readonly #document: Document | undefined;
  readonly #source: PrinterStatusSource | undefined;
  readonly #defaultTimeoutMs: number;

  constructor(options: BrowserDocumentPrinterOptions = {}) {
    this.#document = options.document ?? globalThis.document;
    this.#source = options.statusSource;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_DEVICE_TIMEOUTS.documentPrintMs;
  }

  get status(): DeviceStatus {
    return this.#source?.status ?? 'online';
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#source?.onStatus(listener) ?? (() => undefined);
  }

  print(job: PrintDocument, options: WaitOptions = {}): Promise<void> {
    return boundedPrint(
      this,
      ({ resolve, reject }) => {
        const host = this.#document;
        if (!host?.body) {
          reject(
            new DeviceError('document', 'not-supported', 'there is no document to print from'),
          );
          return undefined;
        }
        if (job.pages.length === 0) {
          reject(
            new DeviceError('document', 'hardware-error', `'${job.title}' has no pages to print`),
          );
          return undefined;
        }

        const frame = host.createElement('iframe');
        let finished = false;
        const undo = () => {
          finished = true;
          frame.remove();
        };
        let images: HTMLImageElement[];
        try {
          images = this.#buildFrame(host, frame, job, PAPER_SHEETS[job.paper]);
        } catch (error) {
          reject(
            new DeviceError(
              'document',
              'hardware-error',
              `the print frame for '${job.title}' could not be built: ${error instanceof Error ? error.message : String(error)}`,
              { cause: error },
            ),
          );
          return undo;
        }
        Promise.all(images.map((image, index) => loaded(image, index))).then(
          () => {
            if (finished) return;
            const view = frame.contentWindow;
            if (!view) {
              reject(
                new DeviceError('document', 'hardware-error', 'the print frame has no window'),
              );
              return;
            }
            view.addEventListener('afterprint', () => resolve(), { once: true });
            try {
              view.print();
            } catch (error) {
              reject(
                new DeviceError('document', 'hardware-error', 'the browser refused to print', {
                  cause: error,
                }),
              );
            }
          },
          (error: unknown) =>
            reject(
              new DeviceError('document', 'hardware-error', `'${job.title}' could not be drawn`, {
                cause: error,
              }),
            ),
        );
        return undo;
      },
      options,
      this.#defaultTimeoutMs,
      {
        cancelledEarly: 'the print was cancelled before it started',
        cancelled: 'the print was cancelled',
        timeout: (timeoutMs) => `'${job.title}' was not printed within ${timeoutMs} ms`,
      },
    );
  }

  /** The hidden frame with one page image per page; returns the images, whose loading is awaited. */
  #buildFrame(
    host: Document,
    frame: HTMLIFrameElement,
    job: PrintDocument,
    sheet: PaperSheet,
  ): HTMLImageElement[] {
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, {
      position: 'fixed',
      right: '0',
      bottom: '0',
      width: '0',
      height: '0',
      border: '0',
    });
    host.body.append(frame);
    const doc = frame.contentDocument;
    if (!doc) throw new Error('the iframe has no document');
    doc.title = job.title;
    const style = doc.createElement('style');
    doc.head.append(style);
    const sheetRules = style.sheet;
    if (!sheetRules) throw new Error('the print frame has no style sheet');
    const orientation = pageOrientation(job.pages[0] ?? '');
    job.pages.forEach((page, index) => {
      if (pageOrientation(page) !== orientation) {
        throw new Error(
          `page ${index + 1} is not ${orientation} like page 1: a document prints on one orientation, so print the others as a document of their own`,
        );
      }
    });
    const [width, height] =
      orientation === 'portrait'
        ? [`${sheet.shortMm}mm`, `${sheet.longMm}mm`]
        : [`${sheet.longMm}mm`, `${sheet.shortMm}mm`];
    const rules = [
      // Millimetres rather than `${sheet.name} ${orientation}`: the same size, and every CSS engine reads it.
      `@page { size: ${width} ${height}; margin: 0 }`,
      'html, body { margin: 0; padding: 0 }',
      `img { display: block; width: ${width}; height: ${height}; break-after: page }`,
      'img:last-child { break-after: auto }',
    ];
    for (const rule of rules) sheetRules.insertRule(rule, sheetRules.cssRules.length);
    return job.pages.map((page, index) => {
      const image = doc.createElement('img');
      image.alt = `${job.title} ${index + 1}/${job.pages.length}`;
      image.src = svgDataUrl(page);
      doc.body.append(image);
      return image;
    });
  }
}

/** Resolves once the page image is decoded; an image that fails to load fails the print. */
function loaded(image: HTMLImageElement, index: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (image.complete && image.naturalWidth > 0) {
      resolve();
      return;
    }
    image.addEventListener('load', () => resolve(), { once: true });
    image.addEventListener('error', () => reject(new Error(`page ${index + 1} did not load`)), {
      once: true,
    });
  });
}
