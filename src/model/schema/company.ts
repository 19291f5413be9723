import { z } from 'zod';
import { kebabId, localeCode, localizedText, lowerCaseScheme, webUrl, webUrlProblem } from './common.ts';

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

const LOGO_EXPECTED = 'must be a file in public/ such as "logo.png", or a full URL starting with https:// or http://';

/**
 * The company logo: a file in `public/` ("logo.png", "images/logo.svg") or a web address that
 * passes the one URL rule. Anything with a scheme, or starting with "//", is a URL; a file path
 * stays inside public/ (no "..", no backslashes, no control characters).
 */
export const logoReference = z
	.string()
	.trim()
	.superRefine((value, ctx) => {
		if (value === '') {
			ctx.addIssue({ code: 'custom', message: 'must not be empty' });
			return;
		}
		const visible = value.replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, '');
		const looksLikeUrl = /^[a-z][a-z0-9+.-]*:/i.test(visible) || /^[/\\]{2}/.test(visible);
		if (looksLikeUrl) {
			const problem = webUrlProblem(value);
			if (problem) ctx.addIssue({ code: 'custom', message: `${LOGO_EXPECTED}; ${problem}` });
			return;
		}
		if (!/^\/?[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*$/u.test(value) || value.split('/').includes('..')) {
			ctx.addIssue({ code: 'custom', message: `${LOGO_EXPECTED}; a file name may use letters, digits, "-", "_", "." and "/" between folders, and must not leave public/ with ".."` });
		}
	})
	.transform(lowerCaseScheme);

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
		url: webUrl({ example: 'https://handbook.example.com/' }),
		/**
		 * Address of a source file in the repository's web editor, with `{path}` where the file's
		 * path goes, e.g. "https://git.example.com/acme/handbook/-/edit/main/{path}". Enables
		 * "edit this page" links.
		 */
		editUrl: webUrl({ example: 'https://git.example.com/acme/handbook/-/edit/main/{path}' })
			.refine((value) => value.includes('%7Bpath%7D') || value.includes('{path}'), { error: 'must contain {path} where the file path goes' })
			.optional(),
	}),
	/** The company's own website (not the handbook): job postings name it as the hiring organisation's address. */
	website: webUrl({ example: 'https://www.example.com/' }).optional(),
	/**
	 * The company logo for job postings and link previews: a file in `public/` (e.g. "logo.png",
	 * at least 112×112 px) or a full URL.
	 */
	logo: logoReference.optional(),
	/** PDF template used when a role does not choose one. */
	defaultTemplate: kebabId.default('classic'),
	departments: z.array(department).min(1),
	positions: z.array(position).default([]),
	signatories: z.array(signatory).default([]),
});

export type CompanyInput = z.input<typeof companySchema>;
export type CompanyData = z.output<typeof companySchema>;
