/** Every page family of the site with its per-locale paths: one list for routes, sitemap and tests. */
import type { PageAlternates } from './alternates.ts';
import { getRolebook, paths, siteChapters, siteRoles } from './rolebook.ts';

export interface PageFamily {
	kind: 'home' | 'role' | 'chapter';
	id: string;
	alternates: PageAlternates;
}

function family(kind: PageFamily['kind'], id: string, path: (locale: string) => string, translated: string[]): PageFamily {
	const { company } = getRolebook();
	return {
		kind,
		id,
		alternates: {
			all: Object.fromEntries(company.locales.map((locale) => [locale, path(locale)])),
			translated: company.locales.filter((locale) => translated.includes(locale)),
			defaultLocale: company.defaultLocale,
		},
	};
}

export function homeFamily(): PageFamily {
	return family('home', 'home', paths.home, getRolebook().company.locales);
}

export function roleFamily(id: string): PageFamily {
	const role = siteRoles().find((candidate) => candidate.id === id)!;
	return family('role', id, (locale) => paths.role(locale, id), Object.keys(role.texts));
}

export function chapterFamily(slug: string): PageFamily {
	const chapter = siteChapters().find((candidate) => candidate.slug === slug)!;
	return family('chapter', slug, (locale) => paths.chapter(locale, slug), Object.keys(chapter.texts));
}

export function allPageFamilies(): PageFamily[] {
	return [homeFamily(), ...siteRoles().map((role) => roleFamily(role.id)), ...siteChapters().map((chapter) => chapterFamily(chapter.slug))];
}
