/** Handbook chapters: a chapter in one language, falling back to the default language where it is not translated. */
import type { Chapter, ChapterText, Locale } from './types.ts';

export interface LocalizedChapter {
	chapter: Chapter;
	/** The page's locale. */
	locale: Locale;
	/** The text shown: `locale`'s, or the default locale's when `fallback`. */
	text: ChapterText;
	fallback: boolean;
}

export function localizeChapter(chapter: Chapter, locale: Locale, defaultLocale: Locale): LocalizedChapter {
	const own = chapter.texts[locale];
	if (own) return { chapter, locale, text: own, fallback: false };
	return { chapter, locale, text: chapter.texts[defaultLocale]!, fallback: true };
}
