/**
 * Which link-preview cards a site has and what each says: one per role, chapter and opening
 * page in every configured locale, with the same texts the page shows (the page's language,
 * or the default language's text on a fallback page, with the page language's labels).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { uiStringsFile } from '../fonts/coverage.ts';
import { translator, type UiKey } from '../i18n/index.ts';
import { formatPlace, formatSalary } from '../i18n/openings.ts';
import {
	isOpen,
	localized,
	localizeChapter,
	localizeOpening,
	localizeRole,
	publishedChapters,
	publishedOpenings,
	publishedRoles,
	type Department,
	type Rolebook,
} from '../model/index.ts';
import type { CardContent, CardPart } from './card.ts';
import { ogImageFile, type CardKind } from './paths.ts';

export interface CardJob {
	locale: string;
	kind: CardKind;
	id: string;
	/** Path of the PNG relative to the site root: og/<locale>/<kind>/<id>.png. */
	file: string;
	card: CardContent;
	/** Every text the card can show, with the face it is drawn in and where it comes from (for the glyph check). */
	texts: CardText[];
}

/** Where the characters of a card text come from: a field of a content or UI strings file. */
export interface TextSource {
	file: string;
	field: string;
	/** The field's value (a UI string as written, placeholders included). */
	text: string;
}

export interface CardText {
	part: CardPart;
	/** The whole text, before the card shortens it. */
	text: string;
	/** Drawn upper-cased by the card's language (the kicker). */
	upper?: boolean;
	/** Its pieces, most specific first: a character is blamed on the first piece that contains it, else on the last. */
	sources: TextSource[];
}

export interface CardOptions {
	/** Preview build: drafts get cards too. */
	preview: boolean;
	/** "Today", for the Closed badge of openings. */
	today: string;
	/** The project's public/ folder, where a logo file lives. */
	publicDir: string;
}

/** Where the company profile is, as problems name it (the model does not record the path). */
export const COMPANY_FILE = 'content/company.yaml';

/** The company logo as a data: URI when it is a PNG or SVG file in public/; a remote logo is not fetched. */
function logoDataUri(rolebook: Rolebook, publicDir: string): string | undefined {
	const logo = rolebook.company.logo;
	if (!logo || /^https?:\/\//.test(logo)) return undefined;
	const file = join(publicDir, logo.replace(/^\//, ''));
	const type = { '.png': 'image/png', '.svg': 'image/svg+xml' }[extname(file).toLowerCase()];
	if (!type || !existsSync(file)) return undefined;
	return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/** The key under which a localised text has the value shown in `locale`. */
const shownKey = (text: Record<string, string>, locale: string, defaultLocale: string) => (text[locale] !== undefined ? locale : defaultLocale);

export function cardJobs(rolebook: Rolebook, options: CardOptions): CardJob[] {
	const { company } = rolebook;
	const { defaultLocale } = company;
	const host = new URL(company.site.url).host;
	const logo = logoDataUri(rolebook, options.publicDir);
	const jobs: CardJob[] = [];
	for (const locale of company.locales) {
		const t = translator(rolebook, locale);
		const ui = (key: UiKey): TextSource => ({ file: uiStringsFile(locale), field: key, text: rolebook.strings[locale]?.[key] ?? t(key) });
		const companyName = localized(company.name, locale, defaultLocale).value;
		const base = { lang: locale, company: companyName, site: t('site.title'), host, ...(logo ? { logo } : {}) };
		const baseTexts: CardText[] = [
			{ part: 'company', text: companyName, sources: [{ file: COMPANY_FILE, field: 'name', text: companyName }] },
			{ part: 'site', text: base.site, sources: [ui('site.title')] },
			{ part: 'host', text: host, sources: [{ file: COMPANY_FILE, field: 'site.url', text: host }] },
		];
		const department = (value: Department, textLocale = locale): TextSource => ({
			file: COMPANY_FILE,
			field: `departments[${company.departments.indexOf(value)}].name`,
			text: localized(value.name, textLocale, defaultLocale).value,
		});
		const add = (kind: CardKind, id: string, card: Omit<CardContent, keyof typeof base>, texts: CardText[]) =>
			jobs.push({ locale, kind, id, file: ogImageFile(locale, kind, id), card: { ...base, ...card }, texts: [...baseTexts, ...texts] });

		for (const role of publishedRoles(rolebook, { preview: options.preview })) {
			const { text } = localizeRole(role, locale, defaultLocale);
			const dept = department(role.department);
			const kicker = `${t('search.typeRole')} · ${dept.text}`;
			add('roles', role.id, { kicker, title: text.title, subtitle: text.summary }, [
				{ part: 'kicker', text: kicker, upper: true, sources: [ui('search.typeRole'), dept] },
				{ part: 'title', text: text.title, sources: [{ file: text.file, field: 'title', text: text.title }] },
				{ part: 'subtitle', text: text.summary, sources: [{ file: text.file, field: 'summary', text: text.summary }] },
			]);
		}
		for (const chapter of publishedChapters(rolebook, { preview: options.preview })) {
			const { text } = localizeChapter(chapter, locale, defaultLocale);
			add('handbook', chapter.slug, { kicker: t('nav.handbook'), title: text.title, subtitle: text.summary }, [
				{ part: 'kicker', text: t('nav.handbook'), upper: true, sources: [ui('nav.handbook')] },
				{ part: 'title', text: text.title, sources: [{ file: text.file, field: 'title', text: text.title }] },
				{ part: 'subtitle', text: text.summary, sources: [{ file: text.file, field: 'summary', text: text.summary }] },
			]);
		}
		for (const opening of publishedOpenings(rolebook, { preview: options.preview })) {
			const view = localizeOpening(rolebook, opening, locale, options);
			const { role } = view;
			const roleText = localizeRole(role, view.textLocale, defaultLocale).text;
			const dept = department(role.department, view.textLocale);
			const kicker = `${t('opening.type')} · ${view.departmentName}`;
			const subtitle = `${formatPlace(view, t)} · ${formatSalary(opening.salary, locale, t)}`;
			const address = opening.location.address;
			const place: TextSource[] = address
				? [
						{ file: opening.file, field: `location.address.city.${shownKey(address.city, view.textLocale, defaultLocale)}`, text: view.place!.city },
						...(address.region && view.place!.region
							? [{ file: opening.file, field: `location.address.region.${shownKey(address.region, view.textLocale, defaultLocale)}`, text: view.place!.region }]
							: []),
					]
				: [];
			const salaryKeys: UiKey[] = ['opening.remoteFrom', 'opening.hybrid', 'opening.salaryByAgreement', 'opening.salaryFrom', 'opening.salaryUpTo', ...(opening.salary.kind === 'range' ? [`opening.per.${opening.salary.period}` as UiKey] : [])];
			add(
				'openings',
				opening.id,
				{ kicker, title: view.title, subtitle, ...(isOpen(opening, options.today) ? {} : { badge: t('opening.closedBadge') }) },
				[
					{ part: 'kicker', text: kicker, upper: true, sources: [ui('opening.type'), dept] },
					{
						part: 'title',
						text: view.title,
						sources: [
							opening.title
								? { file: opening.file, field: `title.${shownKey(opening.title, view.textLocale, defaultLocale)}`, text: view.title }
								: { file: roleText.file, field: 'title', text: view.title },
						],
					},
					// Country names and money come from Intl: a character none of the pieces has is blamed on the salary.
					{ part: 'subtitle', text: subtitle, sources: [...place, ...salaryKeys.map(ui), { file: opening.file, field: opening.salary.kind === 'range' ? 'salary.currency' : 'salary', text: '' }] },
					// Checked while the opening is open too: the badge appears when it closes, with no change to the content.
					{ part: 'badge', text: t('opening.closedBadge'), sources: [ui('opening.closedBadge')] },
				],
			);
		}
	}
	return jobs;
}
