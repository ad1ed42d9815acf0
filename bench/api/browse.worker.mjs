// The browsers for the API browse benchmark, on their own thread (as the training sign-in
// benchmark's phones): fetch's work for hundreds of clients must not queue behind the server
// on its thread, or the figures measure the client. Plain JavaScript so it runs without a loader.
// Given { base, users: [{ cookie, csrf }], paths, durationMs, thinkMs: [min, max] }, every user
// opens one list page after another — a page is one GET — reading each for a random think time,
// until the duration is up; it answers with one outcome per request (`at`: when it was sent, ms after the start).
import { parentPort, workerData } from 'node:worker_threads';

const { base, users, paths, durationMs, thinkMs } = workerData;
const [thinkMin, thinkMax] = thinkMs;
const think = () => new Promise((r) => setTimeout(r, thinkMin + Math.random() * (thinkMax - thinkMin)));

const outcomes = [];
const started = performance.now();
const deadline = started + durationMs;
await Promise.all(
  users.map(async (u, i) => {
    // Arrivals spread over the first think time, so the run starts at its steady rate.
    await new Promise((r) => setTimeout(r, Math.random() * thinkMax));
    for (let k = i % paths.length; performance.now() < deadline; k = (k + 1) % paths.length) {
      const sent = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${base}${paths[k]}`, { headers: { cookie: u.cookie, 'x-csrf-token': u.csrf } });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = -1;
      }
      outcomes.push({ ms: performance.now() - sent, status, path: k, at: sent - started });
      await think();
    }
  }),
);
parentPort.postMessage({ outcomes, wallMs: performance.now() - started });
