/**
 * The site's view of openings: which have pages, which are listed (open today), and "today"
 * itself — ROLEBOOK_TODAY when set, so a build is reproducible, else the current date.
 */
import { openOpenings, publishedOpenings, today, type Opening } from '../model/index.ts';
import { getRolebook, isPreview } from './rolebook.ts';

export const siteToday: string = today();

/** Openings with a page: drafts only in previews; closed ones too (their page says so). */
export function siteOpenings(): Opening[] {
	return publishedOpenings(getRolebook(), { preview: isPreview });
}

/** Openings in lists, on role pages and in the sitemap: open today. */
export function siteOpenOpenings(): Opening[] {
	return openOpenings(getRolebook(), { preview: isPreview, today: siteToday });
}
