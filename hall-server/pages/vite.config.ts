import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The hall server's own pages (issue 15), built apart from the kiosk into dist-hall/:
 * display.html (叫号屏) and window.html (窗口). The hall server serves them at /display and
 * /window, and this folder's files at the root of its origin, so their scripts live under
 * /hall-assets/ and never meet the kiosk's /assets/ of dist/.
 *
 * `npm run build:hall`, or `npx vite build --config hall-server/pages/vite.config.ts`.
 */
export const HALL_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The rating QR is an SVG data URL.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // Nothing here writes HTML from strings: no Trusted Types policy is allowed at all.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'budayang-hall-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        // frame-ancestors is ignored in a meta tag: the server's header sets it, if at all.
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: HALL_PAGES_CSP.replace("; frame-ancestors 'none'", ''),
        },
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
    outDir: here('../../dist-hall'),
    emptyOutDir: true,
    assetsDir: 'hall-assets',
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { display: here('display.html'), window: here('window.html') },
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8080' } },
});
