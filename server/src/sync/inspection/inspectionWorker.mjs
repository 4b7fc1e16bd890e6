// The inspection worker's entry point, in plain JavaScript so that it starts the same way under `npm start`
// (node --import tsx) and under vitest (which does not pass tsx on to workers): tsImport compiles the
// TypeScript worker body in either case.
import { tsImport } from 'tsx/esm/api';

await tsImport('./inspectionWorkerBody.ts', import.meta.url);
