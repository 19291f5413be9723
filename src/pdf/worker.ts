/**
 * A PDF worker thread: renders its share of documents and posts the bytes back. Fonts are
 * parsed and subsets built once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Rolebook } from '../model/index.ts';
import { renderOptions } from './generate.ts';
import { renderRolePdf } from './render.ts';
import type { SigningCertificate } from './sign.ts';

export interface WorkerJob {
	index: number;
	roleId: string;
	/** Which version of the role: the current one or a frozen past one. */
	version: number;
	locale: string;
	holders?: string[];
}
export type WorkerReply = { index: number; bytes: Uint8Array } | { index: number; error: string };

const { rolebook, jobs, certificate } = workerData as { rolebook: Rolebook; jobs: WorkerJob[]; certificate?: SigningCertificate };
for (const job of jobs) {
	try {
		const current = rolebook.roles.find((candidate) => candidate.id === job.roleId)!;
		const role = [current, ...current.history].find((candidate) => candidate.document.version === job.version)!;
		const bytes = await renderRolePdf(rolebook, role, job.locale, renderOptions(job, certificate));
		parentPort!.postMessage({ index: job.index, bytes } satisfies WorkerReply, [bytes.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort!.postMessage({ index: job.index, error: (error as Error).message } satisfies WorkerReply);
	}
}
