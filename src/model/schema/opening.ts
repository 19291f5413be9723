import { z } from 'zod';
import { isoDate, kebabId, localeCode, localizedText, webUrl } from './common.ts';

/**
 * An opening: a temporary vacancy for one of the handbook's roles, `content/openings/<id>.yaml`.
 * The role describes the job permanently; the opening adds what this one vacancy offers and
 * asks for — where, on what terms, for how much, until when and how to apply. The file name
 * is the opening's id and URL slug (`/en/openings/<id>/`).
 */

/** Kinds of employment, as schema.org's `employmentType` and job boards know them. */
export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contractor', 'temporary', 'intern', 'volunteer', 'per-diem', 'other'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Where the work is done: at the address, from anywhere in the allowed countries, or both. */
export const WORKPLACE_TYPES = ['onsite', 'remote', 'hybrid'] as const;

/** The period a salary figure is paid for (schema.org `unitText`). */
export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;

/** ISO 3166-1 alpha-2 country code. */
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166 country code of two capital letters, such as "RU" or "DE"' });

/** ISO 4217 currency codes the runtime knows (RUB, EUR, USD, …). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const currencyCode = z
	.string()
	.refine((value) => CURRENCIES.has(value), { error: 'must be an ISO 4217 currency code of three capital letters, such as "RUB", "EUR" or "USD"' });

/** A postal address; texts are localised because city and street names are written differently per language. */
export const postalAddress = z.strictObject({
	/** Street and building, e.g. `{ en: "12 Lesnaya St.", ru: "ул. Лесная, 12" }`. */
	street: localizedText.optional(),
	/** City or town. */
	city: localizedText,
	/** Region, province or state, where it helps. */
	region: localizedText.optional(),
	postalCode: z.string().trim().min(1).optional(),
	/** ISO 3166-1 alpha-2 country code. */
	country: countryCode,
});

export const locationSchema = z
	.strictObject({
		/** `onsite` (default): at the address; `remote`: anywhere in `applicantCountries`; `hybrid`: both. */
		type: z.enum(WORKPLACE_TYPES).default('onsite'),
		/** The workplace. Required for `onsite` and `hybrid`. */
		address: postalAddress.optional(),
		/** Countries applicants may live and work in (ISO 3166 codes). Required for `remote` and `hybrid`. */
		applicantCountries: z.array(countryCode).default([]),
	})
	.superRefine((location, ctx) => {
		if (location.type !== 'remote' && !location.address) {
			ctx.addIssue({ code: 'custom', path: ['address'], message: `${location.type === 'hybrid' ? 'a hybrid' : 'an on-site'} opening needs the workplace address (city and country at least)` });
		}
		if (location.type !== 'onsite' && location.applicantCountries.length === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['applicantCountries'],
				message: 'a remote or hybrid opening needs the countries applicants may work from, e.g. [RU]; job boards require it',
			});
		}
	});
export type LocationData = z.output<typeof locationSchema>;

/** A salary range; either end may be open ("from 80,000", "up to 40,000"). */
export const salaryRange = z
	.strictObject({
		/** Lowest amount of the range, per period. */
		min: z.number().positive({ error: 'must be a positive amount' }).optional(),
		/** Highest amount of the range, per period. */
		max: z.number().positive({ error: 'must be a positive amount' }).optional(),
		/** ISO 4217 currency code, e.g. "RUB". */
		currency: currencyCode,
		/** What the amounts are paid for. Default: month. */
		period: z.enum(SALARY_PERIODS).default('month'),
	})
	.superRefine((salary, ctx) => {
		if (salary.min === undefined && salary.max === undefined) {
			ctx.addIssue({ code: 'custom', path: ['min'], message: 'a salary range needs "min", "max" or both; write salary: by-agreement when there is no figure' });
		}
		if (salary.min !== undefined && salary.max !== undefined && salary.min > salary.max) {
			ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be less than min (${salary.min})` });
		}
	});

/** `by-agreement` (negotiable, no figure published) or a range. */
export const salarySchema = z.union([z.literal('by-agreement'), salaryRange], {
	error: 'must be "by-agreement" or a range such as { min: 45000, max: 90000, currency: RUB, period: month }',
});
export type SalaryData = z.output<typeof salarySchema>;

export const applySchema = z
	.strictObject({
		/** Address of the application form. */
		url: webUrl({ example: 'https://careers.example.com/apply/123', mailto: 'write an e-mail address in "email" instead' }).optional(),
		/** Where to send a CV: a plain address (the page makes the mailto: link). */
		email: z.email({ error: 'must be a plain e-mail address, e.g. hr@example.com (without "mailto:", spaces or a name)' }).optional(),
		/** True when the form at `url` takes the application right away, without an account or further steps (schema.org `directApply`). */
		direct: z.boolean().default(false),
	})
	.superRefine((apply, ctx) => {
		if (!apply.url && !apply.email) ctx.addIssue({ code: 'custom', message: 'says how to apply: give "url" (an application form), "email", or both' });
		if (apply.direct && !apply.url) ctx.addIssue({ code: 'custom', path: ['direct'], message: 'direct application needs the form\'s "url"' });
	});

export const openingSchema = z
	.strictObject({
		/** Id of the role this vacancy is for (a folder in content/roles/); the role must be approved. */
		role: kebabId,
		/** Languages the vacancy is advertised in; must include the default locale. Every text of the opening needs each of them. */
		locales: z.array(localeCode).min(1),
		/** Posting title, when it should differ from the role's title ("Key account manager, lighting for retail chains"). */
		title: localizedText.optional(),
		/** What this vacancy is about: the team, the clients, what is on offer. Plain text; a blank line starts a new paragraph. */
		description: localizedText,
		/**
		 * Years of experience this vacancy asks for, when it differs from the role's qualification
		 * (a trainee opening: 0). Job boards read it; default: the role's `experienceYears`.
		 */
		experienceYears: z.number().min(0).optional(),
		/** Requirements specific to this vacancy, in addition to the role's qualification. */
		requirements: z.array(localizedText).default([]),
		/** One kind or a list: `full-time`, `part-time`, `contractor`, `temporary`, `intern`, `volunteer`, `per-diem`, `other`. */
		employmentType: z
			.union([z.enum(EMPLOYMENT_TYPES), z.array(z.enum(EMPLOYMENT_TYPES)).min(1)], {
				error: `must be one kind of employment or a list of them: ${EMPLOYMENT_TYPES.map((type) => JSON.stringify(type)).join(', ')}`,
			})
			.transform((value) => (Array.isArray(value) ? value : [value])),
		location: locationSchema,
		/** `by-agreement`, or `{ min, max, currency, period }`. */
		salary: salarySchema,
		/** When the vacancy was published (YYYY-MM-DD). */
		datePosted: isoDate,
		/** Last day applications are accepted (YYYY-MM-DD). From the next day the opening is closed. */
		validThrough: isoDate,
		apply: applySchema,
		/** The vacancy's own reference, e.g. "VAC-2026-031" (job boards' identifier). Default: the opening's id. */
		reference: z.string().trim().min(1).optional(),
		/** Drafts appear only in preview builds. */
		draft: z.boolean().default(false),
		/** Notes for HR only (budget, hiring manager, agency). Never published. */
		internal: z.unknown().optional(),
	})
	.superRefine((opening, ctx) => {
		if (opening.validThrough <= opening.datePosted) {
			ctx.addIssue({ code: 'custom', path: ['validThrough'], message: `must be after datePosted (${opening.datePosted})` });
		}
		const seen = new Set<string>();
		opening.locales.forEach((locale, index) => {
			if (seen.has(locale)) ctx.addIssue({ code: 'custom', path: ['locales', index], message: 'is listed twice' });
			seen.add(locale);
		});
	});

export type OpeningInput = z.input<typeof openingSchema>;
export type OpeningData = z.output<typeof openingSchema>;
