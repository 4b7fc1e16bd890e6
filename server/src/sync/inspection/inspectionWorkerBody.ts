import { parentPort, workerData } from 'node:worker_threads';
import { readUpdateShape } from './readUpdateShape';
import type { ShapeBounds } from './updateShape';

/** A request from the main thread: the updates to inspect, each in shared memory, checked in order. */
export interface InspectionRequest {
  readonly jobs: readonly { readonly id: number; readonly update: Uint8Array }[];
}

/**
 * The inspection worker (issue #9): decodes and checks the updates of one request, one after another, off the
 * main event loop, and answers with each one's shape or fault in one message. Says `ready` once loaded, so
 * that the main thread's time budget measures the checks and not the start of the worker.
 */
const port = parentPort;
if (!port) throw new Error('inspectionWorkerBody runs only as a worker');
const bounds = workerData as ShapeBounds;
port.on('message', ({ jobs }: InspectionRequest) => {
  // A copy of our own: the bytes are shared with the main thread, and text decoding refuses shared memory.
  port.postMessage({ results: jobs.map(({ id, update }) => ({ id, result: readUpdateShape(new Uint8Array(update), bounds) })) });
});
port.postMessage({ ready: true });
