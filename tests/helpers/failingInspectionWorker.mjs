// A stand-in for the inspection worker (tests only): answers every update with an empty shape, except that a
// request holding an update whose first byte is 0xEE ends the worker, as a check out of memory would.
import { parentPort } from 'node:worker_threads';

const CRASH_BYTE = 0xee;
const shape = { units: 0, roots: [], ends: [], needs: [], runs: [], deletes: [], anchors: [] };
parentPort.on('message', ({ jobs }) => {
  if (jobs.some(({ update }) => update[0] === CRASH_BYTE)) process.exit(1);
  parentPort.postMessage({ results: jobs.map(({ id }) => ({ id, result: { ok: true, shape } })) });
});
parentPort.postMessage({ ready: true });
