// The teachers' phones for the sign-in benchmarks, on their own thread: real phones are not in the
// server's process, and fetch's own work (connecting, writing, parsing ~400 answers) competing with
// PGlite — which runs its queries on the server's main thread — showed up as seconds of latency
// before a scan even reached the server. Plain JavaScript so it runs without a TypeScript loader.
// Given { base, teachers: [{ cookie, csrf }], spreadSeconds, everyoneScansTwice, doubleShare, token },
// it takes new codes from the screen as messages ({ token }) and answers with one outcome per scan.
import { parentPort, workerData } from 'node:worker_threads';

const { base, teachers, spreadSeconds, everyoneScansTwice, doubleShare } = workerData;
let token = workerData.token;
parentPort.on('message', (m) => {
  if (m?.token) token = m.token;
});

const outcomes = [];
const started = performance.now();
await Promise.all(
  teachers.map(async (t, i) => {
    await new Promise((r) => setTimeout(r, Math.random() * spreadSeconds * 1000));
    const scans = everyoneScansTwice || i % Math.round(1 / doubleShare) === 0 ? 2 : 1;
    const seen = token;
    await Promise.all(
      Array.from({ length: scans }, async () => {
        const sent = performance.now();
        const res = await fetch(`${base}/training/sign-in`, {
          method: 'POST',
          headers: { cookie: t.cookie, 'x-csrf-token': t.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ token: seen, deviceId: `phone-${i}` }),
        });
        const json = await res.json().catch(() => null);
        outcomes.push({ ms: performance.now() - sent, status: res.status, isNew: json?.isNew ?? null, code: json?.code });
      }),
    );
  }),
);
parentPort.postMessage({ outcomes, wallMs: performance.now() - started });
