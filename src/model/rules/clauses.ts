/**
 * The clause library: each clause file on its own (ids, languages, wordings), every reference
 * to a clause from a role text (unknown clause, list or full clause, a language the clause lacks),
 * approved roles that still show an older wording than the clause's current one, and approved
 * versions that show a wording other than the one they were approved with (a clause edited in
 * place) — or a text other than the one they were approved with (the role text edited in place).
 */
import type { RawRoleVersion } from '../load.ts';
import { approvalState, clauseDateOf, textFingerprint, wordingIndexOn, wordingLocales, wordingsOf } from '../clauses.ts';
import { at, type PathSegment } from '../problems.ts';
import { isClauseRef, KEBAB_ID, type ClauseData, type ItemEntryData, type LocalizedText } from '../schema/index.ts';
import type { SourceFile } from '../source.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { checkLocalized, validateText } from './text.ts';

export function validateClauses(context: RuleContext): void {
	for (const entry of context.raw.clauses) {
		if (!KEBAB_ID.test(entry.id)) {
			context.problems.push({ severity: 'error', file: entry.file, message: 'the file name is the clause id: it must be kebab-case (lower-case letters, digits, hyphens), e.g. "trade-secrets.yaml"', found: entry.id });
		}
		if (entry.clause) validateClauseFile(context, entry.clause.source, entry.clause.data);
	}
	for (const role of context.raw.roles) {
		validateReferences(context, role, true);
		for (const snapshot of role.history) validateReferences(context, snapshot, false);
	}
}

function validateClauseFile(context: RuleContext, source: SourceFile, data: ClauseData): void {
	checkLocalized(context, source, ['title'], data.title);
	wordingsOf(data).forEach((wording, index) => {
		const base: PathSegment[] = index === 0 ? [] : ['previous', index - 1];
		const texts: [PathSegment[], LocalizedText][] = [...(wording.text ? [[[...base, 'text'], wording.text] as [PathSegment[], LocalizedText]] : []), ...wording.items.map((item, i) => [[...base, 'items', i], item] as [PathSegment[], LocalizedText])];
		// A clause is translated as a whole: a language with the text but not every sub-item would number differently.
		const locales = new Set(texts.flatMap(([, text]) => Object.keys(text)));
		for (const [path, text] of texts) {
			checkLocalized(context, source, path, text);
			for (const [locale, value] of Object.entries(text)) validateText(source, [...path, locale], value, context.problems);
			const missing = [...locales].filter((locale) => text[locale] === undefined && locale !== context.defaultLocale && context.configured.includes(locale));
			if (missing.length > 0) {
				context.problems.push(at(source, path, `has no ${missing.join(', ')} text, but other parts of this wording have: translate the whole clause, so every language has the same items`, missing.join(', ')));
			}
		}
	});
}

/** The references to clauses in the texts of one version of a role. */
function validateReferences(context: RuleContext, role: RawRoleVersion, current: boolean): void {
	const { problems, clauses, clauseIds } = context;
	const document = role.facts?.data.document;
	const date = document ? clauseDateOf(document) : undefined;
	const used = new Set<string>();
	const references: References = new Map();
	for (const [locale, text] of role.texts) {
		const { source } = text;
		// `published`: not inside an internal item, so part of the approved document.
		const visit = (entries: ItemEntryData[], path: PathSegment[], sectionKind: string, published: boolean) =>
			entries.forEach((entry, index) => {
				const itemPath = [...path, index];
				if (!isClauseRef(entry)) {
					visit(entry.items, [...itemPath, 'items'], sectionKind, published && !entry.internal);
					return;
				}
				if (!clauseIds.has(entry.clause)) {
					const known = [...clauseIds];
					const list = known.length > 0 ? ` Clauses in the library: ${known.join(', ')}.` : ' The library (content/clauses/) has none yet.';
					problems.push(at(source, [...itemPath, 'clause'], `is not a clause of the library (a file content/clauses/<id>.yaml).${didYouMean(entry.clause, known)}${list}`, entry.clause));
					return;
				}
				const clause = clauses.get(entry.clause);
				if (!clause) return; // its own file is reported
				used.add(entry.clause);
				const wordings = wordingsOf(clause);
				const wording = wordings[wordingIndexOn(wordings, date)]!;
				const file = `content/clauses/${entry.clause}.yaml`;
				if (!wording.text && entry.text === undefined) {
					problems.push(at(source, [...itemPath, 'clause'], `"${entry.clause}" is a list clause (sub-items only, ${file}): give the lead-in here as "text", e.g. "… is guided by:"`, entry.clause));
				}
				if (wording.text && entry.text !== undefined) {
					problems.push(at(source, [...itemPath, 'text'], `the clause "${entry.clause}" has its own text (${file}); remove "text" here — only a list clause takes its lead-in from the role`));
				}
				if (entry.text !== undefined) validateText(source, [...itemPath, 'text'], entry.text, problems);
				if (!wordingLocales(wording).includes(locale)) {
					const which = wordings.length > 1 ? 'the wording this version shows' : 'the clause';
					problems.push(at(source, [...itemPath, 'clause'], `"${entry.clause}" has no ${locale} text in ${which} (${file}): translate the clause there, or write the item in this text`, entry.clause));
				} else if (published) {
					const places = references.get(entry.clause) ?? [];
					if (!places.some((place) => place.locale === locale)) references.set(entry.clause, [...places, { locale, source, path: [...itemPath, 'clause'] }]);
				}
				if (entry.topic && sectionKind !== 'general-provisions') {
					problems.push(at(source, [...itemPath, 'topic'], `topics mark clauses of the general provisions; this item is in a "${sectionKind}" section`, entry.topic));
				}
			});
		text.data.sections.forEach((section, index) => visit(section.items, ['sections', index, 'items'], section.kind, true));
	}
	validateApproval(context, role, current, references);
	validateTextApproval(context, role, current);

	// An approved version keeps the wording its holders signed; a newer wording needs a new version.
	if (!current || !role.facts || document?.status !== 'approved' || !document.effective) return;
	for (const id of [...used].sort()) {
		const wordings = wordingsOf(clauses.get(id)!);
		if (wordingIndexOn(wordings, document.effective) === 0) continue;
		problems.push(
			at(
				role.facts.source,
				['document', 'version'],
				`the clause "${id}" has a new wording since ${wordings[0]!.since} (content/clauses/${id}.yaml); this approved version ${document.version} (in force since ${document.effective}) keeps the wording its holders signed. Start a new version with "rolebook version ${role.id}" to take the new wording, then have it signed again`,
				id,
				'warning',
			),
		);
	}
}

/** Where a version's texts refer to each clause outside internal items: the first place in each language. */
type References = Map<string, { locale: string; source: SourceFile; path: PathSegment[] }[]>;

/**
 * A version that is not a draft shows each clause as it was approved (`document.clauseFingerprints`,
 * written by `rolebook approve`). A clause edited in place changes what an approved version shows:
 * the version in force then needs a new version (a warning); a kept one — a frozen past version, or
 * a retired role's last — must never change (an error).
 */
function validateApproval(context: RuleContext, role: RawRoleVersion, current: boolean, references: References): void {
	if (!role.facts) return;
	const { problems, clauses, defaultLocale } = context;
	const { source } = role.facts;
	const document = role.facts.data.document;
	const recorded = document.clauseFingerprints;
	const command = (name: string) => `"npx rolebook ${name} ${role.id}"`;
	if (document.status === 'draft') {
		// A frozen draft is reported by the versions rule.
		if (current && recorded) {
			problems.push(at(source, ['document', 'clauseFingerprints'], `a draft has not been approved with any wording yet: remove this; when the version is approved, ${command('approve')} records the wordings it is approved with`, undefined, 'warning'));
		}
		return;
	}
	if (!document.effective) return; // reported by the roles rule
	const kept = !current || document.status === 'retired';
	// Clause ids by the languages not recorded: "a, b in en, ru; c in de".
	const unrecorded = new Map<string, string[]>();
	const rank = (locale: string) => (context.configured.includes(locale) ? context.configured.indexOf(locale) : Infinity);
	for (const id of [...references.keys()].sort()) {
		const places = [...references.get(id)!].sort((a, b) => rank(a.locale) - rank(b.locale));
		const wordings = wordingsOf(clauses.get(id)!);
		const shown = wordings[wordingIndexOn(wordings, document.effective)]!;
		const state = (locale: string) => approvalState(recorded, id, locale, shown);
		const missing = places.filter((place) => state(place.locale) === 'unrecorded');
		if (missing.length > 0) {
			const locales = missing.map((place) => place.locale).join(', ');
			unrecorded.set(locales, [...(unrecorded.get(locales) ?? []), id]);
		}
		const edited = places.filter((place) => state(place.locale) === 'edited');
		if (edited.length === 0) continue;
		const place = edited.find((candidate) => candidate.locale === defaultLocale) ?? edited[0]!;
		const file = `content/clauses/${id}.yaml`;
		const changed = `the clause "${id}" no longer reads as version ${document.version} was approved with it (${edited.map((candidate) => candidate.locale).join(', ')}; ${file}): it was edited in place`;
		problems.push(
			kept
				? at(
						place.source,
						place.path,
						`${changed}, but a kept approved version (a past version, or a retired role's last) must never change: its page and PDF show what its holders signed. Put the wording they signed back under "previous:" in the clause file, with "since:" on the newer wording after this version took effect (${document.effective}) — or undo the edit`,
						id,
					)
				: at(
						place.source,
						place.path,
						`${changed}, so this approved version's page, PDF and Word file now show words its holders did not sign. Keep what they signed: put that wording back under "previous:" in the clause file and give the new wording "since:" (the date it applies from) — or undo the edit. To take the new wording, start a new version with ${command('version')}; its holders then sign again`,
						id,
						'warning',
					),
		);
	}
	if (!kept && unrecorded.size > 0) {
		const list = [...unrecorded].map(([locales, ids]) => `${ids.join(', ')} in ${locales}`).join('; ');
		problems.push(
			at(
				source,
				['document', 'clauseFingerprints'],
				`version ${document.version} is approved, but the clause wordings it was approved with are not recorded (${list}), so a clause edited in place would go unnoticed: record them with ${command('approve')}`,
				undefined,
				'warning',
			),
		);
	}
}

/**
 * A version that is not a draft prints each text as it was approved (`document.textFingerprints`,
 * written by `rolebook approve`). A text edited in place — an item reworded, a section title, the
 * summary — changes what an approved version's page, PDF and Word file show: the version in force
 * needs a new version (a warning); a kept one must never change (an error). A language without a
 * record (older content) is not checked: `rolebook approve` records it.
 */
function validateTextApproval(context: RuleContext, role: RawRoleVersion, current: boolean): void {
	if (!role.facts) return;
	const { problems } = context;
	const document = role.facts.data.document;
	const recorded = document.textFingerprints;
	if (document.status === 'draft') {
		if (current && recorded) {
			problems.push(at(role.facts.source, ['document', 'textFingerprints'], `a draft has not been approved with any text yet: remove this; when the version is approved, "npx rolebook approve ${role.id}" records the texts it is approved with`, undefined, 'warning'));
		}
		return;
	}
	if (!recorded || !document.effective) return;
	const kept = !current || document.status === 'retired';
	for (const [locale, text] of role.texts) {
		const approved = recorded[locale];
		if (approved === undefined || approved === textFingerprint(text.data)) continue;
		const file = text.source.file;
		const changed = `the ${locale} text no longer reads as version ${document.version} was approved with it: it was edited in place (an item, a section title, an intro, the title or the summary) without a new version`;
		problems.push(
			kept
				? at(
						text.source,
						['title'],
						`${changed}, but a kept approved version (a past version, or a retired role's last) must never change: its page and PDF show what its holders signed. Undo the edit — restore the approved wording with git (git log -p -- ${file}), or from the signed PDF`,
					)
				: at(
						text.source,
						['title'],
						`${changed}, so this approved version's page, PDF and Word file now show words its holders did not sign. Restore the approved wording (e.g. "git checkout -- ${file}", or from the signed PDF); if the edit is what you want, it can only go into a new version: restore the approved wording, run "npx rolebook version ${role.id}", then make the edit in the new draft; its holders then sign again`,
						undefined,
						'warning',
					),
		);
	}
}
