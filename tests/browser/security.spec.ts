import { expect, test } from '@playwright/test';
import { openKiosk, wake } from './support';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the shipped page runs a visit under its CSP without a single violation', async ({ page }) => {
  await openKiosk(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /require-trusted-types-for 'script'/,
  );
  await wake(page);
  await page.getByRole('button', { name: /长者模式/ }).click();
  await page.getByRole('button', { name: /切换语言/ }).click();
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await violations(page)).toEqual([]);
});

test('eval, inline script and untrusted HTML are refused', async ({ page }) => {
  await openKiosk(page);
  // Run from a page task, not from the test's own evaluation, which DevTools exempts from CSP.
  const result = await page.evaluate(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          const attempt = (f: () => void) => {
            try {
              f();
              return 'allowed';
            } catch {
              return 'refused';
            }
          };
          resolve({
            eval: attempt(() => window.eval('1 + 1')),
            functionCtor: attempt(() => new Function('return 1')()),
            innerHTML: attempt(() => {
              document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>';
            }),
            scriptSrc: attempt(() => {
              document.createElement('script').src = 'https://example.com/x.js';
            }),
          });
        }),
      ),
  );
  expect(result).toEqual({
    eval: 'refused',
    functionCtor: 'refused',
    innerHTML: 'refused',
    scriptSrc: 'refused',
  });
  const inline = await page.evaluate(async () => {
    const script = document.createElement('script');
    let textContent = 'allowed';
    try {
      script.textContent = 'window.__inlineRan = true';
    } catch {
      textContent = 'refused';
    }
    // A text node slips past Trusted Types; the CSP must still refuse to run it.
    script.append(document.createTextNode('window.__inlineRan = true'));
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 50));
    return {
      textContent,
      ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
    };
  });
  expect(inline).toEqual({ textContent: 'refused', ran: false });
});
