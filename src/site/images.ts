/** The link-preview image of a page (made by the build, src/og/) with its text alternative. */
import { translator } from '../i18n/index.ts';
import { localized, localizeChapter, localizeOpening, localizeRole, type Chapter, type Opening, type Role } from '../model/index.ts';
import { getRolebook, paths, publication } from './rolebook.ts';

export interface PageImage {
	path: string;
	alt: string;
}

export function roleImage(role: Role, locale: string): PageImage {
	const rolebook = getRolebook();
	const { defaultLocale } = rolebook.company;
	const t = translator(rolebook, locale);
	const department = localized(role.department.name, locale, defaultLocale).value;
	return { path: paths.ogImage(locale, 'roles', role.id), alt: `${localizeRole(role, locale, defaultLocale).text.title} — ${t('search.typeRole')} · ${department}` };
}

export function chapterImage(chapter: Chapter, locale: string): PageImage {
	const rolebook = getRolebook();
	const { text } = localizeChapter(chapter, locale, rolebook.company.defaultLocale);
	return { path: paths.ogImage(locale, 'handbook', chapter.slug), alt: `${text.title} — ${translator(rolebook, locale)('nav.handbook')}` };
}

export function openingImage(opening: Opening, locale: string): PageImage {
	const rolebook = getRolebook();
	const view = localizeOpening(rolebook, opening, locale, publication);
	return { path: paths.ogImage(locale, 'openings', opening.id), alt: `${view.title} — ${translator(rolebook, locale)('opening.type')} · ${view.departmentName}` };
}
