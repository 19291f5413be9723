import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import type { z } from 'zod';
import type { PathSegment, Problem } from './problems.ts';
import { schemaProblems } from './schema-problems.ts';
import { openingSchema, type OpeningData } from './schema/opening.ts';
import { clauseSchema, type ClauseData } from './schema/clause.ts';
import { familySchema, type FamilyData } from './schema/family.ts';
import { chapterSchema, companySchema, roleFactsSchema, roleTextSchema, signOffsSchema, templateSchema } from './schema/index.ts';
import type { ChapterData, CompanyData, RoleFactsData, RoleTextData, SignOffsData, TemplateData } from './schema/index.ts';
import { readTextFile } from './read/encoding.ts';
import { BODY_IMAGE_EXTENSIONS } from './read/image.ts';
import { parseJson } from './read/json.ts';
import { displayPath, readSourceFile, type SourceFile } from './source.ts';

/** A content file that passed its schema: its parsed data plus where it came from. */
export interface Parsed<T> {
	source: SourceFile;
	data: T;
}

/** A role folder: the current version, or a frozen past version under `versions/<n>/`. */
export interface RawRoleVersion {
	id: string;
	dir: string;
	facts?: Parsed<RoleFactsData>;
	/** Locale → text file. */
	texts: Map<string, Parsed<RoleTextData>>;
}

export interface RawRole extends RawRoleVersion {
	/** Past versions by folder name (`versions/1/` → 1), oldest first. */
	history: (RawRoleVersion & { folderVersion: number })[];
}

export interface RawChapter {
	locale: string;
	slug: string;
	chapter: Parsed<ChapterData>;
}

export interface RawStrings {
	locale: string;
	file: string;
	strings: Record<string, unknown>;
	/** Line of a key (`[key]`) in the file. */
	lineOf(path: readonly PathSegment[]): number | undefined;
}

/** Everything read from disk, each file checked against its schema; cross-file rules come later. */
export interface RawContent {
	company?: Parsed<CompanyData>;
	roles: RawRole[];
	/** `content/sign-offs.yaml`, when present. */
	signOffs?: Parsed<SignOffsData>;
	chapters: RawChapter[];
	strings: RawStrings[];
	/** PDF templates by id (file name without `.yaml`); only those that passed their schema. */
	templates: Map<string, Parsed<TemplateData>>;
	/** Ids of every template file found, valid or not, so references to a broken one are not reported twice. */
	templateIds: string[];
	/** Locale folders and files whose names are not configured locales are reported later. */
	localeNames: { file: string; locale: string }[];
	/** `content/openings/<id>.yaml`, sorted by id; `opening` is absent when the file failed its schema. */
	openings: RawOpening[];
	/** `content/clauses/<id>.yaml`, sorted by id; `clause` is absent when the file failed its schema. */
	clauses: RawClause[];
	/** `content/families/<id>.yaml`, sorted by id; `family` is absent when the file failed its schema. */
	families: RawFamily[];
}

export interface RawClause {
	id: string;
	file: string;
	clause?: Parsed<ClauseData>;
}

export interface RawFamily {
	id: string;
	file: string;
	family?: Parsed<FamilyData>;
}

export interface RawOpening {
	id: string;
	file: string;
	opening?: Parsed<OpeningData>;
}

export interface ContentPaths {
	/** Project root; file names in problems are relative to it. */
	root: string;
	/** The content folder (default `<root>/content`). */
	contentDir: string;
	/** UI strings folder (default `<root>/src/i18n/strings`). */
	stringsDir: string;
	/** PDF templates folder (default `<root>/templates`). */
	templatesDir: string;
}

function parse<T>(source: SourceFile | undefined, schema: z.ZodType<T>, problems: Problem[]): Parsed<T> | undefined {
	if (!source) return undefined;
	const known = typeof source.data === 'object' && source.data !== null ? schemaChecks.get(source.data)?.get(schema) : undefined;
	const outcome = known ?? checkSchema(source, schema);
	if (!known && typeof source.data === 'object' && source.data !== null) {
		const bySchema = schemaChecks.get(source.data) ?? new Map();
		bySchema.set(schema, outcome);
		schemaChecks.set(source.data, bySchema);
	}
	if ('problems' in outcome) {
		problems.push(...outcome.problems);
		return undefined;
	}
	return { source, data: outcome.data as T };
}

/**
 * Schema checks by the file data they checked. The reader hands out the same data object while
 * a file is unchanged (source.ts), so a long-running process (the dev server) checks again only
 * the files saved since — and keeps the same validated object for the others, which the later
 * stages use to keep their own per-file work.
 */
const schemaChecks = new WeakMap<object, Map<z.ZodType<unknown>, { data: unknown } | { problems: Problem[] }>>();

function checkSchema<T>(source: SourceFile, schema: z.ZodType<T>): { data: unknown } | { problems: Problem[] } {
	const result = schema.safeParse(source.data);
	return result.success ? { data: result.data } : { problems: schemaProblems(source, schema, result.error) };
}

function listDir(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

/** Frozen past versions of a role: `content/roles/<id>/versions/<n>/`. */
export const VERSIONS_FOLDER = 'versions';

/** Image files may sit next to the texts that show them (`![…](./org-chart.png)`); SVG too, so a text showing one gets the error that says why not. */
const IMAGE_FILES = new Set([...BODY_IMAGE_EXTENSIONS, '.svg']);

/**
 * While a content folder is read: the image files found next to texts, the local images texts
 * show, and the other entries that are ignored unless a text shows an image inside them.
 */
interface Reading {
	root: string;
	contentDir: string;
	images: { absolute: string; file: string }[];
	shown: Set<string>;
	/** False when a text's body could not be read, so which images it shows is not known. */
	allShownKnown: boolean;
	ignored: { absolute: string; file: string; message: string }[];
}

/** `<dir>/<id>.yaml` files, sorted by id; `parsed` is absent when a file failed its schema. */
function readIdFiles<T>(dir: string, what: string, idName: string, schema: z.ZodType<T>, reading: Reading, problems: Problem[]): { id: string; file: string; parsed?: Parsed<T> }[] {
	return listDir(dir).flatMap((name) => {
		const file = join(dir, name);
		if (extname(name) !== '.yaml') {
			problems.push({ severity: 'warning', file: displayPath(file, reading.root), message: `is ignored: ${what} is a file <${idName}>.yaml` });
			return [];
		}
		const parsed = parse(readText(file, reading, problems), schema, problems);
		return [{ id: basename(name, '.yaml'), file: displayPath(file, reading.root), ...(parsed ? { parsed } : {}) }];
	});
}

function readText(file: string, reading: Reading, problems: Problem[]): SourceFile | undefined {
	const source = readSourceFile(file, reading.root, problems, { contentDir: reading.contentDir });
	if (file.endsWith('.mdx')) {
		if (!source?.images) reading.allShownKnown = false;
		for (const image of source?.images ?? []) {
			reading.shown.add(image);
			reading.shown.add(realPath(image) ?? image);
		}
	}
	return source;
}

function realPath(path: string): string | undefined {
	try {
		return realpathSync(path);
	} catch {
		return undefined;
	}
}

/** A file next to the texts that is not one: an image (warned about later only if no text shows it), or an ignored file or folder. */
function otherEntry(file: string, message: string, reading: Reading): void {
	const entry = { absolute: file, file: displayPath(file, reading.root) };
	if (IMAGE_FILES.has(extname(file).toLowerCase()) && statSync(file).isFile()) reading.images.push(entry);
	else reading.ignored.push({ ...entry, message });
}

function readRoleFolder(dir: string, id: string, reading: Reading, raw: RawContent, problems: Problem[]): RawRoleVersion {
	const { root } = reading;
	const role: RawRoleVersion = { id, dir: displayPath(dir, root), texts: new Map() };
	const factsFile = join(dir, 'role.yaml');
	if (existsSync(factsFile)) {
		role.facts = parse(readText(factsFile, reading, problems), roleFactsSchema, problems);
	} else {
		problems.push({
			severity: 'error',
			file: displayPath(factsFile, root),
			message: 'is missing: every role folder needs a role.yaml with its facts (department, reportsTo, document…)',
		});
	}
	for (const name of listDir(dir)) {
		if (name === 'role.yaml' || name === VERSIONS_FOLDER) continue;
		const file = join(dir, name);
		if (extname(name) !== '.mdx') {
			otherEntry(file, `is ignored: a role folder holds role.yaml, one <locale>.mdx per language, ${VERSIONS_FOLDER}/ and the images its texts show`, reading);
			continue;
		}
		const locale = basename(name, '.mdx');
		raw.localeNames.push({ file: displayPath(file, root), locale });
		const text = parse(readText(file, reading, problems), roleTextSchema, problems);
		if (text) role.texts.set(locale, text);
	}
	return role;
}

export function readContent(paths: ContentPaths, problems: Problem[]): RawContent {
	const { root, contentDir, stringsDir, templatesDir } = paths;
	const raw: RawContent = { roles: [], chapters: [], strings: [], templates: new Map(), templateIds: [], localeNames: [], openings: [], clauses: [], families: [] };
	const reading: Reading = { root, contentDir, images: [], shown: new Set(), allShownKnown: true, ignored: [] };

	const companyFile = join(contentDir, 'company.yaml');
	if (existsSync(companyFile)) {
		raw.company = parse(readText(companyFile, reading, problems), companySchema, problems);
	} else {
		problems.push({
			severity: 'error',
			file: displayPath(companyFile, root),
			message: 'is missing: the company profile (name, jurisdiction, locales, departments, signatories) is required',
		});
	}

	const rolesDir = join(contentDir, 'roles');
	for (const id of listDir(rolesDir)) {
		const dir = join(rolesDir, id);
		if (!statSync(dir).isDirectory()) continue;
		const role: RawRole = { ...readRoleFolder(dir, id, reading, raw, problems), history: [] };
		const versionsDir = join(dir, VERSIONS_FOLDER);
		for (const name of listDir(versionsDir)) {
			const versionDir = join(versionsDir, name);
			if (!statSync(versionDir).isDirectory()) continue;
			if (!/^[1-9]\d*$/.test(name)) {
				problems.push({ severity: 'error', file: displayPath(versionDir, root), message: 'a past version lives in a folder named by its version number, e.g. versions/1/', found: name });
				continue;
			}
			role.history.push({ ...readRoleFolder(versionDir, id, reading, raw, problems), folderVersion: Number(name) });
		}
		role.history.sort((a, b) => a.folderVersion - b.folderVersion);
		raw.roles.push(role);
	}

	const signOffsFile = join(contentDir, 'sign-offs.yaml');
	if (existsSync(signOffsFile)) raw.signOffs = parse(readText(signOffsFile, reading, problems), signOffsSchema, problems);

	// One file per id: a vacancy, a clause of the library, a job family.
	raw.openings = readIdFiles(join(contentDir, 'openings'), 'an opening', 'opening-id', openingSchema, reading, problems).map(({ parsed, ...entry }) => ({ ...entry, ...(parsed ? { opening: parsed } : {}) }));
	raw.clauses = readIdFiles(join(contentDir, 'clauses'), 'a clause', 'clause-id', clauseSchema, reading, problems).map(({ parsed, ...entry }) => ({ ...entry, ...(parsed ? { clause: parsed } : {}) }));
	raw.families = readIdFiles(join(contentDir, 'families'), 'a job family', 'family-id', familySchema, reading, problems).map(({ parsed, ...entry }) => ({ ...entry, ...(parsed ? { family: parsed } : {}) }));

	const handbookDir = join(contentDir, 'handbook');
	for (const locale of listDir(handbookDir)) {
		const dir = join(handbookDir, locale);
		if (!statSync(dir).isDirectory()) continue;
		raw.localeNames.push({ file: displayPath(dir, root), locale });
		for (const name of listDir(dir)) {
			const file = join(dir, name);
			if (extname(name) !== '.mdx') {
				otherEntry(file, 'is ignored: a handbook folder holds the chapters (.mdx files) and the images they show', reading);
				continue;
			}
			const chapter = parse(readText(file, reading, problems), chapterSchema, problems);
			if (chapter) raw.chapters.push({ locale, slug: basename(name, '.mdx'), chapter });
		}
	}

	for (const name of listDir(stringsDir)) {
		if (extname(name) !== '.json') continue;
		const file = join(stringsDir, name);
		const strings = readStringsFile(file, displayPath(file, root), problems);
		if (strings) raw.strings.push({ locale: basename(name, '.json'), file: displayPath(file, root), ...strings });
	}
	for (const name of listDir(templatesDir)) {
		if (extname(name) !== '.yaml') continue;
		const id = basename(name, '.yaml');
		raw.templateIds.push(id);
		const template = parse(readSourceFile(join(templatesDir, name), root, problems), templateSchema, problems);
		if (template) raw.templates.set(id, template);
	}
	reportUnshown(reading, problems);
	return raw;
}

/**
 * Images next to the texts that no text shows, and ignored files and folders (a folder is not
 * ignored when a text shows an image inside it). Quiet when a body could not be read: it may
 * be the one showing them.
 */
function reportUnshown(reading: Reading, problems: Problem[]): void {
	const shown = [...reading.shown];
	for (const entry of reading.ignored) {
		if (shown.some((image) => image.startsWith(entry.absolute + sep))) continue;
		problems.push({ severity: 'warning', file: entry.file, message: entry.message });
	}
	if (!reading.allShownKnown) return;
	for (const image of reading.images) {
		if (reading.shown.has(image.absolute) || reading.shown.has(realPath(image.absolute) ?? image.absolute)) continue;
		problems.push({ severity: 'warning', file: image.file, message: `is not shown by any text: show it with ![what it shows](./${basename(image.absolute)}), or remove it` });
	}
}

/** A UI strings file: UTF-8 JSON (a byte-order mark is fine) holding one object of "key": "text" pairs, each key once. */
function readStringsFile(absolute: string, file: string, problems: Problem[]): Pick<RawStrings, 'strings' | 'lineOf'> | undefined {
	const text = readTextFile(absolute, file, problems);
	if (text === undefined) return undefined;
	// The same text gives the same object, as for content files (see `schemaChecks`).
	const known = stringsFiles.get(absolute);
	if (known && known.text === text && known.file === file) {
		problems.push(...known.problems);
		return known.strings;
	}
	const found: Problem[] = [];
	const strings = parseStrings(text, file, found);
	stringsFiles.set(absolute, { text, file, problems: found, strings });
	problems.push(...found);
	return strings;
}

const stringsFiles = new Map<string, { text: string; file: string; problems: Problem[]; strings: Pick<RawStrings, 'strings' | 'lineOf'> | undefined }>();

function parseStrings(text: string, file: string, problems: Problem[]): Pick<RawStrings, 'strings' | 'lineOf'> | undefined {
	const parsed = parseJson(text, file, problems);
	if (!parsed) return undefined;
	const strings = parsed.data;
	if (strings === null || typeof strings !== 'object' || Array.isArray(strings)) {
		problems.push({ severity: 'error', file, line: 1, message: 'is not valid JSON for UI strings: expected an object of "key": "text" pairs' });
		return undefined;
	}
	return { strings: strings as Record<string, unknown>, lineOf: parsed.lineOf };
}
