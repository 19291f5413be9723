import type en from './strings/en.json';
import { fillPlaceholders, type Rolebook } from '../model/index.ts';

/** Every UI string key; en.json is the reference, other locales are validated against it. */
export type UiKey = keyof typeof en;

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** A translator for one locale, falling back to the default locale's string. */
export function translator(rolebook: Rolebook, locale: string): Translate {
	const own = rolebook.strings[locale] ?? {};
	const fallback = rolebook.strings[rolebook.company.defaultLocale] ?? {};
	return (key, values = {}) => fillPlaceholders(own[key] ?? fallback[key] ?? key, values);
}

/** The language's own name ("Deutsch"), for the language switcher. */
export function languageName(rolebook: Rolebook, locale: string): string {
	return rolebook.strings[locale]?.['language.name'] ?? locale;
}

/** Dates as readers of the locale write them ("2 March 2026", "2 марта 2026 г."). */
export function formatDate(iso: string, locale: string): string {
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		dateFormats.set(locale, format);
	}
	return format.format(new Date(`${iso}T00:00:00Z`));
}

/** Making a DateTimeFormat costs ~40 µs, formatting with one ~1 µs: thousands of pages format dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
