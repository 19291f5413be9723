/**
 * schema.org data for role pages, so job boards and search engines read a role as an
 * Occupation: its duties, the knowledge it needs, education and experience.
 */
import { localized, type LocalizedOpening, type LocalizedRole, type Item, type PayBand, type Rolebook } from '../model/index.ts';
import type { EmploymentType } from '../model/schema/index.ts';
import { translator } from '../i18n/index.ts';

function flatten(items: Item[]): string[] {
	return items.flatMap((item) => [item.text, ...flatten(item.items)]);
}

/** ISO 8601 durations of the pay periods, for `MonetaryAmountDistribution.duration`. */
const PERIOD_DURATION = { hour: 'PT1H', day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y' } as const;

export interface OccupationOptions {
	/** The role's public pay band (publication.ts `publicBand`): becomes `estimatedSalary`. Never an internal one. */
	band?: PayBand;
}

export function occupationJsonLd(rolebook: Rolebook, view: LocalizedRole, pageUrl: string, options: OccupationOptions = {}): Record<string, unknown> {
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
		...(options.band?.public
			? {
					estimatedSalary: [
						{
							'@type': 'MonetaryAmountDistribution',
							name: 'base',
							currency: options.band.currency,
							duration: PERIOD_DURATION[options.band.period],
							minValue: options.band.min,
							median: options.band.midpoint,
							maxValue: options.band.max,
							unitText: options.band.period.toUpperCase(),
						},
					],
				}
			: {}),
	};
}

const EMPLOYMENT_TYPE: Record<EmploymentType, string> = {
	'full-time': 'FULL_TIME',
	'part-time': 'PART_TIME',
	contractor: 'CONTRACTOR',
	temporary: 'TEMPORARY',
	intern: 'INTERN',
	volunteer: 'VOLUNTEER',
	'per-diem': 'PER_DIEM',
	other: 'OTHER',
};

/** The lowest accepted education level in the words Google's job search understands. */
const EDUCATION_CATEGORY = { secondary: 'high school', 'secondary-vocational': 'professional certificate', higher: 'bachelor degree' } as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface JobPostingUrls {
	/** Absolute URL of the opening's page. */
	page: string;
	/** Absolute URL of the role's page in the same language (its Occupation is `<url>#occupation`). */
	role: string;
	/** Absolute URL of the company logo, if there is one. */
	logo?: string;
}

/**
 * schema.org JobPosting for an opening page, with every property Google's job-posting
 * guidelines require (title, description, datePosted, hiringOrganization, jobLocation — or
 * jobLocationType TELECOMMUTE with applicantLocationRequirements for remote work) and those
 * it recommends (validThrough, employmentType, baseSalary, identifier, directApply).
 * The posting points at the role's Occupation through relevantOccupation.
 */
export function jobPostingJsonLd(rolebook: Rolebook, view: LocalizedOpening, urls: JobPostingUrls): Record<string, unknown> {
	const { opening } = view;
	const { company } = rolebook;
	const t = translator(rolebook, view.textLocale);
	const { role } = view;
	const companyName = localized(company.name, view.textLocale, company.defaultLocale).value;
	const description = [
		...view.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
		...(view.requirements.length > 0
			? [`<p><strong>${escapeHtml(t('opening.requirements'))}</strong></p>`, `<ul>${view.requirements.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`]
			: []),
	].join('');
	const { location, salary } = opening;
	const address = location.address && view.place
		? {
				'@type': 'Place',
				address: {
					'@type': 'PostalAddress',
					...(view.place.street ? { streetAddress: view.place.street } : {}),
					addressLocality: view.place.city,
					...(view.place.region ? { addressRegion: view.place.region } : {}),
					...(location.address.postalCode ? { postalCode: location.address.postalCode } : {}),
					addressCountry: location.address.country,
				},
			}
		: undefined;
	const months = Math.round((opening.experienceYears ?? role.qualification.experienceYears) * 12);
	const lowest = (['secondary', 'secondary-vocational', 'higher'] as const).find((level) => role.qualification.education.includes(level));
	return {
		'@context': 'https://schema.org',
		'@type': 'JobPosting',
		'@id': `${urls.page}#job-posting`,
		url: urls.page,
		title: view.title,
		description,
		datePosted: opening.datePosted,
		validThrough: opening.validThrough,
		employmentType: opening.employmentType.map((type) => EMPLOYMENT_TYPE[type]),
		hiringOrganization: {
			'@type': 'Organization',
			name: companyName,
			sameAs: company.website ?? company.site.url,
			url: company.website ?? company.site.url,
			...(urls.logo ? { logo: urls.logo } : {}),
		},
		...(address ? { jobLocation: address } : {}),
		...(location.type !== 'onsite'
			? {
					jobLocationType: 'TELECOMMUTE',
					applicantLocationRequirements: location.applicantCountries.map((code) => ({ '@type': 'Country', name: code })),
				}
			: {}),
		...(salary.kind === 'range'
			? {
					baseSalary: {
						'@type': 'MonetaryAmount',
						currency: salary.currency,
						value: {
							'@type': 'QuantitativeValue',
							...(salary.min !== undefined && salary.min === salary.max ? { value: salary.min } : {}),
							...(salary.min !== undefined ? { minValue: salary.min } : {}),
							...(salary.max !== undefined ? { maxValue: salary.max } : {}),
							unitText: salary.period.toUpperCase(),
						},
					},
				}
			: {}),
		identifier: { '@type': 'PropertyValue', name: companyName, value: opening.reference },
		directApply: opening.apply.direct,
		occupationalCategory: view.departmentName,
		...(lowest ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: EDUCATION_CATEGORY[lowest] } } : {}),
		// Google reads "no requirements" where no experience is needed.
		experienceRequirements: months > 0 ? { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: months } : 'no requirements',
		relevantOccupation: { '@type': 'Occupation', '@id': `${urls.role}#occupation`, name: view.roleTitle },
	};
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">` block. The HTML parser ends a
 * script at the first `</script` whatever JSON says, and `<!--` changes how it reads the rest,
 * so `<`, `>` and `&` are written as JSON escapes (`\u003c` …): the same data for every JSON
 * reader, nothing the HTML parser can act on. U+2028/U+2029 are escaped for old JavaScript readers.
 */
export function jsonLdScriptText(data: unknown): string {
	return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
