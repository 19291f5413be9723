/** Absolute URLs for what leaves the site: structured data, feeds, link-preview metadata. */
import type { Rolebook } from '../model/index.ts';
import { url } from './rolebook.ts';

/** A site path (already under the base path) as an absolute URL on the public site. */
export function absoluteUrl(path: string, site: URL | string): string {
	return new URL(path, site).href;
}

/** The company logo as an absolute URL: a full URL as given, or a file in public/ under the base path. */
export function logoUrl(rolebook: Rolebook, site: URL | string): string | undefined {
	const { logo } = rolebook.company;
	if (!logo) return undefined;
	return /^https?:\/\//.test(logo) ? logo : absoluteUrl(url(logo), site);
}
