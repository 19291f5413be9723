/**
 * `rolebook where-used <clause>`: every role that uses a clause of the library, with the item
 * number in each language, and which approved roles still show an older wording (each needs a
 * new version). Without a clause: every clause of the library and how many roles use it.
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
	for (const [id, roleUses] of byRole) {
		const { role } = roleUses[0]!;
		const rank = (locale: string) => locales.indexOf(locale);
		const where = [...roleUses].sort((a, b) => rank(a.locale) - rank(b.locale) || a.number.localeCompare(b.number, 'en', { numeric: true })).map((use) => `${use.locale} ${use.number}`).join(' · ');
		const older = roleUses.some((use) => use.wording > 0);
		out.info(`  ${`${id} (${role.document.status}, version ${role.document.version})`.padEnd(48)} ${where}${older ? '   ← shows an older wording' : ''}`);
		if (older && role.document.status === 'approved') pending.push(id);
	}
	const approved = [...byRole.values()].filter((roleUses) => roleUses[0]!.role.document.status === 'approved').length;
	out.info(`\nUsed by ${plural(byRole.size, 'role')} (${approved} approved).`);
	if (pending.length > 0) {
		out.info(`\n${plural(pending.length, 'approved role')} keep${pending.length === 1 ? 's' : ''} the wording ${pending.length === 1 ? 'its' : 'their'} holders signed. To take the new wording, start a new version of each:`);
		for (const id of pending) out.info(`  rolebook version ${id}`);
		out.info('Then have the new version approved and signed again ("rolebook status --sign-offs" lists who must sign).');
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
		const older = new Set(uses.filter((use) => use.clause.id === clause.id && use.wording > 0 && use.role.document.status === 'approved').map((use) => use.role.id));
		out.info(`  ${clause.id.padEnd(34)} ${plural(roles.size, 'role').padEnd(9)} ${title(rolebook, clause)}${older.size > 0 ? `  (${plural(older.size, 'approved role')} to update)` : ''}`);
	}
	return 0;
}
