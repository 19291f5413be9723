/**
 * Reports HR asks for: who has signed which version, and which translations are current.
 * Plain data; the CLI prints them and preview builds show them as pages.
 */
import { localized, publishedRoles } from './localize.ts';
import type { Holder, Locale, Role, Rolebook } from './types.ts';

export type SignOffState = 'signed' | 'must-re-sign' | 'not-signed';

export interface HolderSignOff {
	holder: Holder;
	state: SignOffState;
	/** The newest signature, if any. */
	lastSigned?: { version: number; date: string };
}

export interface RoleSignOffs {
	role: Role;
	/** The version in force: the one holders must have signed. */
	version: number;
	holders: HolderSignOff[];
}

/** Per role in force: who signed the version in force, who signed an older one, who never signed. */
export function signOffReport(rolebook: Rolebook): RoleSignOffs[] {
	return publishedRoles(rolebook, { preview: false }).map((role) => {
		const version = role.document.version;
		const holders = rolebook.holders
			.filter((holder) => holder.role === role.id)
			.map((holder): HolderSignOff => {
				const lastSigned = [...holder.signed].sort((a, b) => a.version - b.version || a.date.localeCompare(b.date)).at(-1);
				const state: SignOffState = !lastSigned ? 'not-signed' : lastSigned.version >= version ? 'signed' : 'must-re-sign';
				return { holder, state, ...(lastSigned ? { lastSigned } : {}) };
			});
		return { role, version, holders };
	});
}

/** Names of the people holding a role, in a locale, for the familiarisation sheet. */
export function holderNames(rolebook: Rolebook, roleId: string, locale: Locale): string[] {
	return rolebook.holders.filter((holder) => holder.role === roleId).map((holder) => localized(holder.name, locale, rolebook.company.defaultLocale).value);
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
