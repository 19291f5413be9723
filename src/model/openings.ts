/**
 * Openings (vacancies): an opening's texts in one language and its job-board reference. Which
 * openings are public, and open today, is decided in publication.ts.
 */
import { localized } from './localize.ts';
import type { OpeningData } from './schema/index.ts';
import { localizeRole } from './translations.ts';
import { shownRole, type Publication } from './publication.ts';
import type { Locale, Opening, Role, Rolebook } from './types.ts';

/** The vacancy's reference for job boards: its own, else the opening's id. Unique (rules/openings.ts). */
export function referenceOf(id: string, data: Pick<OpeningData, 'reference'>): string {
	return data.reference ?? id;
}

/** An opening in one language, falling back to the default locale where it is not advertised in it. */
export interface LocalizedOpening {
	opening: Opening;
	/** The page's locale. */
	locale: Locale;
	/** The language the texts below are in: `locale`, or the default locale on a fallback page. */
	textLocale: Locale;
	fallback: boolean;
	title: string;
	description: string;
	/** The description split into paragraphs (blank lines). */
	paragraphs: string[];
	requirements: string[];
	/** City (and region) in the text's language, when the opening has an address. */
	place?: { street?: string; city: string; region?: string };
	/** The role as the build shows it (in public, the version in force). */
	role: Role;
	/** The role's title in the same language. */
	roleTitle: string;
	departmentName: string;
}

export function localizeOpening(rolebook: Rolebook, opening: Opening, locale: Locale, publication: Pick<Publication, 'preview'>): LocalizedOpening {
	const { defaultLocale } = rolebook.company;
	const textLocale = opening.locales.includes(locale) ? locale : defaultLocale;
	const text = (value: Record<string, string>) => localized(value, textLocale, defaultLocale).value;
	// A published opening's role is published (rules/openings.ts); a draft one's is shown in previews.
	const role = shownRole(rolebook, opening.role, publication) ?? rolebook.roles.find((candidate) => candidate.id === opening.role)!;
	const roleTitle = localizeRole(role, textLocale, defaultLocale).text.title;
	const description = text(opening.description).trim();
	const address = opening.location.address;
	return {
		opening,
		locale,
		textLocale,
		fallback: textLocale !== locale,
		title: opening.title ? text(opening.title) : roleTitle,
		description,
		paragraphs: description.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean),
		requirements: opening.requirements.map(text),
		...(address
			? { place: { city: text(address.city), ...(address.street ? { street: text(address.street) } : {}), ...(address.region ? { region: text(address.region) } : {}) } }
			: {}),
		role,
		roleTitle,
		departmentName: localized(role.department.name, textLocale, defaultLocale).value,
	};
}
