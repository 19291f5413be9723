/**
 * A PDF worker thread: renders its share of documents and posts the bytes back. Fonts are
 * parsed and subsets built once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveJobs, type WorkerData } from '../build/worker-pool.ts';
import type { Rolebook } from '../model/index.ts';
import { renderOptions } from './generate.ts';
import { renderRolePdf } from './render.ts';
import type { SigningCertificate } from './sign.ts';

export interface WorkerJob {
	roleId: string;
	/** Which version of the role: the current one or a frozen past one. */
	version: number;
	locale: string;
	holders?: string[];
}

export interface PdfWorkerShared {
	rolebook: Rolebook;
	certificate: SigningCertificate | undefined;
}

await serveJobs<PdfWorkerShared, WorkerJob>(
	workerData as WorkerData<PdfWorkerShared, WorkerJob>,
	(reply, transfer) => parentPort!.postMessage(reply, transfer ?? []),
	(job, { rolebook, certificate }) => {
		const current = rolebook.roles.find((candidate) => candidate.id === job.roleId)!;
		const role = [current, ...current.history].find((candidate) => candidate.document.version === job.version)!;
		return renderRolePdf(rolebook, role, job.locale, renderOptions(job, certificate));
	},
);
