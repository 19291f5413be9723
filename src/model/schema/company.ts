import { z } from 'zod';
import { kebabId, localeCode, localizedText } from './common.ts';

/** A person's name in one language; printed in documents as "Family G.P.". */
export const personName = z.strictObject({
	family: z.string().trim().min(1),
	given: z.string().trim().min(1),
	/** Patronymic, where the language uses one (Russian). */
	patronymic: z.string().trim().min(1).optional(),
});
export type PersonName = z.output<typeof personName>;

export const department = z.strictObject({
	id: kebabId,
	name: localizedText,
});

/** A position in the company that has no job description in this handbook (general director…). */
export const position = z.strictObject({
	id: kebabId,
	title: localizedText,
	/** Department id. */
	department: kebabId.optional(),
	/** Role or position id of the direct manager. */
	reportsTo: kebabId.optional(),
});

/** A person who approves or agrees job descriptions. */
export const signatory = z.strictObject({
	id: kebabId,
	/** Position id: the signatory's title is the position's title. */
	position: kebabId,
	/** Locale → name. The default locale is required. */
	name: z.record(localeCode, personName),
});

export const companySchema = z.strictObject({
	/** Legal name of the company, per locale. */
	name: localizedText,
	jurisdiction: z.strictObject({
		/** ISO 3166-1 alpha-2 country code. */
		country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166 country code such as "RU" or "DE"' }),
		/** How the jurisdiction reads after "the law of …", per locale (genitive where the language declines). */
		phrase: localizedText,
	}),
	locales: z.strictObject({
		default: localeCode,
		configured: z.array(localeCode).min(1),
	}),
	site: z.strictObject({
		/** Public address of the handbook, used for canonical URLs and the sitemap. */
		url: z.url(),
		/**
		 * Address of a source file in the repository's web editor, with `{path}` where the file's
		 * path goes, e.g. "https://git.example.com/acme/handbook/-/edit/main/{path}". Enables
		 * "edit this page" links.
		 */
		editUrl: z
			.url()
			.refine((value) => value.includes('%7Bpath%7D') || value.includes('{path}'), { error: 'must contain {path} where the file path goes' })
			.optional(),
	}),
	/** The company's own website (not the handbook): job postings name it as the hiring organisation's address. */
	website: z.url().optional(),
	/**
	 * The company logo for job postings and link previews: a file in `public/` (e.g. "logo.png",
	 * at least 112×112 px) or a full URL.
	 */
	logo: z.string().trim().min(1).optional(),
	/** PDF template used when a role does not choose one. */
	defaultTemplate: kebabId.default('classic'),
	departments: z.array(department).min(1),
	positions: z.array(position).default([]),
	signatories: z.array(signatory).default([]),
});

export type CompanyInput = z.input<typeof companySchema>;
export type CompanyData = z.output<typeof companySchema>;
