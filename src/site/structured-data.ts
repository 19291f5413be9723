/**
 * schema.org data for role pages, so job boards and search engines read a role as an
 * Occupation: its duties, the knowledge it needs, education and experience.
 */
import { localized, type LocalizedRole, type Item, type Rolebook } from '../model/index.ts';
import { translator } from '../i18n/index.ts';

function flatten(items: Item[]): string[] {
	return items.flatMap((item) => [item.text, ...flatten(item.items)]);
}

export function occupationJsonLd(rolebook: Rolebook, view: LocalizedRole, pageUrl: string): Record<string, unknown> {
	const { role, text, locale } = view;
	const { defaultLocale } = rolebook.company;
	const t = translator(rolebook, locale);
	const provisions = text.sections.find((section) => section.kind === 'general-provisions')?.items ?? [];
	const knowledge = provisions.filter((item) => item.topic === 'knowledge').flatMap((item) => flatten(item.items));
	const qualification = provisions.filter((item) => item.topic === 'qualification').map((item) => item.text);
	const duties = text.sections.filter((section) => section.kind === 'duties' || section.kind === 'main-tasks').flatMap((section) => flatten(section.items));
	return {
		'@context': 'https://schema.org',
		'@type': 'Occupation',
		'@id': `${pageUrl}#occupation`,
		url: pageUrl,
		name: text.title,
		...(text.altTitles.length > 0 ? { alternateName: text.altTitles } : {}),
		description: text.summary,
		inLanguage: text.locale,
		occupationalCategory: `${localized(role.department.name, locale, defaultLocale).value} · ${t(`role.category.${role.category}`)}`,
		responsibilities: duties,
		...(knowledge.length > 0 ? { skills: knowledge } : {}),
		...(qualification.length > 0 ? { qualifications: qualification.join(' ') } : {}),
		educationRequirements: role.qualification.education.map((level) => ({
			'@type': 'EducationalOccupationalCredential',
			credentialCategory: t(`education.${level}`),
		})),
		experienceRequirements: {
			'@type': 'OccupationalExperienceRequirements',
			monthsOfExperience: Math.round(role.qualification.experienceYears * 12),
		},
		hiringOrganization: { '@type': 'Organization', name: localized(rolebook.company.name, locale, defaultLocale).value, url: rolebook.company.site.url },
	};
}
