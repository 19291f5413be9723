/**
 * PDF figures, printed (not asserted):
 *   1. per-document time (median, min, max over many warm runs, one core) and size for each
 *      shipped role, in English and Russian;
 *   2. documents per second with all cores (worker threads, the build's code path);
 *   3. side by side, warm headless Chromium printing the same role page of the built site to
 *      PDF, and the ratio.
 *
 *   npm run build && npm run bench:pdf
 *   npm run bench:pdf -- --runs 500 --site dist
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadRolebook, publishedRoles } from '../src/model/index.ts';
import { generatePdfs, layoutRole, renderRolePdf, type PdfJob } from '../src/pdf/index.ts';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '300' },
		site: { type: 'string', default: 'dist' },
		chromium: { type: 'string', default: '/usr/bin/chromium' },
		'browser-runs': { type: 'string', default: '7' },
		documents: { type: 'string', default: '3000' },
	},
});
const runs = Number(values.runs);
const stats = (list: number[]) => {
	const sorted = [...list].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

const { rolebook, problems } = loadRolebook();
if (!rolebook) {
	console.error(`bench:pdf: the content has errors (${problems.filter((p) => p.severity === 'error').length}): run "npm run check" and fix them first.`);
	process.exit(1);
}
const roles = publishedRoles(rolebook, { preview: false });

// 1. One core, warm.
console.log(`PDF rendering, one core, warm: ${runs} runs per document (Node ${process.version})`);
const medians = new Map<string, number>();
for (const role of roles) {
	for (const locale of ['en', 'ru']) {
		for (let i = 0; i < 30; i++) await renderRolePdf(rolebook, role, locale);
		const times: number[] = [];
		let size = 0;
		for (let i = 0; i < runs; i++) {
			const started = performance.now();
			size = (await renderRolePdf(rolebook, role, locale)).length;
			times.push(performance.now() - started);
		}
		const { pages } = layoutRole(rolebook, role, locale);
		const fields = pages.flatMap((page) => page.boxes).filter((box) => box.kind === 'field');
		const signatures = fields.filter((box) => box.kind === 'field' && box.type === 'signature').length;
		const { median, min, max } = stats(times);
		if (locale === 'en') medians.set(role.id, median);
		console.log(
			`  ${`${role.id} (${locale})`.padEnd(30)} median ${ms(median)}  min ${ms(min)}  max ${ms(max)}  ` +
				`${(size / 1024).toFixed(1)} KB  ${pages.length} pages, ${fields.length - signatures} text + ${signatures} signature fields`,
		);
	}
}

// 2. All cores, through the build's code path (worker threads, files written, no cache).
const cores = availableParallelism();
const count = Number(values.documents);
const out = mkdtempSync(join(tmpdir(), 'rolebook-bench-pdf-'));
try {
	const all = roles.flatMap((role) => rolebook.company.locales.map((locale) => ({ role, locale })));
	const jobs: PdfJob[] = Array.from({ length: count }, (_, i) => ({ ...all[i % all.length]!, file: join(out, `${i}.pdf`) }));
	for (const workers of [1, cores]) {
		const started = performance.now();
		await generatePdfs(rolebook, jobs, { workers });
		const seconds = (performance.now() - started) / 1000;
		console.log(`${workers === 1 ? '\n' : ''}${count} documents on ${workers} ${workers === 1 ? 'core (main thread)' : 'worker threads'}: ${seconds.toFixed(2)} s → ${(count / seconds).toFixed(0)} documents per second (worker start-up included)`);
	}
} finally {
	rmSync(out, { recursive: true, force: true });
}

// 3. Headless Chromium printing the same role pages, warm.
const site = resolve(values.site!);
if (!existsSync(join(site, 'en', 'roles'))) {
	console.log(`\nChromium comparison skipped: no built site in ${site} (run "npm run build" first).`);
	process.exit(0);
}
if (!existsSync(values.chromium!)) {
	console.log(`\nChromium comparison skipped: no browser at ${values.chromium} (apt-get install chromium).`);
	process.exit(0);
}
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.pdf': 'application/pdf' };
const server = createServer((request, response) => {
	let path = join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
	if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
	if (!path.startsWith(site) || !existsSync(path)) {
		response.writeHead(404).end();
		return;
	}
	response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
	createReadStream(path).pipe(response);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: values.chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
	const page = await browser.newPage();
	const browserRuns = Number(values['browser-runs']);
	console.log(`\nHeadless Chromium, warm, printing the role page to PDF (A4): ${browserRuns} runs per page`);
	for (const role of roles) {
		const url = `http://127.0.0.1:${port}/en/roles/${role.id}/`;
		const times: number[] = [];
		let size = 0;
		for (let i = 0; i < browserRuns + 2; i++) {
			const started = performance.now();
			await page.goto(url, { waitUntil: 'load' });
			size = (await page.pdf({ format: 'A4', printBackground: true })).length;
			if (i >= 2) times.push(performance.now() - started);
		}
		const { median, min, max } = stats(times);
		const ours = medians.get(role.id)!;
		console.log(
			`  ${`${role.id} (en)`.padEnd(30)} median ${ms(median)}  min ${ms(min)}  max ${ms(max)}  ${(size / 1024).toFixed(1)} KB, no form fields` +
				`  → pdf-lib is ${(median / ours).toFixed(0)}× faster (${ms(ours)})`,
		);
	}
} finally {
	await browser.close();
	server.close();
}
