import { z } from 'zod';

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
	.union([z.date(), z.string()])
	.transform((value, ctx) => {
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime())) {
				ctx.addIssue({ code: 'custom', message: 'is not a valid date; write it as YYYY-MM-DD' });
				return z.NEVER;
			}
			return value.toISOString().slice(0, 10);
		}
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
		const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
		if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
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
