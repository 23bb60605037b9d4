// The precache manifest vite-plugin-pwa injects into the service worker at build time.
interface ServiceWorkerGlobalScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
}
