import { expect, test } from '@playwright/test';
import { attractButton, openKiosk, placesHolding, wake } from './support';

const PLANTED = 'PLANTED-门诊-4401-9f3c';

test('after a timeout a string planted in the visit is found nowhere in the DOM or storage', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
  await openKiosk(page, { idle: '8' });
  await wake(page);
  await page.evaluate(async (planted) => {
    localStorage.setItem('citizen.lastCode', planted);
    sessionStorage.setItem('scan', planted);
    document
      .querySelector('main')
      ?.append(Object.assign(document.createElement('p'), { textContent: planted }));
    const input = document.createElement('input');
    input.value = planted;
    document.querySelector('main')?.append(input);
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('citizen-scratch', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('codes');
      open.onsuccess = () => {
        const tx = open.result.transaction('codes', 'readwrite');
        tx.objectStore('codes').put(planted, 'last');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    const cache = await caches.open('citizen-responses');
    await cache.put('/scratch', new Response(planted));
  }, PLANTED);
  await expect(page.getByText(PLANTED)).toBeVisible();
  // What devices bring: a scanned code, and a card read by a flow.
  expect(await page.evaluate((planted) => window.kioskSim?.scanner.scan(planted), PLANTED)).toBe(
    true,
  );
  await page.getByRole('button', { name: /^取号/ }).click();
  await page.getByRole('button', { name: /不动产登记/ }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('dot-name'));
  await expect(page.getByText('是否需要绿色通道优先办理？')).toBeVisible();
  const card = await page.evaluate(
    () => window.kioskSim?.persons.find((p) => p.id === 'dot-name')?.record,
  );

  await expect(attractButton(page)).toBeVisible({ timeout: 15_000 });

  await page.evaluate(() => window.kioskSim?.idCard.remove());
  const found = await placesHolding(page, PLANTED);
  expect(found).toEqual([]);
  // Nor anything of the card, in the kiosk's screen or its storage.
  const traces = await page.evaluate(
    async (secrets) => {
      const screen = document.getElementById('app')?.outerHTML ?? '';
      const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
      return secrets.filter((secret) => screen.includes(secret) || stored.includes(secret));
    },
    [card?.idNumber ?? 'missing', card?.name ?? 'missing', card?.address ?? 'missing'],
  );
  expect(traces).toEqual([]);
});
