/**
 * `rolebook approve <id>`: approve a role's draft version — status, effective date and approver
 * in role.yaml — and record the clause wordings and the texts it is approved with
 * (`document.clauseFingerprints`, `document.textFingerprints`), so `check` notices a library
 * clause or the role's text edited in place afterwards. On a version approved by hand (or before
 * they were recorded, or since given a new translation) it records what is missing; it never
 * overwrites what a version was approved with.
 */
import { join, relative } from 'node:path';
import { approvedClauseFingerprints, approvedTextFingerprints, completedTextFingerprints, isCalendarDate, loadRolebook, resolvePaths, textApproval, today, wordingApproval, type LoadOptions, type Role, type Rolebook } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import { reportProblems, type Output } from '../output.ts';
import { readFactsFile, setClauseFingerprints, setTextFingerprints, writeFactsFile } from '../role-facts-file.ts';
import { textEditedMessage } from './new-version.ts';
import { requireRole, requireRolebook } from './check.ts';

export interface ApproveOptions extends LoadOptions {
	id: string;
	/** Signatory id of the approver (default: `document.approvedBy` as written). Drafts only. */
	by?: string;
	/** In force from, YYYY-MM-DD (default: today). Drafts only. */
	effective?: string;
	dryRun?: boolean;
}

export function approve(options: ApproveOptions, out: Output): number {
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	const role = requireRole(rolebook, options.id, out);
	if (!role) return 1;
	switch (role.document.status) {
		case 'draft':
			return approveDraft(rolebook, role, options, out);
		case 'approved':
			return recordApproved(rolebook, role, options, out);
		case 'retired':
			out.error(`error: ${role.id} is retired; there is nothing to approve. To bring it back, start from a draft (status: draft) and approve that`);
			return 1;
	}
}

/** A draft becomes the approved version: status, effective, approvedBy, and the clause wordings it shows once in force. */
function approveDraft(rolebook: Rolebook, role: Role, options: ApproveOptions, out: Output): number {
	const { version } = role.document;
	const signatories = rolebook.company.signatories.map((signatory) => signatory.id);
	const approver = options.by ?? role.document.approvedBy?.id;
	if (approver === undefined) {
		out.error(`error: say who approves version ${version} of ${role.id}: --by <signatory> (signatories of content/company.yaml: ${signatories.join(', ')})`);
		return 1;
	}
	if (!signatories.includes(approver)) {
		out.error(`error: --by: "${approver}" is not a signatory of content/company.yaml.${didYouMean(approver, signatories)} Signatories: ${signatories.join(', ')}`);
		return 1;
	}
	const effective = options.effective ?? options.today ?? today();
	if (!isCalendarDate(effective)) {
		out.error(`error: --effective must be a date written YYYY-MM-DD, e.g. 2026-03-02 (found: "${effective}")`);
		return 1;
	}
	const previous = role.history.at(-1)?.document;
	if (previous?.effective && effective <= previous.effective) {
		out.error(`error: --effective ${effective} must be after version ${previous.version} took effect (${previous.effective}); give the date version ${version} comes into force`);
		return 1;
	}

	const paths = resolvePaths(options);
	const factsFile = join(paths.root, role.dir, 'role.yaml');
	const shown = relative(paths.root, factsFile);
	const document = readFactsFile(factsFile);
	document.setIn(['document', 'status'], 'approved');
	document.setIn(['document', 'effective'], effective);
	document.setIn(['document', 'approvedBy'], approver);
	// What the version shows once in force on its effective date: a dated clause wording may differ from the draft's newest.
	const fingerprints = approvedClauseFingerprints(rolebook, role, effective);
	setClauseFingerprints(document, fingerprints);
	const texts = approvedTextFingerprints(rolebook, role);
	setTextFingerprints(document, texts);
	const clauses = describe(fingerprints);
	out.info(
		`${options.dryRun ? 'would set' : 'set'} ${shown}: document.status approved, effective ${effective}, approvedBy ${approver}${clauses ? `; the clause wordings it is approved with: ${clauses}` : ''}; the texts it is approved with: ${Object.keys(texts).join(', ')}`,
	);
	if (options.dryRun) return 0;
	writeFactsFile(factsFile, document);

	// Approval can make content invalid that was valid as a draft (a published role naming a draft one, say).
	const after = loadRolebook(options);
	if (!after.rolebook) {
		reportProblems(after.problems, out);
		out.error(`${shown} is approved as asked, but the content now has errors: fix them, or set status: draft again`);
		return 1;
	}
	out.info(
		`\nVersion ${version} of ${role.id} is approved, in force from ${effective}.` +
			`\nNext: "npm run check", then have its holders sign it ("npx rolebook status --sign-offs" lists who).`,
	);
	return 0;
}

/** An approved version: record the clause wordings and texts it shows where none is recorded; refuse where one was edited in place. */
function recordApproved(rolebook: Rolebook, role: Role, options: ApproveOptions, out: Output): number {
	const { version, effective } = role.document;
	if (options.by !== undefined || options.effective !== undefined) {
		out.error(
			`error: ${role.id} version ${version} is already approved (in force from ${effective}); --by and --effective apply to a draft. ` +
				`Run "npx rolebook approve ${role.id}" without them to record the clause wordings and texts it was approved with, or "npx rolebook version ${role.id}" to start a new version`,
		);
		return 1;
	}
	const approval = wordingApproval(rolebook, role);
	const texts = textApproval(rolebook, role);
	if (approval.edited.length > 0) {
		const list = approval.edited.map(({ clause, locales }) => `"${clause.id}" (${locales.join(', ')}; ${clause.file})`).join(', ');
		out.error(
			`error: version ${version} of ${role.id} no longer shows the clause wording it was approved with: ${list} ${approval.edited.length === 1 ? 'was' : 'were'} edited in place. ` +
				'Approving does not overwrite what a version was approved with: put the wording its holders signed back under "previous:" in the clause file and give the new wording "since:", ' +
				`then start a new version with "npx rolebook version ${role.id}" ("npm run check" shows where)`,
		);
	}
	if (texts.edited.length > 0) out.error(`error: ${textEditedMessage(role, texts.edited)} Approving does not overwrite what a version was approved with.`);
	if (approval.edited.length > 0 || texts.edited.length > 0) return 1;
	if (approval.unrecorded.length === 0 && texts.unrecorded.length === 0) {
		const uses = Object.keys(approvedClauseFingerprints(rolebook, role, effective!)).length > 0;
		out.info(`${role.id} version ${version} is approved and ${uses ? 'shows the clause wordings and texts it was approved with' : 'shows the texts it was approved with (it uses no clause of the library)'}: nothing to record.`);
		return 0;
	}
	const paths = resolvePaths(options);
	const factsFile = join(paths.root, role.dir, 'role.yaml');
	const shown = relative(paths.root, factsFile);
	const document = readFactsFile(factsFile);
	// Nothing was edited in place (see above), so what it shows is what is recorded, plus what was not.
	setClauseFingerprints(document, approvedClauseFingerprints(rolebook, role, effective!));
	setTextFingerprints(document, completedTextFingerprints(rolebook, role));
	const recorded = options.dryRun ? 'would record' : 'recorded';
	if (approval.unrecorded.length > 0) {
		const missing = approval.unrecorded.map(({ clause, locales }) => `${clause.id} (${locales.join(', ')})`).join(', ');
		out.info(`${recorded} in ${shown} the clause wordings version ${version} shows: ${missing}`);
	}
	if (texts.unrecorded.length > 0) out.info(`${recorded} in ${shown} the texts version ${version} shows: ${texts.unrecorded.join(', ')}`);
	if (options.dryRun) return 0;
	writeFactsFile(factsFile, document);
	out.info(
		`\nThey are recorded as they read now, as what version ${version} was approved with: if a clause or a text was edited since ${effective}, ` +
			`check it against what its holders signed (git log -p content/clauses/ ${role.dir}/).`,
	);
	return 0;
}

/** "labour-law (en, ru), trade-secrets (en)". */
function describe(fingerprints: Record<string, Record<string, string>>): string {
	return Object.entries(fingerprints)
		.map(([clause, locales]) => `${clause} (${Object.keys(locales).join(', ')})`)
		.join(', ');
}
