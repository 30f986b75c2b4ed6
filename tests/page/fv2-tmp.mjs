import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
const server = await serve({ root: process.env.ROOT ?? undefined });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
const rows = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '/__test__/blank.html');
  rows.push(await page.evaluate(async () => {
    const t0 = performance.now();
    const glue = await import('/pkg/factpanel.js');
    const seedP = fetch('/pkg/seed.json').then((r) => r.json());
    await glue.default();
    const seed = await seedP;
    const t1 = performance.now();
    const a = glue.Analysis.read(seed.document);
    const t2 = performance.now();
    const host = document.createElement('div'); document.body.append(host);
    a.render(host, { lang: 'fr', articles: seed.articles.map((x) => ({ id: x.id })), lazyClaims: true });
    const t3 = performance.now();
    a.render(host, { lang: 'fr', articles: seed.articles.map((x) => ({ id: x.id })), lazyClaims: true });
    const t4 = performance.now();
    return { load: t1 - t0, read: t2 - t1, render1: t3 - t2, render2: t4 - t3 };
  }));
  await context.close();
}
const med = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[3].toFixed(1);
console.log(`load ${med('load')} read ${med('read')} render1 ${med('render1')} render2 ${med('render2')}`);
await browser.close(); server.close();
