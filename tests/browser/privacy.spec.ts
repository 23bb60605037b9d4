import { expect, test } from '@playwright/test';
import { attractButton, openKiosk, wake } from './support';

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
  const found = await page.evaluate(async (planted) => {
    const places: string[] = [];
    if (document.documentElement.outerHTML.includes(planted)) places.push('DOM');
    if (
      [...document.querySelectorAll('input, textarea')].some((el) =>
        (el as HTMLInputElement).value.includes(planted),
      )
    )
      places.push('input values');
    if (JSON.stringify({ ...localStorage }).includes(planted)) places.push('localStorage');
    if (JSON.stringify({ ...sessionStorage }).includes(planted)) places.push('sessionStorage');
    // The kiosk keeps its own databases (the queue store); none may hold the planted string.
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (JSON.stringify(values).includes(planted)) places.push(`IndexedDB ${name}/${store}`);
      }
      db.close();
      if (name === 'citizen-scratch') places.push('IndexedDB citizen-scratch (should be deleted)');
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response && (await response.text()).includes(planted)) places.push(`cache ${name}`);
      }
    }
    return places;
  }, PLANTED);
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
