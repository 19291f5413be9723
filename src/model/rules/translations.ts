/**
 * Translations of a role against its default-locale text: the version each translates, and
 * numbered lists of the same length so that "2.13" is the same duty in every language.
 */
import type { Parsed, RawRoleVersion } from '../load.ts';
import { at, type PathSegment, type Problem } from '../problems.ts';
import type { ItemData, RoleTextData, SectionData } from '../schema/index.ts';
import type { RuleContext } from './context.ts';

export function validateTranslations({ raw, problems, defaultLocale }: RuleContext): void {
	for (const role of raw.roles) {
		validateVersionTranslations(role, false, defaultLocale, problems);
		for (const snapshot of role.history) validateVersionTranslations(snapshot, true, defaultLocale, problems);
	}
}

function validateVersionTranslations(role: RawRoleVersion, frozen: boolean, defaultLocale: string, problems: Problem[]): void {
	const reference = role.texts.get(defaultLocale);
	const version = role.facts?.data.document.version;
	for (const [locale, text] of role.texts) {
		if (reference && locale !== defaultLocale) compareTranslation(reference, text, defaultLocale, locale, problems);
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
function compareTranslation(reference: Parsed<RoleTextData>, translation: Parsed<RoleTextData>, defaultLocale: string, locale: string, problems: Problem[]): void {
	const { source } = translation;
	const a = reference.data.sections;
	const b = translation.data.sections;
	const shape = (sections: SectionData[]) => sections.map((s) => (s.kind === 'custom' ? s.id : s.kind)).join(', ');
	if (shape(a) !== shape(b)) {
		problems.push(at(source, ['sections'], `the sections differ from ${defaultLocale} (${shape(a)} in ${defaultLocale}; ${shape(b)} in ${locale}), so section numbers do not match`, undefined, 'warning'));
		return;
	}
	// Internal items are never published or numbered, so they do not count (and need no translation).
	const published = (items: ItemData[]) => items.filter((item) => !item.internal);
	const compare = (path: PathSegment[], allLeft: ItemData[], allRight: ItemData[], name: string) => {
		const left = published(allLeft);
		const right = published(allRight);
		if (left.length !== right.length) {
			problems.push(at(source, path, `the list "${name}" has ${right.length} in ${locale} but ${left.length} in ${defaultLocale}; translate every item so numbering matches`, undefined, 'warning'));
			return;
		}
		left.forEach((item, index) => compare([...path, index, 'items'], item.items, right[index]!.items, `${name} ${index + 1}`));
	};
	a.forEach((section, index) => compare(['sections', index, 'items'], section.items, b[index]!.items, `${section.kind === 'custom' ? section.id : section.kind}`));
}
