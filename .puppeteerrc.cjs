/**
 * memlab (the leak detector in `npm run bench`) pulls in Puppeteer, whose install step would
 * download its own Chrome. These machines reach only the npm registry, and the benchmarks drive
 * Debian's Chromium through Playwright, so Puppeteer's browser is never needed.
 */
module.exports = { skipDownload: true };
