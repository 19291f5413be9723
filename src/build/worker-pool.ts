/**
 * Spreads rendering jobs over worker threads, one share per thread, and hands each result
 * back as it arrives. Workers are TypeScript modules loaded through tsx, like the rest of
 * the project; each gets `{ shared, jobs }` as workerData and posts one `WorkerReply` per job.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type WorkerReply = { index: number; bytes: Uint8Array } | { index: number; error: string };

export interface WorkerData<Shared, Job> {
	shared: Shared;
	jobs: (Job & { index: number })[];
}

/**
 * How many threads to use for `count` jobs: none below `threshold` (starting a thread costs
 * more than it saves), else one per core, at most 8.
 */
export function threadsFor(count: number, threshold: number, requested: number | 'auto' = 'auto'): number {
	const threads = requested === 'auto' ? (count >= threshold ? Math.min(availableParallelism(), 8) : 0) : Math.min(requested, count);
	return threads > 1 ? threads : 0;
}

export async function runOnWorkers<Shared, Job>(
	workerModule: URL,
	shared: Shared,
	jobs: (Job & { index: number })[],
	threads: number,
	onResult: (index: number, bytes: Uint8Array) => void,
): Promise<void> {
	const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
	const shares: (Job & { index: number })[][] = Array.from({ length: threads }, () => []);
	jobs.forEach((job, i) => shares[i % threads]!.push(job));
	const failures: string[] = [];
	await Promise.all(
		shares
			.filter((share) => share.length > 0)
			.map(
				(share) =>
					new Promise<void>((resolve, reject) => {
						const worker = new Worker(workerModule, { workerData: { shared, jobs: share } satisfies WorkerData<Shared, Job>, execArgv: ['--import', tsx] });
						let done = 0;
						worker.on('message', (reply: WorkerReply) => {
							if ('error' in reply) failures.push(reply.error);
							else onResult(reply.index, reply.bytes);
							if (++done === share.length) void worker.terminate().then(() => resolve());
						});
						worker.on('error', reject);
						worker.on('exit', (code) => (done === share.length ? resolve() : reject(new Error(`a worker thread stopped (exit code ${code})`))));
					}),
			),
	);
	if (failures.length > 0) throw new Error(failures.join('\n'));
}

/** The worker side: render each job of this thread's share and post the bytes back. */
export async function serveJobs<Shared, Job>(data: WorkerData<Shared, Job>, post: (reply: WorkerReply, transfer?: ArrayBuffer[]) => void, render: (job: Job, shared: Shared) => Promise<Uint8Array>): Promise<void> {
	for (const job of data.jobs) {
		try {
			const bytes = await render(job, data.shared);
			post({ index: job.index, bytes }, [bytes.buffer as ArrayBuffer]);
		} catch (error) {
			post({ index: job.index, error: (error as Error).message });
		}
	}
}
