/**
 * `rolebook version <id>`: start a new version of an approved role. The current files are
 * frozen in versions/<n>/ (so version n keeps its page and PDF forever) and role.yaml becomes
 * version n+1, a draft. The public site keeps showing version n until n+1 is approved.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { resolvePaths, type LoadOptions } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import type { Output } from '../output.ts';
import { requireRolebook } from './check.ts';

export interface NewVersionOptions extends LoadOptions {
	id: string;
	/** What will change, in the default locale (can be edited later). */
	summary?: string;
	dryRun?: boolean;
}

export function newVersion(options: NewVersionOptions, out: Output): number {
	const paths = resolvePaths(options);
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const role = rolebook.roles.find((candidate) => candidate.id === options.id);
	if (!role) {
		out.error(`error: there is no role "${options.id}".${didYouMean(options.id, rolebook.roles.map((r) => r.id))}`);
		return 1;
	}
	const { version, status } = role.document;
	if (status !== 'approved') {
		out.error(`error: ${role.id} is at version ${version} with status ${status}; only an approved version can be followed by a new one — edit the ${status} version instead`);
		return 1;
	}
	const dir = join(paths.root, role.dir);
	const frozen = join(dir, 'versions', String(version));
	if (existsSync(frozen)) {
		out.error(`error: ${relative(paths.root, frozen)} already exists`);
		return 1;
	}
	const files = readdirSync(dir).filter((name) => name === 'role.yaml' || name.endsWith('.mdx'));
	for (const name of files) out.info(`${options.dryRun ? 'would copy' : 'copied'} ${relative(paths.root, join(dir, name))} → ${relative(paths.root, join(frozen, name))}`);

	// Edit role.yaml as a YAML document, so HR's comments and layout survive.
	const factsFile = join(dir, 'role.yaml');
	const document = parseDocument(readFileSync(factsFile, 'utf8'));
	document.setIn(['document', 'version'], version + 1);
	document.setIn(['document', 'status'], 'draft');
	document.deleteIn(['document', 'effective']);
	document.deleteIn(['document', 'reviewBy']);
	document.setIn(['document', 'changeSummary'], { [rolebook.company.defaultLocale]: options.summary ?? 'TODO: what changed in this version' });
	out.info(`${options.dryRun ? 'would set' : 'set'} ${relative(paths.root, factsFile)}: document.version ${version + 1}, status draft`);
	if (options.dryRun) return 0;

	mkdirSync(frozen, { recursive: true });
	for (const name of files) copyFileSync(join(dir, name), join(frozen, name));
	writeFileSync(factsFile, document.toString({ flowCollectionPadding: false }));
	out.info(
		`\nVersion ${version} is kept at /{locale}/roles/${role.id}/v${version}/ and stays the published version until ${version + 1} is approved.` +
			`\nNext: edit the texts, update each translation and its "translates: ${version + 1}", then set status: approved, effective and approvedBy.`,
	);
	return 0;
}
