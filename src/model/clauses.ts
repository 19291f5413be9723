/**
 * The clause library: which wording of a clause a role version shows, the fingerprints that
 * record which wording a version was approved with (so a clause edited in place is noticed),
 * where each clause is used, and which approved roles need a new version — they show an older
 * wording than the clause's current one, or a wording other than the one they were approved
 * with. Plain functions over the raw data (for the rules) and the model (for the CLI, the
 * sign-off report and the HR page).
 */
import { createHash } from 'node:crypto';
import { isClauseRef, type ClauseData, type DOCUMENT_STATUSES, type ItemEntryData, type LocalizedText, type RoleTextData } from './schema/index.ts';
import type { Clause, ClauseFingerprints, ClauseWording, Item, Locale, Role, Rolebook, TextFingerprints } from './types.ts';

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

/**
 * Eight hex digits of a SHA-256 over one language of a clause wording: its text and sub-items as
 * the clause file writes them — placeholders unfilled (a new company name is not a new wording of
 * the clause), runs of white space as one space (re-wrapping a line in the file changes nothing).
 */
export function wordingFingerprint(wording: ClauseWording, locale: Locale): string {
	const words = (text: LocalizedText | undefined) => (text?.[locale] === undefined ? null : folded(text[locale]));
	return fingerprintOf({ text: words(wording.text), items: wording.items.map(words) });
}

/** Runs of white space as one space: re-wrapping a line in a file is not a new wording. */
const folded = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Eight hex digits of a SHA-256 over the canonical JSON of what is fingerprinted. */
function fingerprintOf(canonical: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 8);
}

/**
 * Eight hex digits of a SHA-256 over what the signed document prints from one role text file, as
 * the file writes it (the validated front matter): its title, summary, and sections — kind, title,
 * intro, items and their sub-items — with the same normalisation as `wordingFingerprint`
 * (placeholders unfilled, white space folded). A clause of the library counts as its id (and the
 * lead-in a list clause takes from the role): its wording is `clauseFingerprints`' part. Not the
 * MDX body (web-only prose), nor internal items (never published), nor what is not printed
 * (other titles, topics, targets, `translates`). Recorded as `document.textFingerprints`.
 */
export function textFingerprint(data: RoleTextData): string {
	const items = (entries: ItemEntryData[]): unknown[] =>
		entries.flatMap((entry): unknown[] => {
			if (isClauseRef(entry)) return [{ clause: entry.clause, text: entry.text === undefined ? null : folded(entry.text) }];
			return entry.internal ? [] : [{ text: folded(entry.text), items: items(entry.items) }];
		});
	return fingerprintOf({
		title: folded(data.title),
		summary: folded(data.summary),
		sections: data.sections.map((section) => ({
			kind: section.kind,
			title: section.title === undefined ? null : folded(section.title),
			intro: section.intro === undefined ? null : folded(section.intro),
			items: items(section.items),
		})),
	});
}

/**
 * What `rolebook approve` records for a version of a role (`document.textFingerprints`): per
 * language it is written in, in the company's order, the fingerprint of what its text prints.
 */
export function approvedTextFingerprints(rolebook: Rolebook, role: Role): TextFingerprints {
	const { locales } = rolebook.company;
	const texts = Object.values(role.texts).sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale));
	return Object.fromEntries(texts.map((text) => [text.locale, text.textFingerprint]));
}

/** Languages of a version whose text is not as approved. */
export interface TextApproval {
	/** The text prints other words than the ones recorded at approval: edited in place. */
	edited: Locale[];
	/** No fingerprint recorded (older content, or a translation added since). */
	unrecorded: Locale[];
}

/** For a version that is not a draft: which of its texts print what it was approved with, were edited in place since, or have no record. */
export function textApproval(rolebook: Rolebook, role: Role): TextApproval {
	const recorded = role.document.textFingerprints;
	const approval: TextApproval = { edited: [], unrecorded: [] };
	for (const [locale, fingerprint] of Object.entries(approvedTextFingerprints(rolebook, role))) {
		const approved = recorded?.[locale];
		if (approved === undefined) approval.unrecorded.push(locale);
		else if (approved !== fingerprint) approval.edited.push(locale);
	}
	return approval;
}

/**
 * The record `rolebook approve` and `rolebook version` write for an approved version: what is
 * recorded, plus the languages not recorded as they read now — never overwriting a record.
 */
export function completedTextFingerprints(rolebook: Rolebook, role: Role): TextFingerprints {
	const recorded = role.document.textFingerprints ?? {};
	return Object.fromEntries(Object.entries(approvedTextFingerprints(rolebook, role)).map(([locale, fingerprint]) => [locale, recorded[locale] ?? fingerprint]));
}

/**
 * Whether the wording a version shows in a language is the one it was approved with: `edited`
 * when it differs from the fingerprint recorded at approval (the clause was edited in place),
 * `unrecorded` when no fingerprint was recorded for it.
 */
export type ApprovalState = 'as-approved' | 'edited' | 'unrecorded';

export function approvalState(recorded: ClauseFingerprints | undefined, clause: string, locale: Locale, shown: ClauseWording): ApprovalState {
	const fingerprint = recorded?.[clause]?.[locale];
	if (fingerprint === undefined) return 'unrecorded';
	return fingerprint === wordingFingerprint(shown, locale) ? 'as-approved' : 'edited';
}

/** The clause references of a version of a role in the model, language by language in the company's order. */
function referencesOf(rolebook: Rolebook, role: Role): { clause: string; locale: Locale }[] {
	const { locales } = rolebook.company;
	const texts = Object.values(role.texts).sort((a, b) => locales.indexOf(a.locale) - locales.indexOf(b.locale));
	return texts.flatMap((text) => clauseItems(text.sections.flatMap((section) => section.items)).map((item) => ({ clause: item.clause!, locale: text.locale })));
}

/**
 * What `rolebook approve` records for a version of a role in force from `effective`
 * (`document.clauseFingerprints`): for each clause its texts refer to, in each language that
 * refers to it, the fingerprint of the wording the version shows once in force — a dated wording
 * may differ from the newest a draft shows. Clause ids sorted, languages in the company's order.
 */
export function approvedClauseFingerprints(rolebook: Rolebook, role: Role, effective: string): ClauseFingerprints {
	const byId = new Map(rolebook.clauses.map((clause) => [clause.id, clause.wordings]));
	const recorded: ClauseFingerprints = {};
	for (const { clause, locale } of referencesOf(rolebook, role)) {
		const wordings = byId.get(clause);
		if (!wordings) continue;
		const shown = wordings[wordingIndexOn(wordings, effective)]!;
		if (wordingLocales(shown).includes(locale)) (recorded[clause] ??= {})[locale] ??= wordingFingerprint(shown, locale);
	}
	return Object.fromEntries(Object.keys(recorded).sort().map((clause) => [clause, recorded[clause]!]));
}

/** Clauses of one version whose wording is not as approved, with the languages concerned. */
export interface WordingApproval {
	/** Shown in a wording other than the one recorded at approval: edited in place. */
	edited: { clause: Clause; locales: Locale[] }[];
	/** Used, but no fingerprint recorded. */
	unrecorded: { clause: Clause; locales: Locale[] }[];
}

/** For a version that is not a draft: which clauses it shows as approved, edited in place since, or without a record. */
export function wordingApproval(rolebook: Rolebook, role: Role): WordingApproval {
	const byId = new Map(rolebook.clauses.map((clause) => [clause.id, clause]));
	const date = clauseDateOf(role.document);
	const found: Record<'edited' | 'unrecorded', Map<string, Set<Locale>>> = { edited: new Map(), unrecorded: new Map() };
	for (const { clause: id, locale } of referencesOf(rolebook, role)) {
		const clause = byId.get(id);
		if (!clause) continue;
		const state = approvalState(role.document.clauseFingerprints, id, locale, clause.wordings[wordingIndexOn(clause.wordings, date)]!);
		if (state === 'as-approved') continue;
		const locales = found[state].get(id) ?? new Set<Locale>();
		found[state].set(id, locales.add(locale));
	}
	const list = (map: Map<string, Set<Locale>>) => [...map].sort(([a], [b]) => a.localeCompare(b)).map(([id, locales]) => ({ clause: byId.get(id)!, locales: [...locales] }));
	return { edited: list(found.edited), unrecorded: list(found.unrecorded) };
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
	/** Whether the wording shown is the one the version was approved with; absent for a draft. */
	approval?: ApprovalState;
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
				.map((item) => {
					const clause = byId.get(item.clause!)!;
					const wording = wordingIndexOn(clause.wordings, clauseDateOf(role.document));
					return {
						clause,
						role,
						locale: text.locale,
						number: item.number,
						anchor: item.anchor,
						wording,
						...(role.document.status === 'draft' ? {} : { approval: approvalState(role.document.clauseFingerprints, clause.id, text.locale, clause.wordings[wording]!) }),
					};
				}),
		),
	);
}

/**
 * An approved role whose clause is not what its holders signed, or soon will not be: it shows an
 * older wording than the clause's current one (`newWording`), or a wording other than the one it
 * was approved with (`edited`: the clause was edited in place).
 */
export interface PendingClauseUpdate {
	role: Role;
	clause: Clause;
	/** The role shows an older wording than the clause's current one. */
	newWording: boolean;
	/** With `newWording`: the date the current wording applies from. */
	since?: string;
	/** Languages whose wording differs from the one the version was approved with, when any. */
	edited?: Locale[];
}

/** Approved roles (their current version) whose holders must sign again once a new version takes the clause's wording: each needs `rolebook version <role>`. */
export function pendingClauseUpdates(rolebook: Rolebook): PendingClauseUpdate[] {
	const pending = new Map<string, PendingClauseUpdate>();
	for (const { role, clause, wording, locale, approval } of clauseUses(rolebook)) {
		if (role.document.status !== 'approved' || (wording === 0 && approval !== 'edited')) continue;
		const key = `${role.id} ${clause.id}`;
		const update = pending.get(key) ?? { role, clause, newWording: false };
		if (wording > 0) {
			update.newWording = true;
			if (clause.wordings[0]!.since) update.since = clause.wordings[0]!.since;
		}
		if (approval === 'edited' && !update.edited?.includes(locale)) update.edited = [...(update.edited ?? []), locale];
		pending.set(key, update);
	}
	return [...pending.values()];
}

/**
 * Where the words at a field of a role text come from when its item is a library clause: the
 * clause file and the field of the wording the version shows (`text.ru`, `items[2].ru`, or under
 * `previous[0]` for an older wording), so a problem in them is reported where HR fixes it. `usedBy`
 * says where it is shown ("sales-lead v2, ru 4.1"). Undefined for the role's own words (a list
 * clause's lead-in among them). `field` counts items as the model does.
 */
export function clauseFieldOf(rolebook: Rolebook, file: string, field: string): { file: string; field: string; usedBy: string } | undefined {
	const path = /^sections\[(\d+)\]((?:\.items\[\d+\])+)\.text$/.exec(field);
	if (!path) return undefined;
	const indexes = [...path[2]!.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
	for (const role of rolebook.roles.flatMap((current) => [current, ...current.history])) {
		const text = Object.values(role.texts).find((candidate) => candidate.file === file);
		if (!text) continue;
		let items = text.sections[Number(path[1])]?.items ?? [];
		for (const [depth, index] of indexes.entries()) {
			const item = items[index];
			if (!item) return undefined;
			if (item.clause) {
				const clause = rolebook.clauses.find((candidate) => candidate.id === item.clause);
				const rest = indexes.slice(depth + 1);
				if (!clause || rest.length > 1) return undefined;
				const shown = wordingIndexOn(clause.wordings, clauseDateOf(role.document));
				const wording = clause.wordings[shown]!;
				if (rest.length === 0 && !wording.text) return undefined;
				const base = shown === 0 ? '' : `previous[${shown - 1}].`;
				const number = rest.length === 0 ? item.number : `${item.number}.${rest[0]! + 1}`;
				return { file: clause.file, field: `${base}${rest.length === 0 ? 'text' : `items[${rest[0]}]`}.${text.locale}`, usedBy: `${role.id} v${role.document.version}, ${text.locale} ${number}` };
			}
			items = item.items;
		}
		return undefined;
	}
	return undefined;
}
