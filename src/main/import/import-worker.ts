// Entry of the import worker thread (built to out/main/import-worker.js; run through tsx in tests).
// Everything it does is in ./worker-import.ts (runImportJob): one import on its own connection, progress and
// the result posted back, cancel polled from the shared flag.
import { parentPort, workerData } from 'node:worker_threads';
import { runImportJob, type ImportJobData } from './worker-import';

if (!parentPort) throw new Error('import-worker must run in a worker thread');
const port = parentPort;
runImportJob(workerData as ImportJobData, (m) => port.postMessage(m));
