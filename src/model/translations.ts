/**
 * Translations of a role: the fallback to the default language where a locale has none, and
 * the report of which translations are current, outdated or missing.
 */
import type { Locale, LocalizedRole, Role, Rolebook } from './types.ts';

/** The role's text in `locale`, or the default locale's with `fallback: true`. */
export function localizeRole(role: Role, locale: Locale, defaultLocale: Locale): LocalizedRole {
	const own = role.texts[locale];
	if (own) return { role, locale, text: own, fallback: false };
	return { role, locale, text: role.texts[defaultLocale]!, fallback: true };
}

export type TranslationState = 'source' | 'current' | 'outdated' | 'missing';

export interface TranslationStatus {
	role: Role;
	locales: { locale: Locale; state: TranslationState; translates?: number }[];
}

/**
 * Per role (as HR edits it now) × configured locale: the default locale is the source; a
 * translation is current when it translates the role's version, outdated when it translates
 * an older one, and missing when the locale falls back to the default language.
 */
export function translationReport(rolebook: Rolebook): TranslationStatus[] {
	const { defaultLocale, locales } = rolebook.company;
	return rolebook.roles.map((role) => ({
		role,
		locales: locales.map((locale) => {
			if (locale === defaultLocale) return { locale, state: 'source' as const };
			const text = role.texts[locale];
			if (!text) return { locale, state: 'missing' as const };
			const translates = text.translates ?? role.document.version;
			return { locale, state: translates >= role.document.version ? ('current' as const) : ('outdated' as const), translates };
		}),
	}));
}
