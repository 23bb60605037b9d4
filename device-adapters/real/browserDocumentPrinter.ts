import { DeviceError, type DeviceStatus, type Unsubscribe, type WaitOptions } from '../device';
import type { DocumentPrinter, PaperSize, PrintDocument } from '../documentPrinter';
import { bounded } from './bounded';
import { StatusCell } from './statusCell';

/** Paper sizes in millimetres: A4, and licence paper (营业执照正本 is printed on A3-sized stock). */
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  licence: { width: 297, height: 420 },
};

function pagesDrawn(frame: Document): Promise<unknown> {
  return Promise.all(
    [...frame.images].map(
      (image) =>
        new Promise<void>((ok, fail) => {
          if (image.complete && image.naturalWidth > 0) return ok();
          image.addEventListener('load', () => ok(), { once: true });
          image.addEventListener('error', () => fail(new Error('a page image did not load')), {
            once: true,
          });
        }),
    ),
  );
}

/** Where the printer's paper status comes from, when the terminal has a way to know it. */
export interface PrinterStatusSource {
  readonly status: DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
}

/**
 * The A4/licence printer through the browser's own print path, silent under Chromium's
 * `--kiosk-printing`. Each document is printed from an isolated, hidden iframe built with DOM
 * calls only (the page enforces Trusted Types): one <img> per page from an SVG data: URL.
 * The browser cannot see the paper: without a status source the status is 'online', and a
 * paper fault is only known if the source reports it.
 */
export class BrowserDocumentPrinter implements DocumentPrinter {
  readonly kind = 'document' as const;
  readonly #status: StatusCell;
  readonly #document: Document;
  readonly #print: (frame: Window) => Promise<void> | void;
  readonly #pagesDrawn: (frame: Document) => Promise<unknown>;

  constructor(
    options: {
      statusSource?: PrinterStatusSource;
      document?: Document;
      /** How a ready frame is printed; the browser's print() unless a test stands in. */
      print?: (frame: Window) => Promise<void> | void;
      /** Resolves when every page image is drawn; tests without image decoding stand in. */
      pagesDrawn?: (frame: Document) => Promise<unknown>;
    } = {},
  ) {
    this.#document = options.document ?? document;
    this.#print = options.print ?? ((frame) => frame.print());
    this.#pagesDrawn = options.pagesDrawn ?? pagesDrawn;
    this.#status = new StatusCell(options.statusSource?.status ?? 'online');
    options.statusSource?.onStatus((status) => this.#status.set(status));
  }

  get status(): DeviceStatus {
    return this.#status.value;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#status.subscribe(listener);
  }

  print(job: PrintDocument, options?: WaitOptions): Promise<void> {
    return bounded<undefined>(
      'document',
      ({ resolve, reject }) => {
        const blocking = ['offline', 'paper-out', 'jam', 'cover-open', 'hardware-error'] as const;
        const status = this.status;
        if ((blocking as readonly string[]).includes(status)) {
          reject(
            new DeviceError(
              'document',
              status as (typeof blocking)[number],
              `the document printer is ${status}`,
            ),
          );
          return;
        }
        const frame = this.#buildFrame(job);
        const frameDocument = frame.contentDocument;
        const frameWindow = frame.contentWindow;
        if (!frameDocument || !frameWindow) {
          frame.remove();
          reject(new DeviceError('document', 'hardware-error', 'the print frame has no document'));
          return;
        }
        this.#pagesDrawn(frameDocument).then(
          // print() returns once the (silent) print is handed to the spooler.
          () =>
            Promise.resolve()
              .then(() => this.#print(frameWindow))
              .then(
                () => resolve(undefined),
                (error: unknown) =>
                  reject(
                    new DeviceError('document', 'hardware-error', 'the browser refused to print', {
                      cause: error,
                    }),
                  ),
              ),
          (error: unknown) =>
            reject(
              new DeviceError('document', 'hardware-error', 'a page could not be drawn', {
                cause: error,
              }),
            ),
        );
        const offStatus = this.onStatus((now) => {
          if ((blocking as readonly string[]).includes(now)) {
            reject(
              new DeviceError(
                'document',
                now as (typeof blocking)[number],
                `the document printer became ${now}`,
              ),
            );
          }
        });
        return () => {
          offStatus();
          frame.remove();
        };
      },
      options,
      90_000,
    );
  }

  #buildFrame(job: PrintDocument): HTMLIFrameElement {
    const frame = this.#document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, {
      position: 'fixed',
      width: '0',
      height: '0',
      border: '0',
      visibility: 'hidden',
    });
    this.#document.body.append(frame);
    const doc = frame.contentDocument;
    if (!doc) return frame;
    const paper = PAPER_MM[job.paper];
    doc.title = job.title;
    const style = doc.createElement('style');
    doc.head.append(style);
    style.sheet?.insertRule(`@page { size: ${paper.width}mm ${paper.height}mm; margin: 0 }`);
    style.sheet?.insertRule('body { margin: 0 }');
    style.sheet?.insertRule(
      `img { display: block; width: ${paper.width}mm; height: ${paper.height}mm; break-after: page }`,
    );
    for (const page of job.pages) {
      const image = doc.createElement('img');
      image.alt = job.title;
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(page)}`;
      doc.body.append(image);
    }
    return frame;
  }
}
