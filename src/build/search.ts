/**
 * Search: indexes the built site with Pagefind after Astro has written it (called by the build
 * integration, src/build/integration.ts). One index per <html lang>, so each language is
 * searched with its own stemming. Any indexing error, or an index with no pages, fails the
 * build: a site without working search is not shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Indexes the built site in `site`; throws (failing the build) when indexing fails or misses a page. */
export async function indexSite(site: string, logger: { info(line: string): void }): Promise<void> {
	// Pages that mark their content for search; without any, Pagefind would index whole
	// pages, navigation and footers included, which is not a search worth shipping.
	const searchable = htmlFiles(site).filter((file) => readFileSync(file, 'utf8').includes('data-pagefind-body')).length;
	try {
		if (searchable === 0) throw new Error('no page marks its content with data-pagefind-body; role and chapter pages must');
		const { index, errors } = await pagefind.createIndex({});
		if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: site });
		if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
		const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
		if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
		// page_count above counts files read; the entry file tells what went into the indexes.
		const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
		if (indexed !== searchable) throw new Error(`indexed ${indexed} pages, but ${searchable} pages carry data-pagefind-body`);
		logger.info(`Search index: ${indexed} pages in ${Object.keys(entry.languages).sort().join(', ')}`);
	} catch (error) {
		throw new Error(`Search (Pagefind): ${(error as Error).message}`);
	} finally {
		await pagefind.close();
	}
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}
