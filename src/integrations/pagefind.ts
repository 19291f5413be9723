/**
 * Indexes the built site with Pagefind after Astro has written it. One index per
 * <html lang>, so each language is searched with its own stemming. Any indexing error, or
 * an index with no pages, fails the build: a site without working search is not shipped.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'rolebook:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				try {
					const { index, errors } = await pagefind.createIndex({});
					if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: site });
					if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
					if (added.page_count === 0) throw new Error('no page was indexed: role and chapter pages must carry data-pagefind-body');
					const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
					if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
					logger.info(`Search index: ${added.page_count} pages`);
				} catch (error) {
					throw new Error(`Search (Pagefind): ${(error as Error).message}`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
