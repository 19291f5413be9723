/**
 * The clause library: which wording of a clause a role version shows, where each clause is
 * used, and which approved roles still show an older wording than the clause's current one
 * (they need a new version). Plain functions over the raw data (for the rules) and the model
 * (for the CLI, the sign-off report and the HR page).
 */
import type { ClauseData, DOCUMENT_STATUSES, LocalizedText } from './schema/index.ts';
import type { Clause, ClauseWording, Item, Locale, Role, Rolebook } from './types.ts';

/** The wordings of a clause file, newest (the current one) first. */
export function wordingsOf(data: ClauseData): ClauseWording[] {
	const wording = (entry: { since?: string; text?: LocalizedText; items: LocalizedText[] }): ClauseWording => ({
		...(entry.since !== undefined ? { since: entry.since } : {}),
		...(entry.text !== undefined ? { text: entry.text } : {}),
		items: entry.items,
	});
	return [wording(data), ...data.previous.map(wording)];
}

/**
 * The date whose wording a role version shows: an approved (or retired) version keeps the
 * wording in force on its effective date, the one its holders signed; a draft shows the newest.
 */
export function clauseDateOf(document: { status: (typeof DOCUMENT_STATUSES)[number]; effective?: string }): string | undefined {
	return document.status === 'draft' ? undefined : document.effective;
}

/**
 * Index (0 = current) of the wording in force on `date`: the newest whose `since` is on or
 * before it; the oldest when the date is before them all (the role used the text before the
 * library dated it). No date: the current wording.
 */
export function wordingIndexOn(wordings: readonly ClauseWording[], date: string | undefined): number {
	if (date === undefined) return 0;
	const index = wordings.findIndex((wording) => wording.since === undefined || wording.since <= date);
	return index < 0 ? wordings.length - 1 : index;
}

/** Locales a wording is written in completely: its text (if any) and every sub-item. */
export function wordingLocales(wording: ClauseWording): string[] {
	const texts = [...(wording.text ? [wording.text] : []), ...wording.items];
	const [first, ...rest] = texts;
	return first ? Object.keys(first).filter((locale) => rest.every((text) => text[locale] !== undefined)) : [];
}

/** One place a clause is used: a role's current version, in one language, at one item. */
export interface ClauseUse {
	clause: Clause;
	role: Role;
	locale: Locale;
	/** The item's number and anchor, e.g. "4.1", "responsibility-4-1". */
	number: string;
	anchor: string;
	/** Index of the wording shown (0 = current); above 0 the role shows an older wording and needs a new version. */
	wording: number;
}

function clauseItems(items: Item[]): Item[] {
	return items.flatMap((item) => [...(item.clause ? [item] : []), ...clauseItems(item.items)]);
}

/** Every use of every clause (or of one) in the roles as HR edits them now, drafts included, by role id and locale. */
export function clauseUses(rolebook: Rolebook, clauseId?: string): ClauseUse[] {
	const byId = new Map(rolebook.clauses.map((clause) => [clause.id, clause]));
	return rolebook.roles.flatMap((role) =>
		Object.values(role.texts).flatMap((text) =>
			clauseItems(text.sections.flatMap((section) => section.items))
				.filter((item) => (clauseId === undefined || item.clause === clauseId) && byId.has(item.clause!))
				.map((item) => ({
					clause: byId.get(item.clause!)!,
					role,
					locale: text.locale,
					number: item.number,
					anchor: item.anchor,
					wording: wordingIndexOn(byId.get(item.clause!)!.wordings, clauseDateOf(role.document)),
				})),
		),
	);
}

/** An approved role that shows an older wording of a clause than its current one. */
export interface PendingClauseUpdate {
	role: Role;
	clause: Clause;
	/** The date the current wording applies from. */
	since?: string;
}

/** Approved roles (their current version) that show an outdated wording of a clause: each needs `rolebook version <role>`. */
export function pendingClauseUpdates(rolebook: Rolebook): PendingClauseUpdate[] {
	const seen = new Set<string>();
	const pending: PendingClauseUpdate[] = [];
	for (const { role, clause, wording } of clauseUses(rolebook)) {
		if (role.document.status !== 'approved' || wording === 0) continue;
		const key = `${role.id} ${clause.id}`;
		if (seen.has(key)) continue;
		seen.add(key);
		pending.push({ role, clause, ...(clause.wordings[0]!.since ? { since: clause.wordings[0]!.since } : {}) });
	}
	return pending;
}
