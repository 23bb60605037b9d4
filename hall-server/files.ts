/**
 * What the hall server serves beside the API, on the same origin (so pages and kiosks talk to
 * /api with `connect-src 'self'`):
 * - the hall pages built into dist-hall/ (`npm run build:hall`): 叫号屏 at /display, 窗口 at /window;
 * - the kiosk's production build (dist/, `npm run build`) at /;
 * - the hall's 管理 page, built apart into dist-admin/ (`npm run build:admin`), at /admin;
 * - GET /kiosk.config.json: public/kiosk.config.json plus `hallServer: { url: '/', token:
 *   'demo-kiosk-01' }`, so a kiosk page loaded from here uses this hall (the demo hall's token,
 *   demo only; `?kiosk=kiosk-02` picks another demo kiosk).
 * A build that is missing gets a page saying which command makes it, not a bare 404.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { demoKioskToken } from './auth';

export interface FilesOptions {
  /** The project folder (holds public/, dist/ and dist-hall/). */
  root: string;
  kioskDist?: string;
  hallDist?: string;
  adminDist?: string;
}

function missingBuildPage(what: string, command: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${what}</title>
<body style="font:20px/1.6 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em">
<h1>${what}尚未构建 · not built yet</h1>
<p>请在项目目录运行 <code>${command}</code>，然后刷新本页。</p>
<p>Run <code>${command}</code> in the project folder, then reload this page.</p>
<p>接口 API: <a href="/api/health">/api/health</a></p></body></html>`;
}

export function mountFiles(app: Hono, options: FilesOptions): void {
  const kioskDist = options.kioskDist ?? join(options.root, 'dist');
  const hallDist = options.hallDist ?? join(options.root, 'dist-hall');
  const adminDist = options.adminDist ?? join(options.root, 'dist-admin');
  const configFile = join(options.root, 'public', 'kiosk.config.json');

  app.get('/kiosk.config.json', async (c) => {
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    c.header('Cache-Control', 'no-cache');
    return c.json({ ...config, hallServer: { url: '/', token: demoKioskToken('kiosk-01') } });
  });

  for (const page of ['display', 'window'] as const) {
    const file = join(hallDist, `${page}.html`);
    const handler = serveStatic({ path: file });
    app.get(`/${page}`, async (c, next) => {
      if (!existsSync(file))
        return c.html(
          missingBuildPage(page === 'display' ? '叫号屏' : '窗口', 'npm run build:hall'),
          503,
        );
      c.header('Cache-Control', 'no-cache');
      return handler(c, next);
    });
    app.get(`/${page}/`, (c) => c.redirect(`/${page}`, 301));
  }

  // 管理: the staff console for the whole hall, built apart from the kiosk.
  const adminFile = join(adminDist, 'admin.html');
  const adminPage = serveStatic({ path: adminFile });
  app.get('/admin', async (c, next) => {
    if (!existsSync(adminFile))
      return c.html(missingBuildPage('大厅管理页', 'npm run build:admin'), 503);
    c.header('Cache-Control', 'no-cache');
    return adminPage(c, next);
  });
  app.get('/admin/', (c) => c.redirect('/admin', 301));

  app.get('/', async (c, next) => {
    if (!existsSync(join(kioskDist, 'index.html')))
      return c.html(missingBuildPage('自助终端页面', 'npm run build'), 503);
    c.header('Cache-Control', 'no-cache');
    return next();
  });
  // The hall pages' and 管理's assets first, then the kiosk's (hashed names: they do not clash). Each is
  // looked for on every request, so a build made while the server runs is served at once.
  for (const dist of [hallDist, adminDist, kioskDist]) {
    let files: MiddlewareHandler | null = null;
    app.use('/*', (c, next) => {
      if (!existsSync(dist)) return next();
      files ??= serveStatic({ root: dist });
      return files(c, next);
    });
  }
}
