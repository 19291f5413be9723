/**
 * Openings as the site, the feeds and the link-preview images read them: internal notes
 * dropped, languages in the company's order, salary and defaults made explicit.
 */
import type { RawContent } from './load.ts';
import type { Opening } from './types.ts';
import { referenceOf } from './openings.ts';

/** Assumes validation found no errors. */
export function normaliseOpenings(raw: RawContent): Opening[] {
	const configured = raw.company!.data.locales.configured;
	const defaultLocale = raw.company!.data.locales.default;
	const rank = (locale: string) => (locale === defaultLocale ? -1 : configured.indexOf(locale));
	return raw.openings
		.filter((entry) => entry.opening)
		.map(({ id, opening }) => {
			const data = opening!.data;
			const { address } = data.location;
			return {
				id,
				file: opening!.source.file,
				role: data.role,
				locales: [...data.locales].sort((a, b) => rank(a) - rank(b)),
				draft: data.draft,
				reference: referenceOf(id, data),
				...(data.title ? { title: data.title } : {}),
				description: data.description,
				requirements: data.requirements,
				...(data.experienceYears !== undefined ? { experienceYears: data.experienceYears } : {}),
				employmentType: data.employmentType,
				location: {
					type: data.location.type,
					...(address ? { address } : {}),
					applicantCountries: data.location.applicantCountries,
				},
				salary: data.salary === 'by-agreement' ? { kind: 'by-agreement' as const } : { kind: 'range' as const, ...data.salary },
				datePosted: data.datePosted,
				validThrough: data.validThrough,
				apply: data.apply,
			} satisfies Opening;
		})
		.sort((a, b) => a.id.localeCompare(b.id));
}
