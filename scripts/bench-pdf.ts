/**
 * PDF figures, printed (not asserted):
 *   1. per-document time (median, min, max over many warm runs, one core) and size for each
 *      shipped role, in English and Russian;
 *   2. documents per second with all cores (worker threads, the build's code path; every job
 *      a distinct document — a holder name each — since the stage renders equal documents once);
 *   3. side by side, warm headless Chromium printing the same role page of the built site to
 *      PDF — tagged (Chromium's accessible PDF, what the ratio of issue 11 compares with) and
 *      untagged — and the ratios;
 *   4. the machine-checkable PDF/A-2a and PDF/UA-1 properties of issue 11 (tests/pdf/properties.ts)
 *      counted on our PDF and on Chromium's tagged print of the same page.
 *
 *   npm run build && npm run bench:pdf
 *   npm run bench:pdf -- --runs 500 --site dist
 *   npm run bench:pdf -- --documents 0 --site dist     (without the throughput part)
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadRolebook, publishedRoles } from '../src/model/index.ts';
import { generatePdfs, layoutRole, renderRolePdf, type PdfJob } from '../src/pdf/index.ts';
import { checkProperties, type PropertyResult } from '../tests/pdf/properties.ts';

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
	// A holder name per job makes every job a document of its own (equal documents are rendered once).
	const jobs: PdfJob[] = Array.from({ length: count }, (_, i) => ({ ...all[i % all.length]!, file: join(out, `${i}.pdf`), holders: [`Holder ${i}`] }));
	for (const workers of count > 0 ? [1, cores] : []) {
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
	// Interleaved, so a shared machine's load weighs on both sides alike: each round prints the
	// page tagged and untagged, then renders our PDF of it 20 times.
	console.log(`\nHeadless Chromium, warm, printing the role page to PDF (A4), tagged (accessible) and untagged, interleaved with our renderer: ${browserRuns} rounds per page`);
	const chromiumTagged = new Map<string, Uint8Array>();
	for (const role of roles) {
		const url = `http://127.0.0.1:${port}/en/roles/${role.id}/`;
		const times = { tagged: [] as number[], untagged: [] as number[], ours: [] as number[] };
		const sizes = { tagged: 0, untagged: 0 };
		for (let round = 0; round < browserRuns + 2; round++) {
			for (const tagged of [true, false]) {
				const started = performance.now();
				await page.goto(url, { waitUntil: 'load' });
				const bytes = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, tagged, outline: tagged }));
				if (round >= 2) times[tagged ? 'tagged' : 'untagged'].push(performance.now() - started);
				sizes[tagged ? 'tagged' : 'untagged'] = bytes.length;
				if (tagged) chromiumTagged.set(role.id, bytes);
			}
			for (let i = 0; i < 20; i++) {
				const started = performance.now();
				await renderRolePdf(rolebook, role, 'en');
				if (round >= 2) times.ours.push(performance.now() - started);
			}
		}
		const ours = stats(times.ours).median;
		console.log(`  ${`${role.id} (en) ours, interleaved`.padEnd(44)} median ${ms(ours)}`);
		for (const kind of ['tagged', 'untagged'] as const) {
			const { median, min, max } = stats(times[kind]);
			console.log(
				`  ${`${role.id} (en) Chromium ${kind}`.padEnd(44)} median ${ms(median)}  min ${ms(min)}  max ${ms(max)}  ${(sizes[kind] / 1024).toFixed(1)} KB, no form fields` +
					`  → ours is ${(median / ours).toFixed(1)}× faster`,
			);
		}
	}

	// 4. The properties of issue 11, ours next to Chromium's tagged print.
	console.log('\nPDF/A-2a and PDF/UA-1 properties (issue 11, tests/pdf/properties.ts): ours vs Chromium\'s tagged print of the same page');
	const count = (results: PropertyResult[]) => `${results.filter((result) => result.ok).length} of ${results.length}`;
	for (const role of roles) {
		const ours = await checkProperties(await renderRolePdf(rolebook, role, 'en'));
		const theirs = await checkProperties(chromiumTagged.get(role.id)!);
		console.log(`  ${`${role.id} (en)`.padEnd(30)} ours ${count(ours)}, Chromium ${count(theirs)}`);
		if (role === roles[0]) {
			theirs.forEach((result, i) => {
				const mine = ours[i]!;
				console.log(`    ${result.id.padEnd(4)} ${mine.ok ? '✓' : '✗'} ours  ${result.ok ? '✓' : '✗'} Chromium  ${result.name}${result.ok ? '' : ` — Chromium: ${result.detail.slice(0, 90)}`}${mine.ok ? '' : ` — ours: ${mine.detail}`}`);
			});
		}
	}
} finally {
	await browser.close();
	server.close();
}
