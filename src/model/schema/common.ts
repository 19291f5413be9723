import { z } from 'zod';
import { isCalendarDate } from '../today.ts';

/** Lower-case ASCII letters, digits and single hyphens: the form of every id and URL slug. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebabId = z
	.string()
	.regex(KEBAB_ID, { error: 'must be kebab-case: lower-case letters, digits and single hyphens, e.g. "key-account-manager"' });

/** A BCP 47 language code as used for site paths: two or three lower-case letters ("en", "ru", "nb"). */
export const localeCode = z
	.string()
	.regex(/^[a-z]{2,3}$/, { error: 'must be a language code of two or three lower-case letters, e.g. "en" or "ru"' });

/**
 * A calendar date. YAML turns an unquoted 2026-03-02 into a timestamp; both that and a
 * quoted "2026-03-02" are accepted and normalised to the ISO string, which is what every
 * renderer prints and compares.
 */
export const isoDate = z
	.union([z.date(), z.string()], { error: 'must be a date written YYYY-MM-DD, e.g. 2026-03-02' })
	.transform((value, ctx) => {
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime())) {
				ctx.addIssue({ code: 'custom', message: 'is not a valid date; write it as YYYY-MM-DD' });
				return z.NEVER;
			}
			return value.toISOString().slice(0, 10);
		}
		if (!isCalendarDate(value)) {
			ctx.addIssue({ code: 'custom', message: 'is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-02' });
			return z.NEVER;
		}
		return value;
	});

/**
 * Text in several languages: `{ en: "Sales", ru: "Продажи" }`. Which locales are allowed and
 * which one is required is a property of the company profile, so that is checked by the
 * cross-reference validation, not here.
 */
export const localizedText = z.record(localeCode, z.string().trim().min(1, { error: 'must not be empty' }));
export type LocalizedText = z.output<typeof localizedText>;

/** The schemes a web address in content may use: only these can reach an `href`, JSON-LD or a feed. */
export const WEB_URL_SCHEMES = ['https', 'http'] as const;

/** The start of every message about a web address: what is allowed. */
export const WEB_URL_EXPECTED = 'must be a full URL starting with https:// or http://';

/**
 * Why a text is not an acceptable web address, or `undefined` when it is a plain `https:` or
 * `http:` URL with a host. This is the one rule for every URL in content: `javascript:`,
 * `data:`, `vbscript:`, `file:`, protocol-relative `//host` and addresses hiding spaces, tabs,
 * line breaks, control or invisible characters (`java\tscript:`, which browsers read as
 * `javascript:`) are refused, whatever their letter case. `value` is already trimmed.
 */
export function webUrlProblem(value: string, hint?: { mailto?: string }): string | undefined {
	// Browsers drop tabs, line breaks and leading controls before reading the scheme, so the
	// scheme is judged on what they would see ("java\tscript:" is "javascript:").
	const visible = value.replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, '');
	if (/^[/\\]{2}/.test(visible)) return 'it starts with "//" and has no scheme';
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(visible)?.[1]?.toLowerCase();
	const mailto = hint?.mailto && (scheme === 'mailto' || (!scheme && value.includes('@'))) ? `; ${hint.mailto}` : '';
	if (!scheme) return `it has no scheme${mailto}`;
	if (!(WEB_URL_SCHEMES as readonly string[]).includes(scheme)) return `the scheme "${scheme}:" is not allowed${mailto}`;
	if (visible !== value) return 'it contains a space, tab, line break or an invisible control character (write a space as %20)';
	if (/["<>`\\]/.test(value)) return 'it contains a character a web address cannot have (" < > ` or \\)';
	let parsed: URL | undefined;
	try {
		parsed = new URL(value);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^[a-z]+:\/\/[^/\\?#]/i.test(value) || parsed.hostname === '') return 'it is not a complete address with a host name';
	return undefined;
}

/** The scheme in lower case (`HTTPS://…` → `https://…`), so every later test of it is simple. */
export const lowerCaseScheme = (value: string) => value.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());

/**
 * A web address in content: `https:` or `http:` only (see webUrlProblem). Kept as written,
 * trimmed, with the scheme in lower case. `mailto` is the hint given when someone writes an
 * e-mail address where a web address belongs.
 */
export function webUrl(options: { example?: string; mailto?: string } = {}) {
	const expected = `${WEB_URL_EXPECTED}, e.g. ${options.example ?? 'https://www.example.com/'}`;
	return z
		.string()
		.trim()
		.superRefine((value, ctx) => {
			const problem = value === '' ? 'must not be empty' : webUrlProblem(value, options);
			if (problem) ctx.addIssue({ code: 'custom', message: value === '' ? problem : `${expected}; ${problem}` });
		})
		.transform(lowerCaseScheme);
}
