/**
 * DOCX files for many roles and locales, as the build and `rolebook docx --all` need them.
 * `siteDocxJobs` says which files a site has (it asks the publication rule, like the PDFs);
 * `writeDocxFiles` renders and writes them. The build pipeline may instead run the jobs through
 * its own render-many stage: each job is `renderRoleDocx(rolebook, job.role, job.locale, job)`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { holderNames, publishedRoles, showsHolderNames, type Role, type Rolebook } from '../model/index.ts';
import { renderRoleDocx } from './render.ts';

export interface DocxJob {
	role: Role;
	locale: string;
	/** Where the file goes. */
	file: string;
	/** Current holders' names, pre-filled into the familiarisation sheet (preview builds only). */
	holders?: string[];
}

/**
 * The DOCX files of a site: every published role (drafts too in a preview) × configured locale
 * at `<outDir>/<locale>/roles/<id>.docx`, next to its PDF — and under its former ids, like the PDF.
 */
export function siteDocxJobs(rolebook: Rolebook, outDir: string, options: { preview: boolean }): DocxJob[] {
	const { locales } = rolebook.company;
	const holders = (role: Role, locale: string) => {
		const names = showsHolderNames(options) ? holderNames(rolebook, role.id, locale) : [];
		return names.length > 0 ? { holders: names } : {};
	};
	return publishedRoles(rolebook, options).flatMap((role) =>
		locales.flatMap((locale) => [role.id, ...role.formerIds].map((id) => ({ role, locale, file: join(outDir, locale, 'roles', `${id}.docx`), ...holders(role, locale) }))),
	);
}

/** Renders and writes the jobs; returns the files written. */
export async function writeDocxFiles(rolebook: Rolebook, jobs: readonly DocxJob[]): Promise<string[]> {
	for (const job of jobs) {
		const bytes = await renderRoleDocx(rolebook, job.role, job.locale, job.holders ? { holders: job.holders } : {});
		mkdirSync(dirname(job.file), { recursive: true });
		writeFileSync(job.file, bytes);
	}
	return jobs.map((job) => job.file);
}
