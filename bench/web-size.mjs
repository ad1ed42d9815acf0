#!/usr/bin/env node
// Bundle figures for docs/PERFORMANCE.md (issue 11, a light web app).
// Usage: node scripts/build-web.mjs && node bench/web-size.mjs [web/dist]
// Reports all JavaScript in the build (raw, gzip, brotli) and what the login page downloads:
// index.html plus every script, stylesheet and modulepreload it names, and the static imports
// of those scripts (not dynamic import(): those load only when a page asks for them).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'web/dist'));
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gz = (b) => gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
let js = { raw: 0, gz: 0, br: 0 };
for (const f of assets) {
  const b = readFileSync(join(dist, 'assets', f));
  js = { raw: js.raw + b.length, gz: js.gz + gz(b), br: js.br + br(b) };
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const wanted = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/[^"]+)"/g)) wanted.add(m[1]);
const queue = [...wanted].filter((u) => u.endsWith('.js'));
while (queue.length) {
  const u = queue.shift();
  const text = readFileSync(join(dist, u), 'utf8');
  for (const m of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    const next = new URL(m[1], `http://x${u}`).pathname;
    if (!wanted.has(next)) {
      wanted.add(next);
      queue.push(next);
    }
  }
}
let login = { raw: Buffer.byteLength(html), gz: gz(Buffer.from(html)), br: br(Buffer.from(html)) };
for (const u of wanted) {
  const b = readFileSync(join(dist, u));
  login = { raw: login.raw + b.length, gz: login.gz + gz(b), br: login.br + br(b) };
}
const charts = [...wanted].filter((u) => /echarts|chart/i.test(u));

console.log(`JavaScript files: ${assets.length}`);
console.log(`All JavaScript: ${kb(js.raw)} raw, ${kb(js.gz)} gzip, ${kb(js.br)} brotli`);
console.log(`Login page (${wanted.size + 1} files): ${kb(login.raw)} raw, ${kb(login.gz)} gzip, ${kb(login.br)} brotli`);
console.log(`Chart chunks on the login page: ${charts.length ? charts.join(', ') : 'none'}`);
