/**
 * The site's single door to content: loads and validates once per build, then hands pages
 * the normalised model. A content error stops the build with the same report as
 * `npm run check` rather than a stack trace from deep inside a page.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { liveRolebook } from '../model/live.ts';
import { ogImageFile, type CardKind } from '../og/paths.ts';
import {
	formatProblem,
	previewFromEnv,
	publishedChapters,
	publishedFamilies,
	publishedRoles,
	today,
	versionedRoles,
	type Family,
	type Publication,
	type Rolebook,
	type Role,
} from '../model/index.ts';

/** The model of this build (or of the content as it is now, in the dev server), shared with the build integration. */
export function getRolebook(): Rolebook {
	const { rolebook, problems } = liveRolebook();
	if (!rolebook) {
		const report = problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n');
		throw new Error(`Content has errors; run "npm run check" for the full report.\n${report}`);
	}
	return rolebook;
}

/**
 * This build: a preview (ROLEBOOK_PREVIEW=1, drafts with a banner) or public, and its "today"
 * (ROLEBOOK_TODAY, so a build is reproducible). What each shows is src/model/publication.ts.
 */
export const publication: Publication = { preview: previewFromEnv(), today: today() };

/** Shorthand for pages: drafts are shown, with a banner. */
export const isPreview = publication.preview;

export function siteRoles(): Role[] {
	return publishedRoles(getRolebook(), publication);
}

/** Roles whose versions have pages (see versionedRoles). */
export function siteVersionedRoles(): Role[] {
	return versionedRoles(getRolebook(), publication);
}

export function siteChapters() {
	return publishedChapters(getRolebook(), publication);
}

/** Job families with a ladder page in this build. */
export function siteFamilies(): Family[] {
	return publishedFamilies(getRolebook(), publication);
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
	roleDocx: (locale: string, id: string) => url(`${locale}/roles/${id}.docx`),
	roleVersion: (locale: string, id: string, version: number) => url(`${locale}/roles/${id}/v${version}/`),
	roleVersionPdf: (locale: string, id: string, version: number) => url(`${locale}/roles/${id}/v${version}.pdf`),
	roleChanges: (locale: string, id: string, version: number) => url(`${locale}/roles/${id}/v${version}/changes/`),
	signOffs: (locale: string) => url(`${locale}/hr/sign-offs/`),
	translations: (locale: string) => url(`${locale}/hr/translations/`),
	clauses: (locale: string) => url(`${locale}/hr/clauses/`),
	/** A job family's career ladder. */
	family: (locale: string, id: string) => url(`${locale}/families/${id}/`),
	/** The organisation chart: the overview, and one chart per department. */
	orgChart: (locale: string) => url(`${locale}/org/`),
	orgDepartment: (locale: string, department: string) => url(`${locale}/org/${department}/`),
	chapter: (locale: string, slug: string) => url(`${locale}/handbook/${slug}/`),
	openings: (locale: string) => url(`${locale}/openings/`),
	opening: (locale: string, id: string) => url(`${locale}/openings/${id}/`),
	/** Machine-readable feeds for applicant-tracking systems: `roles` or `openings`. */
	feed: (locale: string, name: 'roles' | 'openings') => url(`${locale}/feeds/${name}.json`),
	/** The link-preview image of a page (written by the build, src/og/). */
	ogImage: (locale: string, kind: CardKind, id: string) => url(ogImageFile(locale, kind, id)),
	sitemap: () => url('sitemap.xml'),
	pagefind: () => url('pagefind/'),
};

/**
 * A content file's path in the repository, for "edit this page" links: relative to the project
 * when the content is inside it, else relative to the folder holding the content folder
 * (`content/roles/kam/en.mdx`), as a repository that keeps its content elsewhere lays it out.
 */
export function repositoryPath(file: string): string {
	if (!file.startsWith('../')) return file;
	const absolute = resolve(process.cwd(), file);
	return relative(dirname(contentDir), absolute).split(sep).join('/');
}

const contentDir = resolve(process.env.ROLEBOOK_CONTENT ?? 'content');
