import { join, resolve } from 'node:path';
import { glyphProblems, type GlyphFinding } from '../../fonts/coverage.ts';
import { clauseFieldOf, loadRolebook, publishedRoles, resolvePaths, today, type LoadOptions, type LoadResult, type Problem, type Role, type Rolebook } from '../../model/index.ts';
import { didYouMean } from '../../model/suggest.ts';
import { sortProblems, type PathSegment } from '../../model/problems.ts';
import { displayPath, readSourceFile, type SourceFile } from '../../model/source.ts';
import { cardGlyphFindings, cardJobs } from '../../og/index.ts';
import { pdfGlyphFindings } from '../../pdf/coverage.ts';
import { reportProblems, type Output } from '../output.ts';

/** Validates all content and reports every problem at once. Exit code 1 when there are errors. */
export function check(options: LoadOptions, out: Output): number {
	return checkedRolebook(options, out) ? 0 : 1;
}

/**
 * Loads, validates and reports; the model when there is no error, for commands that go on to use it.
 * Valid content is then checked for what only making the output would otherwise find
 * (`outputProblems`), so the build never stops on content that passed here.
 */
export function checkedRolebook(options: LoadOptions, out: Output, load: (options: LoadOptions) => LoadResult = loadRolebook): Rolebook | undefined {
	const loaded = load(options);
	const problems = loaded.rolebook ? sortProblems([...loaded.problems, ...outputProblems(loaded.rolebook, options)]) : loaded.problems;
	const errors = reportProblems(problems, out);
	const rolebook = errors > 0 ? undefined : loaded.rolebook;
	if (!rolebook) return undefined;
	const published = publishedRoles(rolebook, { preview: false }).length;
	const translations = rolebook.roles.reduce((sum, role) => sum + Object.keys(role.texts).length, 0);
	out.info(
		`✓ Content is valid: ${rolebook.roles.length} roles (${published} published, ${translations} texts), ` +
			`${rolebook.chapters.length} handbook chapters, ${rolebook.openings.length} openings, ${rolebook.clauses.length} clause${rolebook.clauses.length === 1 ? '' : 's'}, ${rolebook.families.length} job famil${rolebook.families.length === 1 ? 'y' : 'ies'}, ${rolebook.company.locales.length} locales` +
			(problems.length > 0 ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}.` : '.'),
	);
	return rolebook;
}

/**
 * Problems of valid content that would stop the build while it makes the PDFs and link-preview
 * cards: characters their font (DejaVu Sans) cannot draw. Every document and card any build
 * can make is asked — drafts and frozen versions too, so a preview build passes as well — and
 * each problem names the file, line and field.
 */
export function outputProblems(rolebook: Rolebook, options: LoadOptions = {}): Problem[] {
	const paths = resolvePaths(options);
	const relative = (absolute: string) => displayPath(absolute, paths.root);
	const cardOptions = { today: options.today ?? today(), publicDir: resolve(paths.root, options.publicDir ?? 'public') };
	const findings: GlyphFinding[] = [
		...pdfGlyphFindings(rolebook, { signOffsFile: relative(join(paths.contentDir, 'sign-offs.yaml')) }),
		// Public and preview builds show different texts when a role's next version is a draft.
		...cardGlyphFindings([...cardJobs(rolebook, { ...cardOptions, preview: false }), ...cardJobs(rolebook, { ...cardOptions, preview: true })]),
	];
	if (findings.length === 0) return [];

	// A clause of the library is reported in its own file, where HR fixes it, naming the roles that show it.
	const fromClause = (finding: GlyphFinding): GlyphFinding => {
		const clause = clauseFieldOf(rolebook, finding.origin.file, finding.origin.field);
		return clause ? { ...finding, origin: { ...finding.origin, ...clause } } : finding;
	};
	// The model does not record where the company profile, UI strings and templates were read from: the renderers name them by their default place.
	const actualFile = (file: string): string => {
		if (file === 'content/company.yaml') return relative(join(paths.contentDir, 'company.yaml'));
		const strings = /^src\/i18n\/strings\/([^/]+)$/.exec(file);
		if (strings) return relative(join(paths.stringsDir, strings[1]!));
		const template = /^templates\/([^/]+)$/.exec(file);
		if (template) return relative(join(paths.templatesDir, template[1]!));
		return file;
	};
	const located = findings.map(fromClause).map((finding) => ({ ...finding, origin: { ...finding.origin, file: actualFile(finding.origin.file) } }));
	return glyphProblems(located, lineFinder(paths.root));
}

/** The line of a field, reading each file once (only files with a problem are read again). */
function lineFinder(root: string): (file: string, field: string) => number | undefined {
	const sources = new Map<string, SourceFile | undefined>();
	return (file, field) => {
		if (!sources.has(file)) sources.set(file, readSourceFile(resolve(root, file), root, []));
		// UI strings files are flat: "pdf.approved" is one key.
		return sources.get(file)?.lineOf(file.endsWith('.json') ? [field] : fieldPath(field));
	};
}

/** "sections[1].items[12].text" → ['sections', 1, 'items', 12, 'text']. */
function fieldPath(field: string): PathSegment[] {
	return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}

/** For commands that work on valid content: the model, or every problem reported and undefined. */
export function requireRolebook(options: LoadOptions, out: Output): Rolebook | undefined {
	const { rolebook, problems } = loadRolebook(options);
	if (!rolebook) reportProblems(problems, out);
	return rolebook;
}

/** The role a command names, or an error with a "did you mean" and undefined. */
export function requireRole(rolebook: Rolebook, id: string, out: Output): Role | undefined {
	const role = rolebook.roles.find((candidate) => candidate.id === id);
	if (!role) out.error(`error: there is no role "${id}".${didYouMean(id, rolebook.roles.map((known) => known.id))}`);
	return role;
}
