/**
 * Worker threads that render artefacts, fed a few at a time (a bounded queue: each thread holds
 * at most `BATCH` jobs, so memory stays flat whatever the site's size). Threads write what they
 * render into the cache folder themselves and send back only keys, never bytes. They run at a
 * lower CPU priority than the main thread, so page rendering keeps its core and the workers use
 * whatever is left.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Artefact } from './artefacts.ts';
import type { JobReport, RenderContext } from './renderers.ts';

/** Jobs handed to a thread at once: enough to keep it busy while the next batch travels. */
const BATCH = 8;

export interface WorkerSetup {
	context: RenderContext;
	/** Where rendered files are stored by key. */
	cacheDir: string;
}


export type WorkerMessage = { type: 'report'; report: JobReport } | { type: 'ready' };
export type MainMessage = { type: 'jobs'; jobs: { index: number; artefact: Artefact }[] } | { type: 'close' } | { type: 'full-priority' };

/** Threads for `count` jobs: one per core (at most 8), none when there is too little to share. */
export function threadsFor(count: number, threshold: number, requested: number | 'auto' = 'auto'): number {
	const threads = requested === 'auto' ? (count >= threshold ? Math.min(availableParallelism(), 8) : 0) : Math.min(requested, count);
	return threads > 0 ? threads : 0;
}

/** Runs every job on `threads` threads of the bundled worker; resolves with one report per job, in job order. */
export async function runOnWorkers(
	workerFile: string,
	setup: WorkerSetup,
	artefacts: readonly Artefact[],
	indices: readonly number[],
	threads: number,
	/** Threads start at a low priority; when this settles (the pages are written) they take full priority. */
	lowPriorityUntil?: Promise<unknown>,
): Promise<JobReport[]> {
	const reports: JobReport[] = [];
	let next = 0;
	const take = () => {
		const jobs = indices.slice(next, next + BATCH).map((index) => ({ index, artefact: artefacts[index]! }));
		next += jobs.length;
		return jobs;
	};
	await Promise.all(
		Array.from({ length: Math.min(threads, indices.length) }, () =>
			new Promise<void>((resolve, reject) => {
				const worker = new Worker(workerFile, { workerData: { ...setup, lowPriority: lowPriorityUntil !== undefined } });
				let running = true;
				void lowPriorityUntil?.finally(() => running && worker.postMessage({ type: 'full-priority' } satisfies MainMessage));
				let outstanding = 0;
				const feed = () => {
					const jobs = take();
					if (jobs.length === 0) {
						if (outstanding === 0) worker.postMessage({ type: 'close' } satisfies MainMessage);
						return;
					}
					outstanding += jobs.length;
					worker.postMessage({ type: 'jobs', jobs } satisfies MainMessage);
				};
				worker.on('message', (message: WorkerMessage) => {
					if (message.type === 'ready') {
						feed();
						feed(); // two batches in flight: the thread never waits for work
						return;
					}
					reports.push(message.report);
					outstanding--;
					if (outstanding < BATCH) feed();
				});
				worker.on('error', reject);
				worker.on('exit', (code) => {
					running = false;
					if (outstanding === 0) resolve();
					else reject(new Error(`a render worker thread stopped (exit code ${code}) with ${outstanding} jobs unfinished`));
				});
			}),
		),
	);
	return reports.sort((a, b) => a.index - b.index);
}
