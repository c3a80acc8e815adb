// Entry of the reader thread (built to out/main/reader-worker.js; run through tsx from source):
// parses an export and streams its prepared records to the import's writer. See service/reader-thread.ts.
import { workerData } from 'node:worker_threads';
import { runReaderJob, type ReaderJobData } from './reader-thread';

runReaderJob(workerData as ReaderJobData);
