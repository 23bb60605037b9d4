import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

/**
 * The hall's 管理 page (issue 15), built apart from the kiosk into dist-admin/: it reuses the
 * kiosk's staff console sections, but as an entry of the kiosk's own build it made the bundler
 * split the kiosk's start-up code into more, smaller (worse-compressing) chunks. The hall server
 * serves dist-admin/admin.html at /admin and its scripts under /admin-assets/ (never the kiosk's
 * /assets/). Same Content-Security-Policy as the kiosk.
 *
 * `npm run build:admin`, or `npx vite build --config kiosk-ui/hallAdmin/vite.config.ts`.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'budayang-admin-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [preact(), contentSecurityPolicy()],
  build: {
    outDir: here('../../dist-admin'),
    emptyOutDir: true,
    assetsDir: 'admin-assets',
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { admin: here('admin.html') } },
  },
});
