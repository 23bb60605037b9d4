import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built kiosk: no inline script, no eval, Trusted Types
 * required (our one policy, `budayang`, vouches only for same-origin script URLs). The dev
 * server goes without, since hot reload injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  // The local device bridge (docs/device-bridge.md) listens on the loopback address.
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types budayang default',
].join('; ');

/** The hall server to proxy /api and /kiosk.config.json to; set by scripts/start.mjs only. */
const HALL_PROXY = process.env.BUDAYANG_HALL_PROXY;

function contentSecurityPolicy(): Plugin {
  return {
    name: 'budayang-csp',
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

export default defineConfig({
  plugins: [
    preact(),
    contentSecurityPolicy(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'kiosk-ui',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      manifest: {
        name: '不打烊 · 政务服务自助终端',
        short_name: '不打烊',
        description: '7×24小时不打烊政务服务自助终端 · 24/7 government self-service kiosk',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#0b4f8a',
        theme_color: '#0b4f8a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
    }),
  ],
  // The manifest (dist/.vite/manifest.json) tells the size benchmark which chunk loads which.
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // Chromium, the only browser a terminal runs, preloads modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The pure layers and the flow modules do nothing on import (a machine definition is a
      // value), so what the entry does not use stays out of it even when a barrel re-exports it.
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/](domain|machines|stores)[\\/].*\.tsx?$/, sideEffects: false },
          { test: /[\\/]kiosk-ui[\\/](flows|steps)[\\/].*\.tsx?$/, sideEffects: false },
        ],
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // `npm start` (scripts/start.mjs) runs the hall server beside the dev server: the kiosk then
    // reaches it at its own origin, as it does when the hall server serves the kiosk's build.
    proxy: HALL_PROXY ? { '/api': HALL_PROXY, '/kiosk.config.json': HALL_PROXY } : undefined,
  },
  preview: { host: '127.0.0.1' },
});
