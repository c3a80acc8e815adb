// Entry of the import worker thread (built to out/main/import-worker.js; run through tsx in tests).
// Everything it does is in ./worker-import.ts (runImportJob): one import on its own connection, progress and
// the result posted back, cancel polled from the shared flag; then the archive prepared for browsing
// and the answers the window asks for first kept (service/keep-answers.ts). This file is the thread's
// composition root, as the shell is the main thread's: the one file of src/main/import that may use
// the service (.dependency-cruiser.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import { runImportJob, type ImportJobData } from './worker-import';
import { keepAnswersQuietly } from '../service/keep-answers';

if (!parentPort) throw new Error('import-worker must run in a worker thread');
const port = parentPort;
runImportJob(workerData as ImportJobData, (m) => port.postMessage(m), keepAnswersQuietly);
