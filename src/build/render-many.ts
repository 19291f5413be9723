/**
 * The render-many stage: the artefacts of a build (PDFs, link-preview cards) rendered once
 * each — unchanged ones found in the content-addressed cache, the rest rendered on worker
 * threads (or on this thread when there are few) — then published by linking each cached file
 * at every URL it has. Nothing is published unless every artefact succeeded, so a failure
 * leaves no half-written set behind.
 */
import { join } from 'node:path';
import type { Artefact, ArtefactKind } from './artefacts.ts';
import { codeHashes } from './code-hash.ts';
import { ArtefactCaches, renderArtefact, rendererOf, type JobReport, type RenderContext } from './renderers.ts';
import { workerBundle } from './worker-bundle.ts';
import { runOnWorkers, threadsFor } from './worker-pool.ts';

/** Below this many artefacts, starting threads (~0.2 s each with the bundled worker) costs more than it saves. */
export const MIN_ARTEFACTS_FOR_WORKERS = 40;

export interface RenderManyOptions {
	context: Omit<RenderContext, 'codeHashes'>;
	/** The content-addressed cache: `<cacheDir>/<key>.<ext>`. */
	cacheDir: string;
	/** Project root: where the worker bundle is built (`.rolebook/workers/`). */
	projectRoot: string;
	/** Threads: a number, or 'auto' (one per core when there is enough to do). */
	workers?: number | 'auto';
	/** Threads run at a low priority until this settles (while Astro renders the pages). */
	lowPriorityUntil?: Promise<unknown>;
}

export interface RenderManyResult {
	artefacts: readonly Artefact[];
	/** One per artefact, in order; every one succeeded (otherwise `renderMany` threw). */
	reports: Extract<JobReport, { key: string }>[];
	workers: number;
	/** Wall-clock milliseconds of the stage. */
	ms: number;
}

/** Per kind: how many artefacts, rendered now, taken from the cache, signed, and rendering time. */
export function summary(result: RenderManyResult, kind: ArtefactKind) {
	const reports = result.reports.filter((report) => result.artefacts[report.index]!.kind === kind);
	const rendered = reports.filter((report) => report.rendered);
	return {
		count: reports.length,
		files: reports.reduce((sum, report) => sum + result.artefacts[report.index]!.files.length, 0),
		rendered: rendered.length,
		fromCache: reports.length - rendered.length,
		signed: reports.filter((report) => report.signed).length,
		renderMs: rendered.reduce((sum, report) => sum + report.ms, 0),
	};
}

export async function renderMany(artefacts: readonly Artefact[], options: RenderManyOptions): Promise<RenderManyResult> {
	const started = performance.now();
	const context: RenderContext = { ...options.context, codeHashes: codeHashes() };
	const threads = threadsFor(artefacts.length, MIN_ARTEFACTS_FOR_WORKERS, options.workers);
	const indices = artefacts.map((_, index) => index);
	let reports: JobReport[];
	if (threads > 0) {
		reports = await runOnWorkers(await workerBundle(options.projectRoot), { context, cacheDir: options.cacheDir }, artefacts, indices, threads, options.lowPriorityUntil);
	} else {
		const caches = new ArtefactCaches(options.cacheDir);
		reports = [];
		for (const index of indices) {
			const { fresh: _, ...report } = await renderArtefact(index, artefacts[index]!, context, caches);
			reports.push(report);
		}
	}
	const failures = reports.filter((report): report is Extract<JobReport, { error: string }> => 'error' in report);
	if (failures.length > 0) {
		const shown = failures.slice(0, 10).map((failure) => `${artefacts[failure.index]!.files[0]}: ${failure.error}`);
		const more = failures.length > shown.length ? `\n… and ${failures.length - shown.length} more` : '';
		throw new Error(`${failures.length} of ${artefacts.length} files could not be made:\n${shown.join('\n')}${more}`);
	}
	return { artefacts, reports: reports as RenderManyResult['reports'], workers: threads, ms: performance.now() - started };
}

/** Links every artefact's cached file at each of its paths under `outDir` (absolute paths are taken as they are). */
export function publish(result: RenderManyResult, outDir: string, cacheDir: string): string[] {
	const caches = new ArtefactCaches(cacheDir);
	const written: string[] = [];
	for (const report of result.reports) {
		const artefact = result.artefacts[report.index]!;
		const cache = caches.for(rendererOf(artefact).extension);
		for (const file of artefact.files) {
			const target = join(outDir, file);
			cache.link(report.key, target);
			written.push(target);
		}
	}
	for (const extension of new Set(result.artefacts.map((artefact) => rendererOf(artefact).extension))) caches.for(extension).prune();
	return written;
}
