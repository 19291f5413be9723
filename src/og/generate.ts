/**
 * Writes the link-preview images of a build into its output folder. Unchanged cards come
 * from a content-hash cache (`.rolebook/og-cache/`): the key covers what the card says and
 * the renderer's code, fonts and library versions, so a change to any of them renders anew.
 * Large sites render on worker threads, one per core. A text with a character the card font
 * cannot draw stops it before anything is rendered.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileCache } from '../build/file-cache.ts';
import { runOnWorkers, threadsFor } from '../build/worker-pool.ts';
import { MissingGlyphError } from '../fonts/coverage.ts';
import type { Rolebook } from '../model/index.ts';
import { renderCard, type CardContent } from './card.ts';
import { cardJobs, type CardOptions } from './cards.ts';
import { cardGlyphFindings } from './coverage.ts';

export interface OgResult {
	files: string[];
	rendered: number;
	fromCache: number;
	/** Milliseconds spent rendering (cache misses only), wall clock. */
	renderMs: number;
	/** Worker threads used (0: rendered in this thread). */
	workers: number;
}

/**
 * Below this many cards to render, worker threads cost more than they save: a thread takes
 * ~1.5 s to start and load the fonts, a card ~30 ms.
 */
export const MIN_CARDS_FOR_WORKERS = 120;

let codeHash: string | undefined;
function rendererHash(): string {
	if (codeHash) return codeHash;
	const hash = createHash('sha256');
	const here = dirname(fileURLToPath(import.meta.url));
	// The renderer's own code and the font files it loads (src/fonts/).
	for (const dir of [here, join(here, '..', 'fonts')]) {
		for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
	}
	const require = createRequire(import.meta.url);
	for (const pkg of ['dejavu-fonts-ttf', 'satori', '@resvg/resvg-js']) hash.update(readFileSync(require.resolve(`${pkg}/package.json`)));
	codeHash = hash.digest('hex');
	return codeHash;
}

export function cardKey(card: unknown): string {
	return createHash('sha256').update(rendererHash()).update(JSON.stringify(card)).digest('hex').slice(0, 40);
}

export async function generateOgImages(
	rolebook: Rolebook,
	outDir: string,
	options: CardOptions & { cacheDir?: string; workers?: number | 'auto' },
): Promise<OgResult> {
	const cache = new FileCache(options.cacheDir, '.png');
	const jobs = cardJobs(rolebook, options);
	// `check` reports these with their lines before a build starts; this guards every other caller: never an empty box on a card.
	const [undrawable] = cardGlyphFindings(jobs);
	if (undrawable) throw new MissingGlyphError(undrawable);
	const keys = jobs.map((job) => cardKey(job.card));
	const misses = jobs.flatMap((job, index) => (cache.restore(keys[index]!, join(outDir, job.file)) ? [] : [index]));
	const save = (index: number, png: Uint8Array) => {
		const file = join(outDir, jobs[index]!.file);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, png);
		cache.store(keys[index]!, png);
	};
	const started = performance.now();
	const threads = threadsFor(misses.length, MIN_CARDS_FOR_WORKERS, options.workers);
	if (threads > 0) {
		await runOnWorkers<null, { card: CardContent }>(new URL('./worker.ts', import.meta.url), null, misses.map((index) => ({ index, card: jobs[index]!.card })), threads, save);
	} else {
		for (const index of misses) save(index, await renderCard(jobs[index]!.card));
	}
	cache.prune();
	return { files: jobs.map((job) => join(outDir, job.file)), rendered: misses.length, fromCache: jobs.length - misses.length, renderMs: performance.now() - started, workers: threads };
}
