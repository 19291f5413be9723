/** Every page family of the site with its per-locale paths: one list for routes, sitemap and tests. */
import type { PageAlternates } from './alternates.ts';
import type { Role } from '../model/index.ts';
import { getRolebook, paths, siteChapters, siteFamilies, siteRoles } from './rolebook.ts';
import { orgDepartments } from './org-chart.ts';
import { siteOpenings, siteOpenOpenings } from './openings.ts';

export interface PageFamily {
	kind: 'home' | 'role' | 'chapter' | 'openings' | 'opening' | 'family' | 'org';
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

/** A version page: its own translations; the version in force points its canonical URL at the role page. */
export function versionFamily(role: Role, version: Role, path: (locale: string, id: string, version: number) => string = paths.roleVersion): PageFamily {
	return family('role', `${role.id}/v${version.document.version}`, (locale) => path(locale, role.id, version.document.version), Object.keys(version.texts));
}

export function chapterFamily(slug: string): PageFamily {
	const chapter = siteChapters().find((candidate) => candidate.slug === slug)!;
	return family('chapter', slug, (locale) => paths.chapter(locale, slug), Object.keys(chapter.texts));
}

/** The openings list: in every locale. */
export function openingsFamily(): PageFamily {
	return family('openings', 'openings', paths.openings, getRolebook().company.locales);
}

/** An opening's page: translated in the languages it is advertised in. */
export function openingFamily(id: string): PageFamily {
	const opening = siteOpenings().find((candidate) => candidate.id === id)!;
	return family('opening', id, (locale) => paths.opening(locale, id), opening.locales);
}

/** A family's career ladder: translated where the family's name is. */
export function familyFamily(id: string): PageFamily {
	const entry = siteFamilies().find((candidate) => candidate.id === id)!;
	return family('family', id, (locale) => paths.family(locale, id), Object.keys(entry.title));
}

/** The organisation chart's overview: in every locale (its boxes are positions' and roles' titles). */
export function orgFamily(): PageFamily {
	return family('org', 'org', paths.orgChart, getRolebook().company.locales);
}

/** One department's organisation chart: translated where the department's name is. */
export function orgDepartmentFamily(id: string): PageFamily {
	const department = getRolebook().company.departments.find((candidate) => candidate.id === id)!;
	return family('org', `org/${id}`, (locale) => paths.orgDepartment(locale, id), Object.keys(department.name));
}

/** Pages for the sitemap: closed openings keep their page but are no longer listed. */
export function allPageFamilies(): PageFamily[] {
	return [
		homeFamily(),
		...siteRoles().map((role) => roleFamily(role.id)),
		...siteChapters().map((chapter) => chapterFamily(chapter.slug)),
		openingsFamily(),
		...siteOpenOpenings().map((opening) => openingFamily(opening.id)),
		...siteFamilies().map((family) => familyFamily(family.id)),
		orgFamily(),
		...orgDepartments().map((department) => orgDepartmentFamily(department.id)),
	];
}
