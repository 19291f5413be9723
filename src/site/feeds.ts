/**
 * Machine-readable feeds for applicant-tracking systems, one pair per locale:
 * `/{locale}/feeds/roles.json` (published roles) and `/{locale}/feeds/openings.json` (open
 * vacancies advertised in that language). Built from the normalised model, so drafts, draft
 * openings and internal fields cannot appear: the model has no internal fields, and drafts are
 * filtered here whatever the build (preview builds included). The fields are documented in
 * the README ("Feeds"); `version` changes when a field changes meaning or disappears.
 */
import { familyPlaceOf, levelTitle, localized, localizeOpening, localizeRole, openOpenings, publicBand, publishedRoles, type Opening, type Role, type Rolebook } from '../model/index.ts';
import { translator } from '../i18n/index.ts';
import { formatSalary } from '../i18n/openings.ts';
import { paths } from './rolebook.ts';
import { absoluteUrl, logoUrl } from './urls.ts';

export const FEED_VERSION = 1;

export interface FeedOptions {
	/** The public site address (`site.url`). */
	site: string;
	/** "Today": which openings are open. */
	today: string;
}

function header(rolebook: Rolebook, locale: string, kind: 'roles' | 'openings', options: FeedOptions) {
	const { company } = rolebook;
	const logo = logoUrl(rolebook, options.site);
	return {
		version: FEED_VERSION,
		kind,
		locale,
		asOf: options.today,
		home: absoluteUrl(paths.home(locale), options.site),
		company: {
			name: localized(company.name, locale, company.defaultLocale).value,
			...(company.website ? { website: company.website } : {}),
			...(logo ? { logo } : {}),
		},
	};
}

export function rolesFeed(rolebook: Rolebook, locale: string, options: FeedOptions) {
	const { company } = rolebook;
	const open = openOpenings(rolebook, { preview: false, today: options.today });
	const items = publishedRoles(rolebook, { preview: false }).map((role) => {
		const { text, fallback } = localizeRole(role, locale, company.defaultLocale);
		const reportsTo =
			role.reportsTo.kind === 'position'
				? { id: role.reportsTo.id, title: localized(role.reportsTo.position.title, locale, company.defaultLocale).value }
				: { id: role.reportsTo.id, title: localizeRole(rolebook.roles.find((other) => other.id === role.reportsTo.id)!, locale, company.defaultLocale).text.title };
		return {
			id: role.id,
			url: absoluteUrl(paths.role(locale, role.id), options.site),
			pdf: absoluteUrl(paths.rolePdf(locale, role.id), options.site),
			language: text.locale,
			translated: !fallback,
			title: text.title,
			altTitles: text.altTitles,
			summary: text.summary,
			department: { id: role.department.id, name: localized(role.department.name, locale, company.defaultLocale).value },
			category: role.category,
			reportsTo,
			qualification: { education: role.qualification.education, experienceYears: role.qualification.experienceYears },
			document: { number: role.document.number, version: role.document.version, ...(role.document.effective ? { effective: role.document.effective } : {}) },
			openings: open.filter((opening) => opening.role === role.id).map((opening) => absoluteUrl(paths.opening(locale, opening.id), options.site)),
			...familyFields(rolebook, role, locale, options),
		};
	});
	return { ...header(rolebook, locale, 'roles', options), items };
}

/**
 * The role's job family and its level on the family's ladder as the public sees it (`null` for a
 * role in no family). A pay band only when it is public (publication.ts `publicBand`).
 */
function familyFields(rolebook: Rolebook, role: Role, locale: string, options: FeedOptions) {
	const place = familyPlaceOf(rolebook, role.id, { preview: false });
	if (!place) return { family: null, level: null };
	const { defaultLocale } = rolebook.company;
	const band = publicBand(place.level);
	return {
		family: { id: place.family.id, title: localized(place.family.title, locale, defaultLocale).value, url: absoluteUrl(paths.family(locale, place.family.id), options.site) },
		level: {
			id: place.level.id,
			number: place.rank,
			of: place.levels.length,
			grade: place.level.grade,
			title: levelTitle(rolebook, place.level, locale, { preview: false }),
			payBand: band ? { min: band.min, midpoint: band.midpoint, max: band.max, currency: band.currency, period: band.period } : null,
		},
	};
}

function openingItem(rolebook: Rolebook, opening: Opening, locale: string, options: FeedOptions) {
	const view = localizeOpening(rolebook, opening, locale, { preview: false });
	const { role } = view;
	const { location, salary } = opening;
	return {
		id: opening.id,
		reference: opening.reference,
		url: absoluteUrl(paths.opening(locale, opening.id), options.site),
		language: view.textLocale,
		title: view.title,
		description: view.paragraphs.join('\n\n'),
		requirements: view.requirements,
		role: {
			id: role.id,
			title: view.roleTitle,
			url: absoluteUrl(paths.role(locale, role.id), options.site),
			pdf: absoluteUrl(paths.rolePdf(locale, role.id), options.site),
		},
		department: { id: role.department.id, name: view.departmentName },
		employmentType: opening.employmentType,
		experienceYears: opening.experienceYears ?? role.qualification.experienceYears,
		location: {
			type: location.type,
			...(location.address && view.place
				? {
						address: {
							...(view.place.street ? { street: view.place.street } : {}),
							city: view.place.city,
							...(view.place.region ? { region: view.place.region } : {}),
							...(location.address.postalCode ? { postalCode: location.address.postalCode } : {}),
							country: location.address.country,
						},
					}
				: {}),
			applicantCountries: location.applicantCountries,
		},
		salary:
			salary.kind === 'range'
				? { byAgreement: false, ...(salary.min !== undefined ? { min: salary.min } : {}), ...(salary.max !== undefined ? { max: salary.max } : {}), currency: salary.currency, period: salary.period }
				: { byAgreement: true },
		salaryText: formatSalary(salary, locale, translator(rolebook, locale)),
		datePosted: opening.datePosted,
		validThrough: opening.validThrough,
		apply: { ...(opening.apply.url ? { url: opening.apply.url } : {}), ...(opening.apply.email ? { email: opening.apply.email } : {}), direct: opening.apply.direct },
	};
}

/** Open, non-draft vacancies advertised in `locale`. */
export function openingsFeed(rolebook: Rolebook, locale: string, options: FeedOptions) {
	const items = openOpenings(rolebook, { preview: false, today: options.today })
		.filter((opening) => opening.locales.includes(locale))
		.map((opening) => openingItem(rolebook, opening, locale, options));
	return { ...header(rolebook, locale, 'openings', options), items };
}
