/**
 * `rolebook where-used <clause>`: every role that uses a clause of the library, with the item
 * number in each language, whether each approved role still shows the wording it was approved
 * with, and which approved roles need a new version (they show an older wording, or the clause
 * was edited in place). Without a clause: every clause of the library and how many roles use it.
 */
import { clauseUses, localized, type Clause, type ClauseUse, type LoadOptions, type Rolebook } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import type { Output } from '../output.ts';
import { requireRolebook } from './check.ts';

export interface WhereUsedOptions extends LoadOptions {
	/** Clause id; absent: list the library. */
	clause?: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function whereUsed(options: WhereUsedOptions, out: Output): number {
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	if (options.clause === undefined) return listLibrary(rolebook, out);
	const clause = rolebook.clauses.find((candidate) => candidate.id === options.clause);
	if (!clause) {
		const known = rolebook.clauses.map((candidate) => candidate.id);
		out.error(`error: there is no clause "${options.clause}" (a file content/clauses/<id>.yaml).${didYouMean(options.clause, known)}${known.length > 0 ? ` Clauses: ${known.join(', ')}.` : ''}`);
		return 1;
	}
	reportClause(rolebook, clause, clauseUses(rolebook, clause.id), out);
	return 0;
}

function title(rolebook: Rolebook, clause: Clause): string {
	const { defaultLocale } = rolebook.company;
	return localized(clause.title, defaultLocale, defaultLocale).value;
}

function reportClause(rolebook: Rolebook, clause: Clause, uses: ClauseUse[], out: Output): void {
	const { locales } = rolebook.company;
	const current = clause.wordings[0]!;
	out.info(`Clause "${clause.id}" — ${title(rolebook, clause)}`);
	out.info(`  ${clause.file} · ${plural(clause.wordings.length, 'wording')}${current.since ? `, the current one since ${current.since}` : ''}`);
	if (uses.length === 0) {
		out.info('\n  Not used by any role. Refer to it from a role text with "- clause: ' + clause.id + '".');
		return;
	}
	const byRole = new Map<string, ClauseUse[]>();
	for (const use of uses) byRole.set(use.role.id, [...(byRole.get(use.role.id) ?? []), use]);
	out.info('');
	const pending: string[] = [];
	const edited: string[] = [];
	const unrecorded: string[] = [];
	for (const [id, roleUses] of byRole) {
		const { role } = roleUses[0]!;
		const rank = (locale: string) => locales.indexOf(locale);
		const where = [...roleUses].sort((a, b) => rank(a.locale) - rank(b.locale) || a.number.localeCompare(b.number, 'en', { numeric: true })).map((use) => `${use.locale} ${use.number}`).join(' · ');
		const older = roleUses.some((use) => use.wording > 0);
		const changed = [...new Set(roleUses.filter((use) => use.approval === 'edited').map((use) => use.locale))];
		const notes = [
			...(older ? ['← shows an older wording'] : []),
			...(changed.length > 0 ? [`← edited in place since version ${role.document.version} was approved (${changed.join(', ')})`] : []),
			...(role.document.status === 'draft' || older || changed.length > 0 ? [] : roleUses.some((use) => use.approval === 'unrecorded') ? ['(approved wording not recorded)'] : ['(as approved)']),
		];
		out.info(`  ${`${id} (${role.document.status}, version ${role.document.version})`.padEnd(48)} ${where}${notes.map((note) => `   ${note}`).join('')}`);
		if (role.document.status !== 'approved') continue;
		if (changed.length > 0) edited.push(id);
		else if (older) pending.push(id);
		if (roleUses.some((use) => use.approval === 'unrecorded')) unrecorded.push(id);
	}
	const approved = [...byRole.values()].filter((roleUses) => roleUses[0]!.role.document.status === 'approved').length;
	out.info(`\nUsed by ${plural(byRole.size, 'role')} (${approved} approved).`);
	if (pending.length > 0) {
		out.info(`\n${plural(pending.length, 'approved role')} keep${pending.length === 1 ? 's' : ''} the wording ${pending.length === 1 ? 'its' : 'their'} holders signed. To take the new wording, start a new version of each:`);
		for (const id of pending) out.info(`  rolebook version ${id}`);
		out.info('Then have the new version approved and signed again ("rolebook status --sign-offs" lists who must sign).');
	}
	if (edited.length > 0) {
		out.info(
			`\n${plural(edited.length, 'approved role')} now show${edited.length === 1 ? 's' : ''} words ${edited.length === 1 ? 'its' : 'their'} holders did not sign: the clause was edited in place (${clause.file}). ` +
				'Put the wording they signed back under "previous:" and give the new one "since:" (or undo the edit); then, to take the new wording, start a new version of each:',
		);
		for (const id of edited) out.info(`  npx rolebook version ${id}`);
		out.info('Then have the new version approved and signed again ("rolebook status --sign-offs" lists who must sign).');
	}
	if (unrecorded.length > 0) {
		out.info(`\nThe wording ${plural(unrecorded.length, 'approved role')} ${unrecorded.length === 1 ? 'was' : 'were'} approved with is not recorded, so an edit in place would go unnoticed. Record it:`);
		for (const id of unrecorded) out.info(`  npx rolebook approve ${id}`);
	}
}

function listLibrary(rolebook: Rolebook, out: Output): number {
	if (rolebook.clauses.length === 0) {
		out.info('The clause library is empty: add clauses as content/clauses/<id>.yaml.');
		return 0;
	}
	out.info(`Clause library (${plural(rolebook.clauses.length, 'clause')}; "rolebook where-used <clause>" for one)\n`);
	const uses = clauseUses(rolebook);
	for (const clause of rolebook.clauses) {
		const roles = new Set(uses.filter((use) => use.clause.id === clause.id).map((use) => use.role.id));
		const older = new Set(uses.filter((use) => use.clause.id === clause.id && (use.wording > 0 || use.approval === 'edited') && use.role.document.status === 'approved').map((use) => use.role.id));
		out.info(`  ${clause.id.padEnd(34)} ${plural(roles.size, 'role').padEnd(9)} ${title(rolebook, clause)}${older.size > 0 ? `  (${plural(older.size, 'approved role')} to update)` : ''}`);
	}
	return 0;
}
