/**
 * Which link-preview cards a site has and what each says: one per role, chapter and opening
 * page in every configured locale, with the same texts the page shows (the page's language,
 * or the default language's text on a fallback page, with the page language's labels).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { translator } from '../i18n/index.ts';
import { formatPlace, formatSalary } from '../i18n/openings.ts';
import { isOpen, localized, localizeOpening, localizeRole, publishedOpenings, publishedRoles, type Rolebook } from '../model/index.ts';
import type { CardContent } from './card.ts';
import { ogImageFile, type CardKind } from './paths.ts';

export interface CardJob {
	locale: string;
	kind: CardKind;
	id: string;
	/** Path of the PNG relative to the site root: og/<locale>/<kind>/<id>.png. */
	file: string;
	card: CardContent;
}

export interface CardOptions {
	/** Preview build: drafts get cards too. */
	preview: boolean;
	/** "Today", for the Closed badge of openings. */
	today: string;
	/** The project's public/ folder, where a logo file lives. */
	publicDir: string;
}

/** The company logo as a data: URI when it is a PNG or SVG file in public/; a remote logo is not fetched. */
function logoDataUri(rolebook: Rolebook, publicDir: string): string | undefined {
	const logo = rolebook.company.logo;
	if (!logo || /^https?:\/\//.test(logo)) return undefined;
	const file = join(publicDir, logo.replace(/^\//, ''));
	const type = { '.png': 'image/png', '.svg': 'image/svg+xml' }[extname(file).toLowerCase()];
	if (!type || !existsSync(file)) return undefined;
	return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

export function cardJobs(rolebook: Rolebook, options: CardOptions): CardJob[] {
	const { company } = rolebook;
	const host = new URL(company.site.url).host;
	const logo = logoDataUri(rolebook, options.publicDir);
	const jobs: CardJob[] = [];
	for (const locale of company.locales) {
		const t = translator(rolebook, locale);
		const base = { lang: locale, company: localized(company.name, locale, company.defaultLocale).value, site: t('site.title'), host, ...(logo ? { logo } : {}) };
		const add = (kind: CardKind, id: string, card: Omit<CardContent, keyof typeof base>) =>
			jobs.push({ locale, kind, id, file: ogImageFile(locale, kind, id), card: { ...base, ...card } });

		for (const role of publishedRoles(rolebook, { preview: options.preview })) {
			const { text } = localizeRole(role, locale, company.defaultLocale);
			const department = localized(role.department.name, locale, company.defaultLocale).value;
			add('roles', role.id, { kicker: `${t('search.typeRole')} · ${department}`, title: text.title, subtitle: text.summary });
		}
		for (const chapter of rolebook.chapters.filter((candidate) => options.preview || !candidate.draft)) {
			const text = (chapter.texts[locale] ?? chapter.texts[company.defaultLocale])!;
			add('handbook', chapter.slug, { kicker: t('nav.handbook'), title: text.title, subtitle: text.summary });
		}
		for (const opening of publishedOpenings(rolebook, { preview: options.preview })) {
			const view = localizeOpening(rolebook, opening, locale);
			add('openings', opening.id, {
				kicker: `${t('opening.type')} · ${view.departmentName}`,
				title: view.title,
				subtitle: `${formatPlace(view, t)} · ${formatSalary(opening.salary, locale, t)}`,
				...(isOpen(opening, options.today) ? {} : { badge: t('opening.closedBadge') }),
			});
		}
	}
	return jobs;
}
