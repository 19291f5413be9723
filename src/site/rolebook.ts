/**
 * The site's single door to content: loads and validates once per build, then hands pages
 * the normalised model. A content error stops the build with the same report as
 * `npm run check` rather than a stack trace from deep inside a page.
 */
import { formatProblem, loadRolebook, publishedRoles, type Rolebook, type Role } from '../model/index.ts';

let cached: Rolebook | undefined;

export function getRolebook(): Rolebook {
	if (cached) return cached;
	const { rolebook, problems } = loadRolebook();
	if (!rolebook) {
		const report = problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n');
		throw new Error(`Content has errors; run "npm run check" for the full report.\n${report}`);
	}
	cached = rolebook;
	return rolebook;
}

/** Preview builds (ROLEBOOK_PREVIEW=1) show drafts with a banner; public builds never contain them. */
export const isPreview = process.env.ROLEBOOK_PREVIEW === '1' || process.env.ROLEBOOK_PREVIEW === 'true';

export function siteRoles(): Role[] {
	return publishedRoles(getRolebook(), { preview: isPreview });
}

export function siteChapters() {
	return getRolebook().chapters.filter((chapter) => isPreview || !chapter.draft);
}

/** A site path under the configured base, e.g. url('en/roles/kam/') → '/handbook/en/roles/kam/'. */
export function url(path: string): string {
	const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
	return `${base}${path.replace(/^\//, '')}`;
}

export const paths = {
	home: (locale: string) => url(`${locale}/`),
	role: (locale: string, id: string) => url(`${locale}/roles/${id}/`),
	rolePdf: (locale: string, id: string) => url(`${locale}/roles/${id}.pdf`),
	chapter: (locale: string, slug: string) => url(`${locale}/handbook/${slug}/`),
	sitemap: () => url('sitemap.xml'),
	pagefind: () => url('pagefind/'),
};
