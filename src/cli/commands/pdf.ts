import { join, resolve } from 'node:path';
import { holderNames, type LoadOptions, type Rolebook } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import { pdfArtefacts } from '../../build/artefacts.ts';
import { publish, renderMany, summary } from '../../build/render-many.ts';
import { generatePdfs, type PdfJob } from '../../pdf/index.ts';
import type { Output } from '../output.ts';
import { previewSetting } from '../preview.ts';
import { signingFromEnv } from '../signing.ts';
import { requireRolebook } from './check.ts';

export interface PdfOptions extends LoadOptions {
	/** One role id; omit with `all`. */
	role?: string;
	all?: boolean;
	/** Locale for one role (default: the company's default locale). */
	locale?: string;
	/** File for one role (default `<role>.<locale>.pdf`). */
	out?: string;
	/** Folder for --all (default `pdf`): `<dir>/<locale>/roles/<id>.pdf`. */
	outDir?: string;
	/** With --all: include drafts (watermarked). */
	preview?: boolean;
	/** false (--no-sign): do not sign even when a certificate is configured. Approved PDFs are signed when one is. */
	sign?: boolean;
	/** Names pre-filled into the familiarisation sheet (one role only). */
	holders?: string[];
	/** Pre-fill the familiarisation sheet with the role's holders from content/sign-offs.yaml (one role only). */
	withHolders?: boolean;
}

/** Renders one role in one locale to a file, or every published role in every locale to a folder. */
export async function pdf(options: PdfOptions, out: Output): Promise<number> {
	if (options.all && options.role) return usage(out, `give either a role or --all, not both (got "${options.role}" and --all).`);
	if (!options.all && !options.role) return usage(out, 'name a role (e.g. "rolebook pdf key-account-manager") or use --all.');
	if (options.all && options.out) return usage(out, '--out names the file for one role; with --all use --out-dir.');
	if (!options.all && options.outDir) return usage(out, '--out-dir is for --all; for one role use --out <file>.');

	if (options.all && (options.holders?.length || options.withHolders)) return usage(out, '--holder and --with-holders fill in the sheet of one role; they cannot be used with --all.');
	const preview = previewSetting(options.preview, out);
	if (preview === undefined) return 1;
	const signing = signingFromEnv({ preview, sign: options.sign ?? true }, out);
	if (!signing.ok) return 1;

	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const root = resolve(options.root ?? process.cwd());
	try {
		const started = performance.now();
		const certificate = signing.certificate ? { certificate: signing.certificate } : {};
		if (options.all) {
			if (options.locale) return usage(out, '--locale is for one role; --all renders every configured locale.');
			// The build's own stage: each document once, linked at each of its URLs, unchanged ones from the cache.
			const outDir = resolve(root, options.outDir ?? 'pdf');
			const cacheDir = join(root, '.rolebook', 'render-cache');
			const result = await renderMany(pdfArtefacts(rolebook, { preview }), { context: { rolebook, ...certificate }, cacheDir, projectRoot: root });
			const files = publish(result, outDir, cacheDir);
			const pdfs = summary(result, 'pdf');
			reportSigning(out, signing.notice, pdfs.signed, pdfs.count);
			out.info(`✓ ${files.length} PDFs (${pdfs.count} documents, ${pdfs.rendered} rendered, ${pdfs.fromCache} from the cache) in ${outDir} in ${Math.round(performance.now() - started)} ms${result.workers ? ` on ${result.workers} threads` : ''}.`);
			return 0;
		}
		const job = oneJob(rolebook, options, root, out);
		if (!job) return 1;
		const holders = [...(options.withHolders ? holderNames(rolebook, job.role.id, job.locale) : []), ...(options.holders ?? [])];
		const result = await generatePdfs(rolebook, [holders.length > 0 ? { ...job, holders } : job], { ...certificate, projectRoot: root });
		reportSigning(out, signing.notice, result.signed, 1);
		out.info(`✓ ${job.file} (${job.role.id}, ${job.locale}) in ${Math.round(performance.now() - started)} ms.`);
		return 0;
	} catch (error) {
		out.error(`error: ${(error as Error).message}`);
		return 1;
	}
}

function reportSigning(out: Output, notice: string | undefined, signed: number, count: number): void {
	if (notice) out.info(notice);
	else out.info(`${signed} of ${count} PDFs digitally signed (approved roles only).`);
}

function oneJob(rolebook: Rolebook, options: PdfOptions, root: string, out: Output): PdfJob | undefined {
	const ids = rolebook.roles.map((role) => role.id);
	const role = rolebook.roles.find((candidate) => candidate.id === options.role);
	if (!role) {
		out.error(`error: there is no role "${options.role}".${didYouMean(options.role!, ids)} Roles: ${ids.join(', ')}.`);
		return undefined;
	}
	const locales = rolebook.company.locales;
	const locale = options.locale ?? rolebook.company.defaultLocale;
	if (!locales.includes(locale)) {
		out.error(`error: "${locale}" is not a configured locale.${didYouMean(locale, locales)} Configured in content/company.yaml: ${locales.join(', ')}.`);
		return undefined;
	}
	if (role.document.status !== 'approved') out.error(`warning: role "${role.id}" is ${role.document.status}: the PDF carries a watermark and must not be signed.`);
	return { role, locale, file: resolve(root, options.out ?? `${role.id}.${locale}.pdf`) };
}

function usage(out: Output, message: string): number {
	out.error(`error: ${message}\n(run "rolebook pdf --help" for usage)`);
	return 2;
}
