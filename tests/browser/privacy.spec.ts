import { expect, test } from '@playwright/test';
import { attractButton, openKiosk, wake } from './support';

const PLANTED = 'PLANTED-门诊-4401-9f3c';

test('after a timeout a string planted in the visit is found nowhere in the DOM or storage', async ({
  page,
}) => {
  await openKiosk(page, { idle: '4' });
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

  await expect(attractButton(page)).toBeVisible({ timeout: 10_000 });

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
    for (const db of await indexedDB.databases()) places.push(`IndexedDB ${db.name}`);
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
});
