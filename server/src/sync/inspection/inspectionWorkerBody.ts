import { parentPort, workerData } from 'node:worker_threads';
import { readUpdateShape } from './readUpdateShape';
import type { ShapeBounds } from './updateShape';

/** A request from the main thread: one update to inspect, in shared memory. */
export interface InspectionRequest {
  readonly id: number;
  readonly update: Uint8Array;
}

/**
 * The inspection worker (issue #9): decodes and checks one update at a time, off the main event loop, and
 * answers with its shape or its fault. Says `ready` once loaded, so that the main thread's time budget
 * measures the check and not the start of the worker.
 */
const port = parentPort;
if (!port) throw new Error('inspectionWorkerBody runs only as a worker');
const bounds = workerData as ShapeBounds;
port.on('message', (request: InspectionRequest) => {
  // A copy of our own: the bytes are shared with the main thread, and text decoding refuses shared memory.
  port.postMessage({ id: request.id, result: readUpdateShape(new Uint8Array(request.update), bounds) });
});
port.postMessage({ ready: true });
