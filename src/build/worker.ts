/**
 * A render worker thread (bundled by worker-bundle.ts): takes artefacts a batch at a time,
 * renders the ones the cache does not hold, stores them there, and reports keys.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { ArtefactCaches, renderArtefact } from './renderers.ts';
import type { MainMessage, WorkerMessage, WorkerSetup } from './worker-pool.ts';

const setup = workerData as WorkerSetup;
const caches = new ArtefactCaches(setup.cacheDir);

// While Astro renders pages on the main thread, they come first: this thread takes the cores they
// leave idle; once the pages are written it runs at full priority again. On Linux a thread has its
// own nice value, set through its id in /proc/thread-self.
function nice(value: number): void {
	try {
		setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), value);
	} catch {
		// Not Linux, or not allowed (raising priority back needs the privilege to): the same work.
	}
}
if ((workerData as { lowPriority?: boolean }).lowPriority) nice(10);

// Native memory V8 does not count (resvg's images, zlib's buffers) is freed only when its JS
// wrapper has been collected and the event loop has turned: when every card was a full resvg
// image, 3,000 of them grew one process to 10 GB. Such wrappers die young, so a minor collection
// (a scavenge, about a millisecond) finds them; a full collection of this thread's heap — it
// holds the whole model — cost ~100 ms each and tripled the stage's time. So every few renders:
// scavenge, yield. (Cards now rasterise each glyph once per thread, so this is a safety net.)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
async function collect(): Promise<void> {
	gc({ type: 'minor' });
	await new Promise((resolve) => setImmediate(resolve));
}
const COLLECT_EVERY = 4;
let renders = 0;

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

// One job at a time, in order: the PDF renderer shares parsed fonts between documents and must
// never interleave two of them.
const queue: MainMessage[] = [];
let working = false;
parentPort!.on('message', (message: MainMessage) => {
	queue.push(message);
	if (!working) void work();
});

async function work(): Promise<void> {
	working = true;
	for (let message = queue.shift(); message; message = queue.shift()) {
		if (message.type === 'full-priority') {
			nice(0);
			continue;
		}
		if (message.type === 'close') {
			parentPort!.close();
			return;
		}
		for (const { index, artefact } of message.jobs) {
			const { fresh, ...report } = await renderArtefact(index, artefact, setup.context, caches);
			if (fresh && ++renders % COLLECT_EVERY === 0) await collect();
			post({ type: 'report', report });
		}
	}
	working = false;
}

post({ type: 'ready' });
