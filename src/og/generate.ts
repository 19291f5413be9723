/**
 * The link-preview images of a site written into a folder, outside a build (tests, scripts):
 * the build's own render-many stage (src/build/render-many.ts) over the cards of cards.ts.
 * A text with a character the card font cannot draw stops it before anything is rendered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardArtefacts } from '../build/artefacts.ts';
import { publish, renderMany, summary } from '../build/render-many.ts';
import type { Rolebook } from '../model/index.ts';
import type { CardOptions } from './cards.ts';

export interface OgResult {
	files: string[];
	rendered: number;
	fromCache: number;
	/** Milliseconds spent rendering (cache misses only), summed over threads. */
	renderMs: number;
	/** Worker threads used (0: rendered in this thread). */
	workers: number;
}

export async function generateOgImages(
	rolebook: Rolebook,
	outDir: string,
	options: CardOptions & { cacheDir?: string; workers?: number | 'auto'; projectRoot?: string },
): Promise<OgResult> {
	const artefacts = cardArtefacts(rolebook, { preview: options.preview, today: options.today }, options.publicDir);
	const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'rolebook-og-'));
	try {
		const result = await renderMany(artefacts, {
			context: { rolebook },
			cacheDir,
			projectRoot: options.projectRoot ?? process.cwd(),
			...(options.workers !== undefined ? { workers: options.workers } : {}),
		});
		const files = publish(result, outDir, cacheDir);
		const cards = summary(result, 'card');
		return { files, rendered: cards.rendered, fromCache: cards.fromCache, renderMs: cards.renderMs, workers: result.workers };
	} finally {
		if (!options.cacheDir) rmSync(cacheDir, { recursive: true, force: true });
	}
}
