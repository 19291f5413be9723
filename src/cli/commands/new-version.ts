/**
 * `rolebook version <id>`: start a new version of an approved role. The current files are
 * frozen in versions/<n>/ (so version n keeps its page and PDF forever) and role.yaml becomes
 * version n+1, a draft. The public site keeps showing version n until n+1 is approved. The
 * frozen copy keeps the clause wordings and texts version n was approved with (recorded now if
 * they were not); a version whose clause or text was edited in place is not frozen, as it would
 * keep words nobody signed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { approvedClauseFingerprints, completedTextFingerprints, resolvePaths, textApproval, wordingApproval, type LoadOptions, type Locale, type Role } from '../../model/index.ts';
import type { Output } from '../output.ts';
import { readFactsFile, setClauseFingerprints, setTextFingerprints, writeFactsFile } from '../role-facts-file.ts';
import { requireRole, requireRolebook } from './check.ts';

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
	const role = requireRole(rolebook, options.id, out);
	if (!role) return 1;
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
	const approval = wordingApproval(rolebook, role);
	if (approval.edited.length > 0) {
		const list = approval.edited.map(({ clause, locales }) => `"${clause.id}" (${locales.join(', ')}; ${clause.file})`).join(', ');
		out.error(
			`error: version ${version} of ${role.id} no longer shows the clause wording it was approved with: ${list} ${approval.edited.length === 1 ? 'was' : 'were'} edited in place. ` +
				`Frozen now, ${relative(paths.root, frozen)}/ would keep words its holders did not sign. First put the wording they signed back under "previous:" in the clause file and give the new wording "since:" (the date it applies from); ` +
				`then run "npx rolebook version ${role.id}" again, and the new version takes the new wording. "npm run check" shows where.`,
		);
		return 1;
	}
	const texts = textApproval(rolebook, role);
	if (texts.edited.length > 0) {
		out.error(`error: ${textEditedMessage(role, texts.edited)} Frozen now, ${relative(paths.root, frozen)}/ would keep words its holders did not sign.`);
		return 1;
	}
	const files = readdirSync(dir).filter((name) => name === 'role.yaml' || name.endsWith('.mdx'));
	for (const name of files) out.info(`${options.dryRun ? 'would copy' : 'copied'} ${relative(paths.root, join(dir, name))} → ${relative(paths.root, join(frozen, name))}`);

	// Edit role.yaml as a YAML document, so HR's comments and layout survive.
	const factsFile = join(dir, 'role.yaml');
	// The frozen copy keeps what version n was approved with, recorded now where it was not: nothing
	// was edited in place (see above), so what it shows is what was recorded.
	const frozenFacts = approval.unrecorded.length > 0 || texts.unrecorded.length > 0 ? readFactsFile(factsFile) : undefined;
	if (frozenFacts) {
		const recorded = `${options.dryRun ? 'would record' : 'recorded'} in ${relative(paths.root, join(frozen, 'role.yaml'))}`;
		setClauseFingerprints(frozenFacts, approvedClauseFingerprints(rolebook, role, role.document.effective!));
		setTextFingerprints(frozenFacts, completedTextFingerprints(rolebook, role));
		if (approval.unrecorded.length > 0) out.info(`${recorded} the clause wordings version ${version} shows: ${approval.unrecorded.map(({ clause, locales }) => `${clause.id} (${locales.join(', ')})`).join(', ')}`);
		if (texts.unrecorded.length > 0) out.info(`${recorded} the texts version ${version} shows: ${texts.unrecorded.join(', ')}`);
	}
	const document = readFactsFile(factsFile);
	document.setIn(['document', 'version'], version + 1);
	document.setIn(['document', 'status'], 'draft');
	document.deleteIn(['document', 'effective']);
	document.deleteIn(['document', 'reviewBy']);
	document.setIn(['document', 'changeSummary'], { [rolebook.company.defaultLocale]: options.summary ?? 'TODO: what changed in this version' });
	// The draft has not been approved with any wording yet ("rolebook approve" records it then).
	document.deleteIn(['document', 'clauseFingerprints']);
	document.deleteIn(['document', 'textFingerprints']);
	out.info(`${options.dryRun ? 'would set' : 'set'} ${relative(paths.root, factsFile)}: document.version ${version + 1}, status draft`);
	if (options.dryRun) return 0;

	mkdirSync(frozen, { recursive: true });
	for (const name of files) copyFileSync(join(dir, name), join(frozen, name));
	if (frozenFacts) writeFactsFile(join(frozen, 'role.yaml'), frozenFacts);
	writeFactsFile(factsFile, document);
	out.info(
		`\nVersion ${version} is kept at /{locale}/roles/${role.id}/v${version}/ and stays the published version until ${version + 1} is approved.` +
			`\nNext: edit the texts, update each translation and its "translates: ${version + 1}", then approve it with "npx rolebook approve ${role.id}" (it sets status, effective and approvedBy, and records the clause wordings and texts it is approved with).`,
	);
	return 0;
}

/**
 * What HR is told when an approved version's text was edited in place: the edit cannot stay in
 * this version, so undo it — and if it is wanted, make it again in the next version's draft.
 */
export function textEditedMessage(role: Role, locales: Locale[]): string {
	const files = locales.map((locale) => role.texts[locale]!.file);
	const { version } = role.document;
	return (
		`version ${version} of ${role.id} no longer prints the text it was approved with: ${locales.map((locale, index) => `the ${locale} text (${files[index]})`).join(', ')} ${locales.length === 1 ? 'was' : 'were'} edited in place. ` +
		`Restore the approved wording (e.g. "git checkout -- ${files.join(' ')}", or from the signed PDF). If the edit is what you want, it can only go into a new version: restore the approved wording, run "npx rolebook version ${role.id}", then make the edit in the new draft ("npm run check" shows where).`
	);
}
