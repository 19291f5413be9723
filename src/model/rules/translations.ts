/**
 * Translations of a role against its default-locale text: the version each translates, and
 * numbered lists of the same length so that "2.13" is the same duty in every language.
 */
import type { Parsed, RawRoleVersion } from '../load.ts';
import { at, type PathSegment, type Problem } from '../problems.ts';
import { clauseDateOf, wordingIndexOn, wordingLocales, wordingsOf } from '../clauses.ts';
import { isClauseRef, type ClauseData, type ItemEntryData, type RoleTextData, type SectionData } from '../schema/index.ts';
import type { RuleContext } from './context.ts';

export function validateTranslations({ raw, problems, defaultLocale, clauses }: RuleContext): void {
	for (const role of raw.roles) {
		validateVersionTranslations(role, false, defaultLocale, clauses, problems);
		for (const snapshot of role.history) validateVersionTranslations(snapshot, true, defaultLocale, clauses, problems);
	}
}

function validateVersionTranslations(role: RawRoleVersion, frozen: boolean, defaultLocale: string, clauses: Map<string, ClauseData>, problems: Problem[]): void {
	const reference = role.texts.get(defaultLocale);
	const version = role.facts?.data.document.version;
	for (const [locale, text] of role.texts) {
		if (reference && locale !== defaultLocale) compareTranslation(reference, text, defaultLocale, locale, subItemsOf(role, clauses), clauseInOf(role, clauses), problems);
		const translates = text.data.translates;
		if (version === undefined || translates === undefined) continue;
		if (translates > version) {
			problems.push(at(text.source, ['translates'], `translates version ${translates}, but the role is at version ${version} (${role.dir}/role.yaml)`, translates));
		} else if (!frozen && translates < version) {
			problems.push(at(text.source, ['translates'], `is outdated: it translates version ${translates} and the role is at version ${version}; update the translation, then "translates"`, translates, 'warning'));
		}
	}
}

/** Warns where a translation's numbered lists differ from the default locale's: numbering would not match. */
/**
 * The sub-items of an item as they are numbered: a clause's come from the wording this version
 * shows (the same in every language), so they count like any others.
 */
function subItemsOf(role: RawRoleVersion, clauses: Map<string, ClauseData>): (item: ItemEntryData) => ItemEntryData[] {
	const document = role.facts?.data.document;
	const date = document ? clauseDateOf(document) : undefined;
	return (item) => {
		if (!isClauseRef(item)) return item.items;
		const clause = clauses.get(item.clause);
		if (!clause) return [];
		const wordings = wordingsOf(clause);
		return wordings[wordingIndexOn(wordings, date)]!.items.map((): ItemEntryData => ({ text: '', internal: false, items: [] }));
	};
}

/** Whether a clause has a text in a locale, in the wording this version shows. */
function clauseInOf(role: RawRoleVersion, clauses: Map<string, ClauseData>): (clause: string, locale: string) => boolean {
	const document = role.facts?.data.document;
	const date = document ? clauseDateOf(document) : undefined;
	return (id, locale) => {
		const clause = clauses.get(id);
		if (!clause) return false;
		const wordings = wordingsOf(clause);
		return wordingLocales(wordings[wordingIndexOn(wordings, date)]!).includes(locale);
	};
}

function compareTranslation(
	reference: Parsed<RoleTextData>,
	translation: Parsed<RoleTextData>,
	defaultLocale: string,
	locale: string,
	subItems: (item: ItemEntryData) => ItemEntryData[],
	clauseIn: (clause: string, locale: string) => boolean,
	problems: Problem[],
): void {
	const { source } = translation;
	const a = reference.data.sections;
	const b = translation.data.sections;
	const shape = (sections: SectionData[]) => sections.map((s) => (s.kind === 'custom' ? s.id : s.kind)).join(', ');
	if (shape(a) !== shape(b)) {
		problems.push(at(source, ['sections'], `the sections differ from ${defaultLocale} (${shape(a)} in ${defaultLocale}; ${shape(b)} in ${locale}), so section numbers do not match`, undefined, 'warning'));
		return;
	}
	// Internal items are never published or numbered, so they do not count (and need no translation).
	const published = (items: ItemEntryData[]) => items.filter((item) => isClauseRef(item) || !item.internal);
	const compare = (path: PathSegment[], allLeft: ItemEntryData[], allRight: ItemEntryData[], name: string) => {
		const left = published(allLeft);
		const right = published(allRight);
		if (left.length !== right.length) {
			problems.push(at(source, path, `the list "${name}" has ${right.length} in ${locale} but ${left.length} in ${defaultLocale}; translate every item so numbering matches`, undefined, 'warning'));
			return;
		}
		left.forEach((item, index) => {
			const other = right[index]!;
			// The same number must stand for the same clause in every language.
			const clause = isClauseRef(item) ? item.clause : undefined;
			const otherClause = isClauseRef(other) ? other.clause : undefined;
			// A translation writes its own text where the clause has none in its language: nothing to warn about.
			const ownTextNeeded = clause !== undefined && otherClause === undefined && !clauseIn(clause, locale);
			if (clause !== otherClause && !ownTextNeeded) {
				const what = (id: string | undefined) => (id ? `the clause "${id}"` : 'its own text');
				problems.push(at(source, [...path, index], `in ${defaultLocale} this item is ${what(clause)}, here ${what(otherClause)}: use the same clause in every language, so the numbered item says the same`, otherClause, 'warning'));
				return;
			}
			compare([...path, index, 'items'], subItems(item), subItems(other), `${name} ${index + 1}`);
		});
	};
	a.forEach((section, index) => compare(['sections', index, 'items'], section.items, b[index]!.items, `${section.kind === 'custom' ? section.id : section.kind}`));
}
