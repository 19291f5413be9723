/**
 * The clause library: each clause file on its own (ids, languages, wordings), every reference
 * to a clause from a role text (unknown clause, list or full clause, a language the clause lacks),
 * and approved roles that still show an older wording than the clause's current one.
 */
import type { RawRoleVersion } from '../load.ts';
import { clauseDateOf, wordingIndexOn, wordingLocales, wordingsOf } from '../clauses.ts';
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
	for (const [locale, text] of role.texts) {
		const { source } = text;
		const visit = (entries: ItemEntryData[], path: PathSegment[], sectionKind: string) =>
			entries.forEach((entry, index) => {
				const itemPath = [...path, index];
				if (!isClauseRef(entry)) {
					visit(entry.items, [...itemPath, 'items'], sectionKind);
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
				}
				if (entry.topic && sectionKind !== 'general-provisions') {
					problems.push(at(source, [...itemPath, 'topic'], `topics mark clauses of the general provisions; this item is in a "${sectionKind}" section`, entry.topic));
				}
			});
		text.data.sections.forEach((section, index) => visit(section.items, ['sections', index, 'items'], section.kind));
	}

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
