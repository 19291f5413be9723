/** The text of a role in one language: required sections, unique anchors, placeholders, topics, targets. */
import type { Parsed } from '../load.ts';
import { at, type PathSegment, type Problem } from '../problems.ts';
import { isClauseRef, REQUIRED_SECTION_KINDS, type ItemEntryData, type RoleTextData, type SectionData } from '../schema/index.ts';
import type { SourceFile } from '../source.ts';
import type { RuleContext } from './context.ts';
import { validateText } from './text.ts';

export function validateRoleTexts({ raw, problems }: RuleContext): void {
	for (const role of raw.roles) {
		for (const version of [role, ...role.history]) for (const text of version.texts.values()) problems.push(...textProblems(text));
	}
}

/**
 * A text's own problems depend on that text alone: kept by its validated data, which the loader
 * keeps while the file is unchanged, so a reload after one save checks only the saved text.
 */
const checkedTexts = new WeakMap<RoleTextData, Problem[]>();

function textProblems(text: Parsed<RoleTextData>): Problem[] {
	let found = checkedTexts.get(text.data);
	if (!found) {
		found = [];
		validateRoleText(text, found);
		checkedTexts.set(text.data, found);
	}
	return found;
}

function validateRoleText({ source, data }: Parsed<RoleTextData>, problems: Problem[]): void {
	validateText(source, ['title'], data.title, problems);
	validateText(source, ['summary'], data.summary, problems);
	data.altTitles.forEach((title, index) => validateText(source, ['altTitles', index], title, problems));
	const kinds = data.sections.map((section) => section.kind);
	for (const required of REQUIRED_SECTION_KINDS) {
		if (!kinds.includes(required)) problems.push(at(source, ['sections'], `a job description needs a "${required}" section`));
	}
	const anchors = new Set<string>();
	data.sections.forEach((section, index) => {
		const anchor = section.kind === 'custom' ? section.id : section.kind;
		if (anchor && anchors.has(anchor)) {
			problems.push(at(source, ['sections', index, section.kind === 'custom' ? 'id' : 'kind'], `a section "${anchor}" already exists in this text; each section appears once`, anchor));
		}
		if (anchor) anchors.add(anchor);
		if (section.title) validateText(source, ['sections', index, 'title'], section.title, problems);
		if (section.intro) validateText(source, ['sections', index, 'intro'], section.intro, problems);
		validateItems(source, ['sections', index, 'items'], section.items, section, problems);
	});
}

function validateItems(source: SourceFile, path: PathSegment[], items: ItemEntryData[], section: SectionData, problems: Problem[]): void {
	items.forEach((item, index) => {
		const itemPath = [...path, index];
		// A clause of the library is checked with the library (rules/clauses.ts).
		if (isClauseRef(item)) return;
		validateText(source, [...itemPath, 'text'], item.text, problems);
		if (item.topic && section.kind !== 'general-provisions') {
			problems.push(at(source, [...itemPath, 'topic'], `topics mark clauses of the general provisions; this item is in a "${section.kind}" section`, item.topic));
		}
		// "once" reads better than "1", so only counts above one must appear as digits.
		if (item.target?.min !== undefined && item.target.min > 1 && !item.text.includes(String(item.target.min))) {
			problems.push(at(source, [...itemPath, 'target', 'min'], `the target is not stated in the item's text; write the number ${item.target.min} in the text so readers see it`, item.target.min, 'warning'));
		}
		validateItems(source, [...itemPath, 'items'], item.items, section, problems);
	});
}
