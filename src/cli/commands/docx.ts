/**
 * `rolebook docx`: Word job descriptions for the agreement route — one role in one locale to a
 * file, or every published role in every locale to a folder (`<dir>/<locale>/roles/<id>.docx`).
 */
import { resolve } from 'node:path';
import { siteDocxJobs, writeDocxFiles, type DocxJob } from '../../docx/index.ts';
import { holderNames, type LoadOptions } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import type { Output } from '../output.ts';
import { previewSetting } from '../preview.ts';
import { requireRolebook } from './check.ts';

export interface DocxCommandOptions extends LoadOptions {
	role?: string;
	all?: boolean;
	locale?: string;
	out?: string;
	outDir?: string;
	preview?: boolean;
	withHolders?: boolean;
}

export async function docxCommand(options: DocxCommandOptions, out: Output): Promise<number> {
	const usage = (message: string) => {
		out.error(`error: ${message}\n(run "rolebook docx --help" for usage)`);
		return 2;
	};
	if (options.all && options.role) return usage(`give either a role or --all, not both (got "${options.role}" and --all).`);
	if (!options.all && !options.role) return usage('name a role (e.g. "rolebook docx key-account-manager") or use --all.');
	if (options.all && (options.out || options.locale || options.withHolders)) return usage('--out, --locale and --with-holders are for one role; --all writes every configured locale to --out-dir.');
	if (!options.all && options.outDir) return usage('--out-dir is for --all; for one role use --out <file>.');
	const preview = previewSetting(options.preview, out);
	if (preview === undefined) return 1;
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const root = resolve(options.root ?? process.cwd());

	let jobs: DocxJob[];
	if (options.all) {
		jobs = siteDocxJobs(rolebook, resolve(root, options.outDir ?? 'docx'), { preview });
	} else {
		const ids = rolebook.roles.map((role) => role.id);
		const role = rolebook.roles.find((candidate) => candidate.id === options.role);
		if (!role) {
			out.error(`error: there is no role "${options.role}".${didYouMean(options.role!, ids)} Roles: ${ids.join(', ')}.`);
			return 1;
		}
		const locales = rolebook.company.locales;
		const locale = options.locale ?? rolebook.company.defaultLocale;
		if (!locales.includes(locale)) {
			out.error(`error: "${locale}" is not a configured locale.${didYouMean(locale, locales)} Configured in content/company.yaml: ${locales.join(', ')}.`);
			return 1;
		}
		const holders = options.withHolders ? holderNames(rolebook, role.id, locale) : [];
		jobs = [{ role, locale, file: resolve(root, options.out ?? `${role.id}.${locale}.docx`), ...(holders.length > 0 ? { holders } : {}) }];
	}
	try {
		const started = performance.now();
		const files = await writeDocxFiles(rolebook, jobs);
		const ms = Math.round(performance.now() - started);
		if (files.length === 1) out.info(`✓ ${files[0]} (${jobs[0]!.role.id}, ${jobs[0]!.locale}, ${jobs[0]!.role.document.status}) in ${ms} ms.`);
		else out.info(`✓ ${files.length} DOCX files in ${resolve(root, options.outDir ?? 'docx')} in ${ms} ms.`);
		return 0;
	} catch (error) {
		out.error(`error: ${(error as Error).message}`);
		return 1;
	}
}
