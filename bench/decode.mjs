// QR decode time per camera frame, on the same frames, for each decoder the kiosk could use:
// html5-qrcode's core, the browser's BarcodeDetector, and zxing-wasm as CameraScanner uses it
// (on the page's thread, and in the kiosk's decode worker); at 1× and 6× CPU throttle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildPage, projectPlugins, row, serveStatic, summarize } from './common.mjs';

const SECTION = 'decode';

const DECODERS = [
  {
    id: 'html5-qrcode',
    label: 'html5-qrcode 2.3.8',
    how: 'its camera loop’s Html5QrcodeShim.decodeAsync(canvas): ZXing in JS, main thread',
  },
  {
    id: 'native',
    label: 'BarcodeDetector (native)',
    how: 'device-adapters/real/qrDecoders.ts nativeDecoder()',
  },
  {
    id: 'zxing-wasm',
    label: 'zxing-wasm, page thread',
    how: 'qrDecoders.ts zxingDecoder() called directly: decode time alone, tryHarder',
  },
  {
    id: 'zxing-wasm-worker',
    label: 'zxing-wasm in the kiosk’s worker',
    how: 'qrDecodeWorker.ts as browserCameraPlatform runs it: post the frame, await the texts',
    throttled:
      'CDP throttles the page’s thread only (checked: a busy loop in a worker runs as fast at 6× as at 1×), so ZXing decodes here at full speed; a 6× slower CPU would take ≈ 6× the 1× figure',
  },
];

/**
 * @param {import('./common.mjs').BenchContext} ctx
 * @returns {Promise<import('./common.mjs').BenchRow[]>}
 */
export async function run(ctx) {
  const repetitions = ctx.quick ? 2 : 5;
  const outDir = mkdtempSync(join(tmpdir(), 'budayang-decode-'));
  let server = null;
  try {
    // The kiosk's plugins, but not its CSP (this page compiles WebAssembly on its own thread,
    // which the kiosk does only in its worker) nor its service worker.
    const { plugins } = await projectPlugins({ without: ['vite-plugin-pwa', 'budayang-csp'] });
    await buildPage({ root: join(ROOT, 'bench', 'decode-page'), outDir, plugins });
    server = await serveStatic(outDir);
    const url = server.url;
    return await ctx.withThrottledPage(
      async (page, { setCpuRate }) => {
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${url}/`);
        await page
          .waitForFunction(() => globalThis.decodeBench !== undefined, null, { timeout: 30_000 })
          .catch(() => {
            throw new Error(`the decode page did not start: ${errors.join('; ') || 'no error'}`);
          });
        const info = await page.evaluate(() => ({
          frames: globalThis.decodeBench.frames,
          native: globalThis.decodeBench.hasBarcodeDetector,
        }));
        const qrFrames = info.frames.filter((f) => !f.startsWith('no qr')).length;
        const emptyFrames = info.frames.length - qrFrames;
        const rows = [];
        for (const rate of [1, 6]) {
          await setCpuRate(rate);
          for (const decoder of DECODERS) {
            const result = await page.evaluate(
              ([id, reps]) => globalThis.decodeBench.run(id, reps),
              [decoder.id, repetitions],
            );
            if (!result) {
              if (rate === 1)
                rows.push(
                  row(
                    SECTION,
                    `${decoder.label} · per frame`,
                    '—',
                    '',
                    info.native
                      ? 'BarcodeDetector exists but reads no qr_code here'
                      : 'unavailable on this platform: Chromium on Linux has no BarcodeDetector',
                  ),
                );
              continue;
            }
            const s = summarize(result.times);
            const read = result.frames.filter((f) => f.hasQr && f.read);
            const missed = result.frames.filter((f) => f.hasQr && !f.read).map((f) => f.name);
            const wrong = result.frames.filter((f) => f.wrong).map((f) => f.name);
            rows.push(
              row(
                SECTION,
                `${decoder.label} · ${rate}× · p50`,
                s.p50,
                'ms/frame',
                `p95 ${Math.round(s.p95)} ms, max ${Math.round(s.max)} ms; n=${s.n} (${info.frames.length} frames × ${repetitions}); ${rate > 1 && decoder.throttled ? decoder.throttled : decoder.how}`,
              ),
              row(
                SECTION,
                `${decoder.label} · ${rate}× · p95`,
                s.p95,
                'ms/frame',
                `${read.length}/${qrFrames} QR frames read${missed.length ? ` (missed: ${missed.join(', ')})` : ''}; ${wrong.length ? `wrong text on: ${wrong.join(', ')}` : `no false read on ${emptyFrames} frames without QR`}`,
              ),
            );
            if (rate === 1)
              rows.push(
                row(
                  SECTION,
                  `${decoder.label} · frames read`,
                  read.length,
                  `of ${qrFrames}`,
                  '640×480 frames of an appointment slip (BDY1:A:…, uqr, ecc M; sensor noise σ 4–10): near, tilted 10°, 45°, far, upside down, dim, glare+blur',
                ),
              );
          }
          const grab = await page.evaluate(
            (reps) => globalThis.decodeBench.run('grab', reps),
            repetitions * 3,
          );
          const g = summarize(grab.times);
          rows.push(
            row(
              SECTION,
              `camera frame grab, main thread · ${rate}× · p50`,
              g.p50,
              'ms/frame',
              `p95 ${Math.round(g.p95 * 10) / 10} ms; drawImage + getImageData 640×480, CameraScanner’s main-thread share of each frame`,
            ),
          );
        }
        if (errors.length > 0) throw new Error(`the decode page failed: ${errors.join('; ')}`);
        return rows;
      },
      { rate: 1, contextOptions: { viewport: { width: 800, height: 600 } } },
    );
  } finally {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
