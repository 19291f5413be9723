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

// Page rendering on the main thread comes first: this thread takes the cores it leaves idle.
// On Linux a thread has its own nice value, set through its id in /proc/thread-self.
try {
	setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 10);
} catch {
	// Not Linux, or not allowed: the same work, only without the priority hint.
}

// resvg keeps each image in native memory that V8 does not count, so a long run of cards would
// grow to gigabytes before a collection happens: collect every few renders instead.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const COLLECT_EVERY = 16;
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
		if (message.type === 'close') {
			parentPort!.close();
			return;
		}
		for (const { index, artefact } of message.jobs) {
			const { fresh, ...report } = await renderArtefact(index, artefact, setup.context, caches);
			if (fresh && ++renders % COLLECT_EVERY === 0) collect();
			post({ type: 'report', report });
		}
	}
	working = false;
}

post({ type: 'ready' });
