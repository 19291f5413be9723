/**
 * Job families as career ladders: where a role sits, what each level is called in a language,
 * and what changes from one level to the next — duties, knowledge, rights and responsibility
 * added and dropped (the item diff of diff.ts) and the requirements (education, experience).
 * What a build shows is asked of publication.ts.
 */
import { diffItemLists, type ItemChange } from './diff.ts';
import { localized } from './localize.ts';
import { shownLevels, shownRole, type Publication } from './publication.ts';
import type { EDUCATION_LEVELS } from './schema/index.ts';
import { localizeRole } from './translations.ts';
import type { Family, Item, Level, Locale, Role, Rolebook } from './types.ts';

/** Where a role sits in its family, as this build shows the family. */
export interface FamilyPlace {
	family: Family;
	level: Level;
	/** The shown levels, from the entry level up. */
	levels: Level[];
	/** 1-based place among the shown levels. */
	rank: number;
	below?: Level;
	above?: Level;
}

/** The family level of a role, if it has one (a role has at most one, `check` makes sure). */
export function familyPlaceOf(rolebook: Rolebook, roleId: string, publication: Pick<Publication, 'preview'>): FamilyPlace | undefined {
	for (const family of rolebook.families) {
		const levels = shownLevels(rolebook, family, publication);
		const index = levels.findIndex((level) => level.role === roleId);
		if (index < 0) continue;
		return { family, level: levels[index]!, levels, rank: index + 1, ...(index > 0 ? { below: levels[index - 1]! } : {}), ...(index < levels.length - 1 ? { above: levels[index + 1]! } : {}) };
	}
	return undefined;
}

/** The role of a level as this build shows it. */
export function levelRole(rolebook: Rolebook, level: Level, publication: Pick<Publication, 'preview'>): Role | undefined {
	return level.role === undefined ? undefined : shownRole(rolebook, level.role, publication);
}

/** A level's name in a language: its own title, else its role's title, else its position's. */
export function levelTitle(rolebook: Rolebook, level: Level, locale: Locale, publication: Pick<Publication, 'preview'>): string {
	const { defaultLocale } = rolebook.company;
	if (level.title) return localized(level.title, locale, defaultLocale).value;
	const role = levelRole(rolebook, level, publication);
	if (role) return localizeRole(role, locale, defaultLocale).text.title;
	if (level.position) return localized(level.position.title, locale, defaultLocale).value;
	return level.id;
}

/** What a ladder compares between two roles: their duties (and main tasks), what they must know, rights, responsibility. */
export const LADDER_AREAS = ['duties', 'knowledge', 'rights', 'responsibility'] as const;
export type LadderArea = (typeof LADDER_AREAS)[number];

export interface AreaChange {
	area: LadderArea;
	/** Items new at the upper level, with their anchors on its role page. */
	added: ItemChange[];
	/** Items of the lower level the upper one does not have. */
	removed: ItemChange[];
	/** Items alike at both levels but worded differently (the upper level's wording). */
	reworded: ItemChange[];
	/** Items the two levels share word for word. */
	same: number;
}

export interface LevelStep {
	from: Level;
	to: Level;
	/** Per area, when both levels have a role; empty otherwise. */
	areas: AreaChange[];
	/** Requirements of the upper role next to the lower one's (only what differs). */
	requirements: {
		experienceYears?: { from: number; to: number };
		educationAdded: (typeof EDUCATION_LEVELS)[number][];
		educationDropped: (typeof EDUCATION_LEVELS)[number][];
		category?: { from: Role['category']; to: Role['category'] };
	};
}

function areaItems(role: Role, locale: Locale, defaultLocale: Locale, area: LadderArea): Item[] {
	const { sections } = localizeRole(role, locale, defaultLocale).text;
	if (area === 'knowledge') {
		return sections
			.filter((section) => section.kind === 'general-provisions')
			.flatMap((section) => section.items.filter((item) => item.topic === 'knowledge').flatMap((item) => item.items));
	}
	const kinds = area === 'duties' ? ['main-tasks', 'duties'] : [area];
	return sections.filter((section) => kinds.includes(section.kind)).flatMap((section) => section.items);
}

/** What changes from one shown level to the next, in a language. */
export function levelStep(rolebook: Rolebook, from: Level, to: Level, locale: Locale, publication: Pick<Publication, 'preview'>): LevelStep {
	const { defaultLocale } = rolebook.company;
	const lower = levelRole(rolebook, from, publication);
	const upper = levelRole(rolebook, to, publication);
	const step: LevelStep = { from, to, areas: [], requirements: { educationAdded: [], educationDropped: [] } };
	if (!lower || !upper) return step;
	for (const area of LADDER_AREAS) {
		const changes = diffItemLists(areaItems(lower, locale, defaultLocale, area), areaItems(upper, locale, defaultLocale, area));
		const change: AreaChange = {
			area,
			added: changes.filter((c) => c.kind === 'added'),
			removed: changes.filter((c) => c.kind === 'removed'),
			reworded: changes.filter((c) => c.kind === 'reworded'),
			same: changes.filter((c) => c.kind === 'same').length,
		};
		if (change.added.length + change.removed.length + change.reworded.length + change.same > 0) step.areas.push(change);
	}
	const a = lower.qualification;
	const b = upper.qualification;
	if (a.experienceYears !== b.experienceYears) step.requirements.experienceYears = { from: a.experienceYears, to: b.experienceYears };
	step.requirements.educationAdded = b.education.filter((level) => !a.education.includes(level));
	step.requirements.educationDropped = a.education.filter((level) => !b.education.includes(level));
	if (lower.category !== upper.category) step.requirements.category = { from: lower.category, to: upper.category };
	return step;
}
