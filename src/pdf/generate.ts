/**
 * PDFs for many roles and locales at once, for `rolebook pdf --all` and tests: the build's own
 * render-many stage (src/build/render-many.ts: cache, worker threads, each document once)
 * with files at absolute paths.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfArtefact } from '../build/artefacts.ts';
import { codeHash } from '../build/code-hash.ts';
import { publish, renderMany, summary } from '../build/render-many.ts';
import type { Role, Rolebook } from '../model/index.ts';
import { documentModel } from './model.ts';
import { isSignable, templateFor } from './render.ts';
import type { SigningCertificate } from './sign.ts';

export interface PdfJob {
	role: Role;
	locale: string;
	/** Where the file goes (absolute path). */
	file: string;
	/** Current holders' names, pre-filled into the familiarisation sheet's first rows. */
	holders?: string[];
}

export interface GenerateOptions {
	/** Cache folder; omit to render everything. */
	cacheDir?: string;
	/** Worker threads: a number, or 'auto' (one per core when there are enough documents). Default 'auto'. */
	workers?: number | 'auto';
	/** Sign every approved document with this certificate (drafts never). */
	certificate?: SigningCertificate;
	/** Project root, where the worker bundle lives (default: the current folder). */
	projectRoot?: string;
}

export interface GenerateResult {
	files: string[];
	rendered: number;
	fromCache: number;
	workers: number;
	/** Documents digitally signed (approved ones, when a certificate was given). */
	signed: number;
}

/**
 * The cache key of one document: everything it prints (its model, holders included), its
 * template, the renderer, and — for a document that gets signed — the certificate's hash
 * (never its password).
 */
export function cacheKey(rolebook: Rolebook, role: Role, locale: string, options: { holders?: readonly string[]; certificate?: SigningCertificate } = {}): string {
	return pdfIdentity(rolebook, role, locale, options).key;
}

/** The cache key of a document and whether it gets signed. `hash`: the renderer's code hash (see src/build/code-hash.ts). */
export function pdfIdentity(
	rolebook: Rolebook,
	role: Role,
	locale: string,
	options: { holders?: readonly string[]; certificate?: SigningCertificate },
	hash: string = codeHash('pdf'),
): { key: string; signed: boolean } {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, options.holders ? { holders: options.holders } : {});
	const signedWith = options.certificate && isSignable(model) ? options.certificate.fingerprint : null;
	const key = createHash('sha256').update(hash).update(JSON.stringify({ model, template, signedWith })).digest('hex').slice(0, 40);
	return { key, signed: signedWith !== null };
}

export async function generatePdfs(rolebook: Rolebook, jobs: PdfJob[], options: GenerateOptions = {}): Promise<GenerateResult> {
	const artefacts: PdfArtefact[] = jobs.map((job) => ({
		kind: 'pdf',
		files: [job.file],
		roleId: job.role.id,
		version: job.role.document.version,
		locale: job.locale,
		...(job.holders && job.holders.length > 0 ? { holders: job.holders } : {}),
	}));
	// Without a cache folder every document is rendered: into a throw-away cache.
	const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'rolebook-pdf-'));
	try {
		const result = await renderMany(artefacts, {
			context: { rolebook, ...(options.certificate ? { certificate: options.certificate } : {}) },
			cacheDir,
			projectRoot: options.projectRoot ?? process.cwd(),
			...(options.workers !== undefined ? { workers: options.workers } : {}),
		});
		const files = publish(result, '', cacheDir);
		const pdfs = summary(result, 'pdf');
		return { files, rendered: pdfs.rendered, fromCache: pdfs.fromCache, workers: result.workers, signed: pdfs.signed };
	} finally {
		if (!options.cacheDir) rmSync(cacheDir, { recursive: true, force: true });
	}
}
