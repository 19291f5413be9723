/**
 * Writes the link-preview images of a build into its output folder. Unchanged cards come
 * from a content-hash cache (`.rolebook/og-cache/`): the key covers what the card says and
 * the renderer's code, fonts and library versions, so a change to any of them renders anew.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rolebook } from '../model/index.ts';
import { renderCard } from './card.ts';
import { cardJobs, type CardOptions } from './cards.ts';

export interface OgResult {
	files: string[];
	rendered: number;
	fromCache: number;
	/** Milliseconds spent rendering (cache misses only). */
	renderMs: number;
}

let codeHash: string | undefined;
function rendererHash(): string {
	if (codeHash) return codeHash;
	const hash = createHash('sha256');
	const dir = dirname(fileURLToPath(import.meta.url));
	for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
	const require = createRequire(import.meta.url);
	for (const pkg of ['dejavu-fonts-ttf', 'satori', '@resvg/resvg-js']) hash.update(readFileSync(require.resolve(`${pkg}/package.json`)));
	codeHash = hash.digest('hex');
	return codeHash;
}

export function cardKey(card: unknown): string {
	return createHash('sha256').update(rendererHash()).update(JSON.stringify(card)).digest('hex').slice(0, 40);
}

/** Entries unused for this long are removed (preview, sub-path and test builds share the cache). */
export const OG_CACHE_MAX_AGE_DAYS = 30;

export async function generateOgImages(rolebook: Rolebook, outDir: string, options: CardOptions & { cacheDir?: string }): Promise<OgResult> {
	const { cacheDir } = options;
	const jobs = cardJobs(rolebook, options);
	let rendered = 0;
	let renderMs = 0;
	for (const job of jobs) {
		const file = join(outDir, job.file);
		mkdirSync(dirname(file), { recursive: true });
		const key = cardKey(job.card);
		const cached = cacheDir ? join(cacheDir, `${key}.png`) : undefined;
		if (cached && existsSync(cached)) {
			copyFileSync(cached, file);
			const now = new Date();
			utimesSync(cached, now, now);
			continue;
		}
		const started = performance.now();
		const png = await renderCard(job.card);
		renderMs += performance.now() - started;
		rendered++;
		writeFileSync(file, png);
		if (cacheDir) {
			// Write then rename, so a build running at the same time never reads half a file.
			mkdirSync(cacheDir, { recursive: true });
			const temporary = join(cacheDir, `${key}.${process.pid}.tmp`);
			writeFileSync(temporary, png);
			renameSync(temporary, cached!);
		}
	}
	if (cacheDir && existsSync(cacheDir)) {
		const oldest = Date.now() - OG_CACHE_MAX_AGE_DAYS * 86_400_000;
		for (const name of readdirSync(cacheDir)) {
			const path = join(cacheDir, name);
			if (name.endsWith('.png') && statSync(path).mtimeMs < oldest) rmSync(path, { force: true });
		}
	}
	return { files: jobs.map((job) => join(outDir, job.file)), rendered, fromCache: jobs.length - rendered, renderMs };
}
