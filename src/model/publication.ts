/**
 * What a build publishes: the one rule every renderer asks — site pages, sitemap, search,
 * PDFs, link-preview cards, feeds, HR pages. A public build shows approved content only; a
 * preview build (HR's working copy, never published) adds drafts, marked DRAFT, and HR pages.
 * Feeds are for job boards and applicant-tracking systems: public content only, in every build.
 * Internal items and notes are removed by normalisation and never reach any build.
 */
import { DOCUMENT_STATUSES } from './schema/role-facts.ts';
import type { Chapter, Family, Level, Opening, PayBand, Role, Rolebook } from './types.ts';

/** What kind of build this is, and the day it takes as "today" (which openings are open). */
export interface Publication {
	preview: boolean;
	today: string;
}

/** The values `ROLEBOOK_PREVIEW` accepts; anything else is a mistake, never silently "off". */
export const PREVIEW_VALUES = { on: ['1', 'true'], off: ['', '0', 'false'] } as const;

/** `ROLEBOOK_PREVIEW` read strictly: unset, "", "0", "false" → false; "1", "true" → true; else throws. */
export function previewFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
	const value = env.ROLEBOOK_PREVIEW;
	if (value === undefined) return false;
	const normalised = value.trim().toLowerCase();
	if ((PREVIEW_VALUES.on as readonly string[]).includes(normalised)) return true;
	if ((PREVIEW_VALUES.off as readonly string[]).includes(normalised)) return false;
	throw new Error(
		`ROLEBOOK_PREVIEW is "${value}": use ROLEBOOK_PREVIEW=1 (or true) for a preview build with drafts, or leave it unset (or 0, false) for a public build`,
	);
}

type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * Which version of a role the public sees: the current one when approved; while a new version
 * is drafted, the last approved past version (so starting version 2 never unpublishes
 * version 1); none for a retired role or one never approved. Returns the index into
 * `history`, `'current'`, or undefined.
 */
export function publicVersionOf(current: DocumentStatus, history: readonly DocumentStatus[]): 'current' | number | undefined {
	if (current === 'approved') return 'current';
	if (current === 'retired') return undefined;
	const lastApproved = history.lastIndexOf('approved');
	return lastApproved < 0 ? undefined : lastApproved;
}

/** Roles as this build shows them: in a preview every role as it is now; in public the version in force. */
export function publishedRoles(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Role[] {
	if (publication.preview) return rolebook.roles;
	return rolebook.roles.flatMap((role) => {
		const shown = publicVersionOf(
			role.document.status,
			role.history.map((version) => version.document.status),
		);
		if (shown === undefined) return [];
		if (shown === 'current') return [role];
		return [{ ...role.history[shown]!, formerIds: role.formerIds, history: role.history.slice(0, shown) }];
	});
}

const shownById = new WeakMap<Rolebook, Map<boolean, Map<string, Role>>>();

/**
 * A role as this build shows it — in public the version in force, not a draft being prepared —
 * for everything that names a role: openings, their feeds, cards and job-posting data.
 */
export function shownRole(rolebook: Rolebook, id: string, publication: Pick<Publication, 'preview'>): Role | undefined {
	let byPreview = shownById.get(rolebook);
	if (!byPreview) shownById.set(rolebook, (byPreview = new Map()));
	let byId = byPreview.get(publication.preview);
	if (!byId) byPreview.set(publication.preview, (byId = new Map(publishedRoles(rolebook, publication).map((role) => [role.id, role]))));
	return byId.get(id);
}

/**
 * Roles whose versions have pages and PDFs: those shown, plus retired ones in public builds —
 * a version once published stays readable at its URL after the role is retired.
 */
export function versionedRoles(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Role[] {
	const retired = publication.preview ? [] : rolebook.roles.filter((role) => role.document.status === 'retired');
	return [...publishedRoles(rolebook, publication), ...retired];
}

/** Handbook chapters with a page: drafts only in previews. */
export function publishedChapters(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Chapter[] {
	return rolebook.chapters.filter((chapter) => publication.preview || !chapter.draft);
}

/** An opening is open through its validThrough date and closed from the next day. */
export function isOpen(opening: Opening, today: string): boolean {
	return opening.validThrough >= today;
}

/** Openings with a page: all but drafts, unless a preview (closed ones too: their page says so). */
export function publishedOpenings(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Opening[] {
	return rolebook.openings.filter((opening) => publication.preview || !opening.draft);
}

/** Openings in lists, on role pages, in the sitemap and feeds: published and open today. */
export function openOpenings(rolebook: Rolebook, publication: Publication): Opening[] {
	return publishedOpenings(rolebook, publication).filter((opening) => isOpen(opening, publication.today));
}

/** HR's pages (sign-off register, translation status) exist only in preview builds. */
export function showsHrPages(publication: Pick<Publication, 'preview'>): boolean {
	return publication.preview;
}

/** Holders' names on familiarisation sheets: HR's working copies (previews) only, never public PDFs. */
export function showsHolderNames(publication: Pick<Publication, 'preview'>): boolean {
	return publication.preview;
}

/** Preview output is never digitally signed: a signature certifies what was published. */
export function signsDocuments(publication: Pick<Publication, 'preview'>): boolean {
	return !publication.preview;
}

/**
 * A family's levels as this build shows them: a level whose role is not shown (a draft in a
 * public build) is left out with it — its title and duties are the draft's — and the others
 * close ranks. Levels without a role of their own are always shown.
 */
export function shownLevels(rolebook: Rolebook, family: Family, publication: Pick<Publication, 'preview'>): Level[] {
	return family.levels.filter((level) => level.role === undefined || shownRole(rolebook, level.role, publication) !== undefined);
}

/** Families with a ladder page: those with at least one role shown in this build. */
export function publishedFamilies(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Family[] {
	return rolebook.families.filter((family) => shownLevels(rolebook, family, publication).some((level) => level.role !== undefined));
}

/**
 * The pay band a page, feed or job-posting data may show: only a band marked `public: true`,
 * in every build (previews too — pay bands are internal, like internal items). Internal bands
 * are not even in the model a build renders from; this is the rule every renderer asks.
 */
export function publicBand(level: Level): PayBand | undefined {
	return level.band?.public === true ? level.band : undefined;
}

/** The clause library's where-used page is HR's: preview builds only. */
export function showsClauseLibrary(publication: Pick<Publication, 'preview'>): boolean {
	return showsHrPages(publication);
}
