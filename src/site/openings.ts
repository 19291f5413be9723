/** The site's view of openings: which have pages, and which are listed (open today). */
import { openOpenings, publishedOpenings, type Opening } from '../model/index.ts';
import { getRolebook, publication } from './rolebook.ts';

/** "Today" of this build: ROLEBOOK_TODAY when set, else the current date. */
export const siteToday: string = publication.today;

/** Openings with a page: drafts only in previews; closed ones too (their page says so). */
export function siteOpenings(): Opening[] {
	return publishedOpenings(getRolebook(), publication);
}

/** Openings in lists, on role pages and in the sitemap: open today. */
export function siteOpenOpenings(): Opening[] {
	return openOpenings(getRolebook(), publication);
}
