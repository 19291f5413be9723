/** Localised values: a text in one language with its fallback, and people's names as documents print them. */
import type { LocalizedText, PersonName } from './schema/index.ts';
import type { Locale } from './types.ts';

/** The value for `locale`, or the default locale's with `fallback: true`. */
export function localized(text: LocalizedText, locale: Locale, defaultLocale: Locale): { value: string; fallback: boolean } {
	const value = text[locale];
	if (value !== undefined) return { value, fallback: false };
	return { value: text[defaultLocale] ?? Object.values(text)[0] ?? '', fallback: true };
}

/** "Volkova A.S." — the form under a signature line in the sources' documents. */
export function shortName(name: PersonName): string {
	const initial = (part: string) => `${[...part][0]!.toLocaleUpperCase()}.`;
	return `${name.family} ${initial(name.given)}${name.patronymic ? initial(name.patronymic) : ''}`;
}

export function personName(names: Record<Locale, PersonName>, locale: Locale, defaultLocale: Locale): PersonName {
	return names[locale] ?? names[defaultLocale] ?? Object.values(names)[0]!;
}
