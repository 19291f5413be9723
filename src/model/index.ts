/**
 * The content model: load everything under `content/`, validate it, and return the one
 * normalised Rolebook that the site, the PDF renderer and the CLI all consume. No Astro
 * imports here, so plain Node can use it.
 */
import { join, resolve } from 'node:path';
import { readContent, type ContentPaths } from './load.ts';
import { hasErrors, sortProblems, type Problem } from './problems.ts';
import { normalise } from './normalise.ts';
import type { Rolebook } from './types.ts';
import { validateContent } from './rules/index.ts';
import { today } from './today.ts';

export interface LoadOptions {
	/** Project root; problems name files relative to it. Default: the current directory. */
	root?: string;
	/** Content folder. Default: `$ROLEBOOK_CONTENT` or `<root>/content`. */
	contentDir?: string;
	/** UI strings folder. Default: `<root>/src/i18n/strings`. */
	stringsDir?: string;
	/** PDF templates folder. Default: `<root>/templates`. */
	templatesDir?: string;
	/** The site's static files (the company logo). Default: `<root>/public`. */
	publicDir?: string;
	/** ISO date used as "today" for review-by warnings. Default: `$ROLEBOOK_TODAY` or the current date. */
	today?: string;
	/** Keep items marked internal (HR-only tools). Default false. */
	includeInternal?: boolean;
}

export interface LoadResult {
	/** Present when there are no errors (warnings allowed). */
	rolebook?: Rolebook;
	/** Every problem found, errors first. */
	problems: Problem[];
}

export function resolvePaths(options: LoadOptions = {}): ContentPaths {
	const root = resolve(options.root ?? process.cwd());
	return {
		root,
		contentDir: resolve(root, options.contentDir ?? process.env.ROLEBOOK_CONTENT ?? 'content'),
		stringsDir: resolve(root, options.stringsDir ?? join('src', 'i18n', 'strings')),
		templatesDir: resolve(root, options.templatesDir ?? 'templates'),
	};
}

export function loadRolebook(options: LoadOptions = {}): LoadResult {
	const problems: Problem[] = [];
	const paths = resolvePaths(options);
	const raw = readContent(paths, problems);
	validateContent(raw, { today: options.today ?? todayOrProblem(problems), publicDir: resolve(paths.root, options.publicDir ?? 'public') }, problems);
	const sorted = sortProblems(problems);
	if (hasErrors(sorted)) return { problems: sorted };
	return { rolebook: normalise(raw, { includeInternal: options.includeInternal ?? false }), problems: sorted };
}

/** `$ROLEBOOK_TODAY` or the current date; a malformed variable is reported like bad content. */
function todayOrProblem(problems: Problem[]): string {
	try {
		return today();
	} catch (error) {
		problems.push({ severity: 'error', file: 'ROLEBOOK_TODAY (environment variable)', message: (error as Error).message });
		return new Date().toISOString().slice(0, 10);
	}
}

export * from './types.ts';
export * from './publication.ts';
export * from './openings.ts';
export * from './versions.ts';
export * from './translations.ts';
export * from './chapters.ts';
export * from './sign-offs.ts';
export * from './placeholders.ts';
export { isCalendarDate, today } from './today.ts';
export * from './localize.ts';
export { formatProblem, hasErrors, type Problem } from './problems.ts';
export { ITEM_ANCHOR_PREFIX } from './normalise.ts';
export * from './diff.ts';
export * from './clauses.ts';
export * from './families.ts';
