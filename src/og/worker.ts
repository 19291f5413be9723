/** A link-preview worker thread: renders its share of cards (fonts loaded once per thread). */
import { parentPort, workerData } from 'node:worker_threads';
import { serveJobs, type WorkerData } from '../build/worker-pool.ts';
import { renderCard, type CardContent } from './card.ts';

await serveJobs<null, { card: CardContent }>(
	workerData as WorkerData<null, { card: CardContent }>,
	(reply, transfer) => parentPort!.postMessage(reply, transfer ?? []),
	(job) => renderCard(job.card),
);
