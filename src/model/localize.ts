import type { LocalizedText, PersonName } from './schema/index.ts';
import type { Locale, LocalizedRole, Role, Rolebook } from './types.ts';

/** The value for `locale`, or the default locale's with `fallback: true`. */
export function localized(text: LocalizedText, locale: Locale, defaultLocale: Locale): { value: string; fallback: boolean } {
	const value = text[locale];
	if (value !== undefined) return { value, fallback: false };
	return { value: text[defaultLocale] ?? Object.values(text)[0] ?? '', fallback: true };
}

export function localizeRole(role: Role, locale: Locale, defaultLocale: Locale): LocalizedRole {
	const own = role.texts[locale];
	if (own) return { role, locale, text: own, fallback: false };
	return { role, locale, text: role.texts[defaultLocale]!, fallback: true };
}

/** "Volkova A.S." — the form under a signature line in the sources' documents. */
export function shortName(name: PersonName): string {
	const initial = (part: string) => `${[...part][0]!.toLocaleUpperCase()}.`;
	return `${name.family} ${initial(name.given)}${name.patronymic ? initial(name.patronymic) : ''}`;
}

/** "Anna Sergeyevna Volkova" / "Волкова Анна Сергеевна" (Russian puts the family name first). */
export function fullName(name: PersonName, locale: Locale): string {
	if (locale === 'ru') return [name.family, name.given, name.patronymic].filter(Boolean).join(' ');
	return [name.given, name.patronymic, name.family].filter(Boolean).join(' ');
}

export function personName(names: Record<Locale, PersonName>, locale: Locale, defaultLocale: Locale): PersonName {
	return names[locale] ?? names[defaultLocale] ?? Object.values(names)[0]!;
}

/**
 * Roles as public output shows them. An approved role is shown as it is. While a new version
 * is being drafted, the public keeps seeing the last approved version (its frozen copy), so
 * starting version 2 never unpublishes version 1. Retired roles and roles never approved are
 * not shown. A preview build shows every role as it currently is.
 */
export function publishedRoles(rolebook: Rolebook, options: { preview: boolean }): Role[] {
	if (options.preview) return rolebook.roles;
	return rolebook.roles.flatMap((role) => {
		if (role.document.status === 'approved') return [role];
		if (role.document.status === 'retired') return [];
		const lastApproved = role.history.findLastIndex((version) => version.document.status === 'approved');
		if (lastApproved < 0) return [];
		return [{ ...role.history[lastApproved]!, formerIds: role.formerIds, history: role.history.slice(0, lastApproved) }];
	});
}

/**
 * Roles whose versions have pages and PDFs: those shown, plus retired ones in public builds —
 * a version once published stays readable at its URL after the role is retired.
 */
export function versionedRoles(rolebook: Rolebook, options: { preview: boolean }): Role[] {
	const retired = options.preview ? [] : rolebook.roles.filter((role) => role.document.status === 'retired');
	return [...publishedRoles(rolebook, options), ...retired];
}

/**
 * Every version a reader can open at `/roles/<id>/v<n>/`, oldest first: the frozen past
 * versions and the shown version itself unless it is a draft (a retired role's last version
 * stays readable).
 */
export function readableVersions(role: Role): Role[] {
	const versions = role.history.filter((version) => version.document.status !== 'draft');
	return role.document.status === 'draft' ? versions : [...versions, role];
}

/** Fills `{name}` placeholders of a UI string. */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
