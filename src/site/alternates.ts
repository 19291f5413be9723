/**
 * Which locales have their own version of a page. A page in a locale without a translation
 * still exists (it shows the default-language text with a notice), but its canonical URL is
 * the default locale's and it is not announced as an alternate or listed in the sitemap.
 */
export interface PageAlternates {
	/** Locale → path of every page in this family, including fallback pages (language switcher). */
	all: Record<string, string>;
	/** Locales with a real translation (hreflang, sitemap). */
	translated: string[];
	defaultLocale: string;
}

export function canonicalLocale(alternates: PageAlternates, locale: string): string {
	return alternates.translated.includes(locale) ? locale : alternates.defaultLocale;
}
