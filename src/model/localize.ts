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

/** Roles that appear in public output: approved only, unless a preview build asks for all. */
export function publishedRoles(rolebook: Rolebook, options: { preview: boolean }): Role[] {
	return rolebook.roles.filter((role) => options.preview || role.document.status === 'approved');
}

/** Fills `{name}` placeholders of a UI string. */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
