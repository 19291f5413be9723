import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import { schemaProblems } from './schema-problems.ts';
import { openingSchema, type OpeningData } from './schema/opening.ts';
import { chapterSchema, companySchema, roleFactsSchema, roleTextSchema, signOffsSchema, templateSchema } from './schema/index.ts';
import type { ChapterData, CompanyData, RoleFactsData, RoleTextData, SignOffsData, TemplateData } from './schema/index.ts';
import { readTextFile } from './read/encoding.ts';
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
	const result = schema.safeParse(source.data);
	if (!result.success) {
		problems.push(...schemaProblems(source, schema, result.error));
		return undefined;
	}
	return { source, data: result.data };
}

function listDir(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

/** Frozen past versions of a role: `content/roles/<id>/versions/<n>/`. */
export const VERSIONS_FOLDER = 'versions';

function readRoleFolder(dir: string, id: string, root: string, raw: RawContent, problems: Problem[]): RawRoleVersion {
	const role: RawRoleVersion = { id, dir: displayPath(dir, root), texts: new Map() };
	const factsFile = join(dir, 'role.yaml');
	if (existsSync(factsFile)) {
		role.facts = parse(readSourceFile(factsFile, root, problems), roleFactsSchema, problems);
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
			problems.push({
				severity: 'warning',
				file: displayPath(file, root),
				message: `is ignored: a role folder holds role.yaml, one <locale>.mdx per language and ${VERSIONS_FOLDER}/`,
			});
			continue;
		}
		const locale = basename(name, '.mdx');
		raw.localeNames.push({ file: displayPath(file, root), locale });
		const text = parse(readSourceFile(file, root, problems), roleTextSchema, problems);
		if (text) role.texts.set(locale, text);
	}
	return role;
}

export function readContent(paths: ContentPaths, problems: Problem[]): RawContent {
	const { root, contentDir, stringsDir, templatesDir } = paths;
	const raw: RawContent = { roles: [], chapters: [], strings: [], templates: new Map(), templateIds: [], localeNames: [], openings: [] };

	const companyFile = join(contentDir, 'company.yaml');
	if (existsSync(companyFile)) {
		raw.company = parse(readSourceFile(companyFile, root, problems), companySchema, problems);
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
		const role: RawRole = { ...readRoleFolder(dir, id, root, raw, problems), history: [] };
		const versionsDir = join(dir, VERSIONS_FOLDER);
		for (const name of listDir(versionsDir)) {
			const versionDir = join(versionsDir, name);
			if (!statSync(versionDir).isDirectory()) continue;
			if (!/^[1-9]\d*$/.test(name)) {
				problems.push({ severity: 'error', file: displayPath(versionDir, root), message: 'a past version lives in a folder named by its version number, e.g. versions/1/', found: name });
				continue;
			}
			role.history.push({ ...readRoleFolder(versionDir, id, root, raw, problems), folderVersion: Number(name) });
		}
		role.history.sort((a, b) => a.folderVersion - b.folderVersion);
		raw.roles.push(role);
	}

	const signOffsFile = join(contentDir, 'sign-offs.yaml');
	if (existsSync(signOffsFile)) raw.signOffs = parse(readSourceFile(signOffsFile, root, problems), signOffsSchema, problems);

	// Openings: one vacancy per file, content/openings/<id>.yaml.
	const openingsDir = join(contentDir, 'openings');
	for (const name of listDir(openingsDir)) {
		const file = join(openingsDir, name);
		if (extname(name) !== '.yaml') {
			problems.push({ severity: 'warning', file: displayPath(file, root), message: 'is ignored: an opening is a file <opening-id>.yaml' });
			continue;
		}
		const opening = parse(readSourceFile(file, root, problems), openingSchema, problems);
		raw.openings.push({ id: basename(name, '.yaml'), file: displayPath(file, root), ...(opening ? { opening } : {}) });
	}

	const handbookDir = join(contentDir, 'handbook');
	for (const locale of listDir(handbookDir)) {
		const dir = join(handbookDir, locale);
		if (!statSync(dir).isDirectory()) continue;
		raw.localeNames.push({ file: displayPath(dir, root), locale });
		for (const name of listDir(dir)) {
			const file = join(dir, name);
			if (extname(name) !== '.mdx') {
				problems.push({ severity: 'warning', file: displayPath(file, root), message: 'is ignored: handbook chapters are .mdx files' });
				continue;
			}
			const chapter = parse(readSourceFile(file, root, problems), chapterSchema, problems);
			if (chapter) raw.chapters.push({ locale, slug: basename(name, '.mdx'), chapter });
		}
	}

	for (const name of listDir(stringsDir)) {
		if (extname(name) !== '.json') continue;
		const file = join(stringsDir, name);
		const strings = readStringsFile(file, displayPath(file, root), problems);
		if (strings) raw.strings.push({ locale: basename(name, '.json'), file: displayPath(file, root), strings });
	}
	for (const name of listDir(templatesDir)) {
		if (extname(name) !== '.yaml') continue;
		const id = basename(name, '.yaml');
		raw.templateIds.push(id);
		const template = parse(readSourceFile(join(templatesDir, name), root, problems), templateSchema, problems);
		if (template) raw.templates.set(id, template);
	}
	return raw;
}

/** A UI strings file: UTF-8 JSON (a byte-order mark is fine) holding one object of "key": "text" pairs. */
function readStringsFile(absolute: string, file: string, problems: Problem[]): Record<string, unknown> | undefined {
	const text = readTextFile(absolute, file, problems);
	if (text === undefined) return undefined;
	let strings: unknown;
	try {
		strings = JSON.parse(text);
	} catch (error) {
		const message = (error as Error).message;
		// V8: "… in JSON at position 41 (line 3 column 5)"; older wording gives only the position.
		const where = /\(line (\d+) column \d+\)/.exec(message);
		const position = /at position (\d+)/.exec(message);
		const line = where ? Number(where[1]) : position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
		const reason = message.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/^JSON\.parse: /, '');
		problems.push({ severity: 'error', file, ...(line ? { line } : {}), message: `is not valid JSON: ${reason}` });
		return undefined;
	}
	if (strings === null || typeof strings !== 'object' || Array.isArray(strings)) {
		problems.push({ severity: 'error', file, line: 1, message: 'is not valid JSON for UI strings: expected an object of "key": "text" pairs' });
		return undefined;
	}
	return strings as Record<string, unknown>;
}
