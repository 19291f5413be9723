/**
 * Site figures, printed (not asserted): the weight of role pages before search is used, and
 * the cost of the first search query on a large site in headless Chromium.
 *
 *   npm run build && npm run bench:site      # shipped site (dist/) + .rolebook/corpus-site
 *   npm run bench:site -- --corpus dir       # another built large site
 *
 * Build the large site first:
 *   npx tsx scripts/synthetic-corpus.ts --roles 2990 --out .rolebook/corpus
 *   node bin/rolebook.js build --content .rolebook/corpus --out .rolebook/corpus-site
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { CHROMIUM, launchBrowser } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({
	options: {
		site: { type: 'string', default: 'dist' },
		corpus: { type: 'string', default: '.rolebook/corpus-site' },
		query: { type: 'string', default: 'receivables' },
		locale: { type: 'string', default: 'en' },
		runs: { type: 'string', default: '7' },
		details: { type: 'boolean', default: false },
		/** Milliseconds between focusing the box (which starts loading) and the query: 0 = cold. */
		typingDelay: { type: 'string', default: '0' },
	},
});
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** A missing input is a usage mistake, not a crash: say what to run first. */
function stop(message: string): never {
	console.error(`bench:site: ${message}`);
	process.exit(1);
}

// 1. Page weight: HTML + the CSS it links, gzip -9; no web fonts are used.
const site = resolve(values.site!);
const siteLocales = existsSync(site) ? readdirSync(site).filter((name) => existsSync(join(site, name, 'roles'))) : [];
if (siteLocales.length === 0) {
	stop(
		values.site === 'dist'
			? `no built site in ${site}: run "npm run build" first (or pass --site <folder of a built site>).`
			: `no built site in ${site} (no <locale>/roles/ folder): build one with "node bin/rolebook.js build --out ${values.site}" first.`,
	);
}
console.log(`Role page weight before search (gzip), ${site}`);
for (const locale of siteLocales) {
	for (const role of readdirSync(join(site, locale, 'roles')).filter((name) => !name.includes('.'))) {
		const htmlText = readFileSync(join(site, locale, 'roles', role, 'index.html'));
		const html = parse(htmlText.toString());
		const css = html.querySelectorAll('link[rel=stylesheet]').map((link) => readFileSync(join(site, link.getAttribute('href')!)));
		const inlineScripts = html.querySelectorAll('script[src]').map((script) => readFileSync(join(site, script.getAttribute('src')!)));
		const total = gzipSync(htmlText, { level: 9 }).length + css.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
		const js = inlineScripts.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
		if (locale === 'en' || locale === 'ru') console.log(`  ${locale}/roles/${role}: ${kb(total)} (HTML + CSS); search loader script ${kb(js)}`);
	}
}

// 2. First search on the large site, cold: nothing of the search is loaded before the query.
const corpus = resolve(values.corpus!);
if (!existsSync(corpus)) {
	console.log(
		`\nNo large site at ${corpus}, so no search figures. Build one first (or pass --corpus <folder>):\n` +
			`  npx tsx scripts/synthetic-corpus.ts --roles 2990 --out .rolebook/corpus\n` +
			`  node bin/rolebook.js build --content .rolebook/corpus --out ${values.corpus}`,
	);
	process.exit(0);
}
if (!existsSync(join(corpus, 'pagefind/pagefind-entry.json'))) stop(`${corpus} is not a built site with a search index (no pagefind/pagefind-entry.json): build it as the header of this script shows.`);
if (!existsSync(CHROMIUM)) stop(`no Chromium at ${CHROMIUM} for the search figures: apt-get install chromium (or set CHROMIUM_PATH).`);
const pages = JSON.parse(readFileSync(join(corpus, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const server = await serve(corpus, '/', { compress: true });
const browser = await launchBrowser();
const times: number[] = [];
const transfers: number[] = [];
try {
	const first = values.locale!;
	if (!pages.languages[first]) throw new Error(`the large site has no "${first}" index`);
	for (let run = 0; run < Number(values.runs); run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${server.origin}/${first}/roles/role-00001/`, { waitUntil: 'networkidle' });
		const requests: Promise<number>[] = [];
		const detail: string[] = [];
		page.on('requestfinished', (request) =>
			requests.push(
				request.sizes().then((sizes) => {
					detail.push(`    ${kb(sizes.responseBodySize + sizes.responseHeadersSize).padStart(9)}  ${new URL(request.url()).pathname}`);
					return sizes.responseBodySize + sizes.responseHeadersSize;
				}),
			),
		);
		// A string, not a function: tsx would inject helpers the page does not have.
		const elapsed = (await page.evaluate(`(async () => {
			const input = document.querySelector('#search-input');
			const results = document.querySelector('#search-results');
			input.focus();
			await new Promise((done) => setTimeout(done, ${Number(values.typingDelay)}));
			const start = performance.now();
			input.value = ${JSON.stringify(values.query)};
			input.dispatchEvent(new Event('input'));
			await new Promise((done) => {
				const check = () => (results.querySelector('li') ? done() : requestAnimationFrame(check));
				check();
			});
			return performance.now() - start;
		})()`)) as number;
		await page.waitForLoadState('networkidle');
		times.push(elapsed);
		transfers.push((await Promise.all(requests)).reduce((sum, size) => sum + size, 0));
		if (run === 0 && values.details) console.log(`\nRequests of the first query:\n${detail.sort().join('\n')}`);
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
const total = Object.values(pages.languages).reduce((sum, language) => sum + language.page_count, 0);
console.log(`\nFirst query "${values.query}" on /${values.locale}/ (${pages.languages[values.locale!]!.page_count} pages in its index, ${total} indexed in all) (${corpus}), ${values.typingDelay === '0' ? 'cold (query typed the moment the box is focused)' : `query typed ${values.typingDelay} ms after focusing the box`}, gzip, ${times.length} runs:`);
console.log(`  time to first results: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
console.log(`  transferred: median ${kb(median(transfers))} (min ${kb(Math.min(...transfers))}, max ${kb(Math.max(...transfers))})`);
