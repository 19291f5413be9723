/**
 * PDFs for many roles and locales at once, as the build and `rolebook pdf --all` need them:
 * unchanged documents come from a content-hash cache, the rest are rendered — on worker
 * threads (one per core) when there are enough of them to pay for starting the workers.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileCache } from '../build/file-cache.ts';
import { runOnWorkers, threadsFor } from '../build/worker-pool.ts';
import { holderNames, publishedRoles, readableVersions, showsHolderNames, versionedRoles, type Role, type Rolebook } from '../model/index.ts';
import { documentModel } from './model.ts';
import { isSignable, renderRolePdf, templateFor } from './render.ts';
import type { SigningCertificate } from './sign.ts';
import type { PdfWorkerShared, WorkerJob } from './worker.ts';

export interface PdfJob {
	role: Role;
	locale: string;
	/** Where the file goes. */
	file: string;
	/** Current holders' names, pre-filled into the familiarisation sheet's first rows. */
	holders?: string[];
}

/**
 * Below this many documents to render, starting workers costs more than it saves: a worker
 * takes ~1.5 s to start (TypeScript loaded through tsx) and a document ~8–10 ms, so two
 * workers pay off from about 300 documents (1,188 documents: 11.6 s on one core, 8.3 s on two).
 */
export const MIN_DOCUMENTS_FOR_WORKERS = 300;

/** The PDFs of a site: every published role (drafts too in a preview) × configured locale at `<outDir>/<locale>/roles/<id>.pdf`, and every readable version at `…/<id>/v<n>.pdf`. */
export function siteJobs(rolebook: Rolebook, outDir: string, options: { preview: boolean }): PdfJob[] {
	const { locales } = rolebook.company;
	const file = (locale: string, path: string) => join(outDir, locale, 'roles', `${path}.pdf`);
	// Names of the people holding a role go on its familiarisation sheet in preview builds only:
	// they are HR's working copies; public PDFs never carry personal names.
	const holders = (role: Role, locale: string) => {
		const names = showsHolderNames(options) ? holderNames(rolebook, role.id, locale) : [];
		return names.length > 0 ? { holders: names } : {};
	};
	const shown = publishedRoles(rolebook, options);
	const current = shown.flatMap((role) => locales.flatMap((locale) => [role.id, ...role.formerIds].map((id) => ({ role, locale, file: file(locale, id), ...holders(role, locale) }))));
	// Every readable version at a URL that never changes: /{locale}/roles/{id}/v{n}.pdf (and under former ids).
	const versions = versionedRoles(rolebook, options).flatMap((role) =>
		readableVersions(role).flatMap((version) =>
			locales.flatMap((locale) => [role.id, ...role.formerIds].map((id) => ({ role: version, locale, file: file(locale, `${id}/v${version.document.version}`) }))),
		),
	);
	return [...current, ...versions];
}

export interface GenerateOptions {
	/** Cache folder; omit to render everything. */
	cacheDir?: string;
	/** Worker threads: a number, or 'auto' (one per core when there are enough documents). Default 'auto'. */
	workers?: number | 'auto';
	/** Sign every approved document with this certificate (drafts never). */
	certificate?: SigningCertificate;
}

export interface GenerateResult {
	files: string[];
	rendered: number;
	fromCache: number;
	workers: number;
	/** Documents digitally signed (approved ones, when a certificate was given). */
	signed: number;
}

let codeHash: string | undefined;
/** Hash of the renderer's own source and the font package: a code change invalidates the cache. */
function rendererHash(): string {
	if (codeHash) return codeHash;
	const hash = createHash('sha256');
	const root = dirname(fileURLToPath(import.meta.url));
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(path));
		}
	};
	walk(root);
	walk(join(root, '..', 'fonts')); // the glyph coverage rule and font loading the renderer uses
	hash.update(readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')));
	hash.update(readFileSync(createRequire(import.meta.url).resolve('pdf-lib/package.json')));
	codeHash = hash.digest('hex');
	return codeHash;
}

/**
 * The cache key of one document: everything it prints (its model, holders included), its
 * template, the renderer, and — for a document that gets signed — the certificate's hash
 * (never its password).
 */
export function cacheKey(rolebook: Rolebook, role: Role, locale: string, options: { holders?: readonly string[]; certificate?: SigningCertificate } = {}): string {
	return keyOf(rolebook, role, locale, options).key;
}

function keyOf(rolebook: Rolebook, role: Role, locale: string, options: { holders?: readonly string[]; certificate?: SigningCertificate }): { key: string; signed: boolean } {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, options.holders ? { holders: options.holders } : {});
	const signedWith = options.certificate && isSignable(model) ? options.certificate.fingerprint : null;
	const key = createHash('sha256').update(rendererHash()).update(JSON.stringify({ model, template, signedWith })).digest('hex').slice(0, 40);
	return { key, signed: signedWith !== null };
}

export async function generatePdfs(rolebook: Rolebook, jobs: PdfJob[], options: GenerateOptions = {}): Promise<GenerateResult> {
	const { certificate } = options;
	const cache = new FileCache(options.cacheDir, '.pdf');
	// Keys first: this also checks every text against the font, so content errors surface before any work.
	const identities = jobs.map((job) => keyOf(rolebook, job.role, job.locale, renderOptions(job, certificate)));
	const keys = identities.map((identity) => identity.key);
	const misses = jobs.flatMap((job, index) => (cache.restore(keys[index]!, job.file) ? [] : [index]));

	const save = (index: number, bytes: Uint8Array) => {
		mkdirSync(dirname(jobs[index]!.file), { recursive: true });
		writeFileSync(jobs[index]!.file, bytes);
		cache.store(keys[index]!, bytes);
	};
	const threads = threadsFor(misses.length, MIN_DOCUMENTS_FOR_WORKERS, options.workers);
	if (threads > 0) {
		const workerJobs = misses.map((index) => {
			const job = jobs[index]!;
			return { index, roleId: job.role.id, version: job.role.document.version, locale: job.locale, ...(job.holders ? { holders: job.holders } : {}) };
		});
		await runOnWorkers<PdfWorkerShared, WorkerJob>(new URL('./worker.ts', import.meta.url), { rolebook, certificate }, workerJobs, threads, save);
	} else {
		for (const index of misses) save(index, await renderRolePdf(rolebook, jobs[index]!.role, jobs[index]!.locale, renderOptions(jobs[index]!, certificate)));
	}

	cache.prune();
	return { files: jobs.map((job) => job.file), rendered: misses.length, fromCache: jobs.length - misses.length, workers: threads, signed: identities.filter((identity) => identity.signed).length };
}

export function renderOptions(job: Pick<PdfJob, 'holders'>, certificate: SigningCertificate | undefined) {
	return { ...(job.holders ? { holders: job.holders } : {}), ...(certificate ? { certificate } : {}) };
}

