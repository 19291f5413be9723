/**
 * Importing Word job descriptions: .docx → a draft role folder (role.yaml + <locale>.mdx), or a
 * translation of an existing role, as `rolebook import` runs it.
 *   read.ts (../) the .docx as paragraphs, tables, headers, footers, properties
 *   structure.ts  paragraphs → approval block, title, sections and items, agreement block; the rest unplaced
 *   role.ts       structure → role text (topics, targets) and role facts, resolved against content/
 *   write.ts      the files, from the `rolebook new` scaffold, through the yaml package and the schemas
 * This file decides, for each file, which role and language it is and what to write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Role, Rolebook } from '../../model/index.ts';
import { splitFrontMatter } from '../../model/read/front-matter.ts';
import type { ItemInput } from '../../model/schema/index.ts';
import { readDocx } from '../read.ts';
import { DOCX_PROPERTIES } from '../render.ts';
import { buildImport, type ImportedText, type SectionInput, type TextInput } from './role.ts';
import { interpretDocument, Recogniser, type ParsedDocument, type Unplaced } from './structure.ts';
import { kebabId } from './text.ts';
import { readScaffold, roleYaml, textMdx } from './write.ts';

export { readDocx } from '../read.ts';
export { interpretDocument, Recogniser, type ParsedDocument } from './structure.ts';
export { buildImport, findTarget, type ImportedText } from './role.ts';

export interface ImportOptions {
	/** Project root (templates/role/ is read from here). */
	root: string;
	/** Content folder the role folders are written to. */
	contentDir: string;
	/** Role id, for one file. */
	id?: string;
	/** Language of the documents (default: recognised from headings, labels and letters). */
	locale?: string;
	/** Overwrite an existing text of the role with the document's. */
	replace?: boolean;
	dryRun?: boolean;
}

export type ImportMode = 'new-role' | 'translation' | 'replace';

export interface FileResult {
	file: string;
	error?: string;
	roleId?: string;
	locale?: string;
	mode?: ImportMode;
	/** Files to write (absolute path → content). */
	writes: [string, string][];
	sections: number;
	items: number;
	unplaced: Unplaced[];
	todos: string[];
	notes: string[];
	/** For a translation: where its numbered lists differ from the default language's. */
	countDiffs: string[];
	trackedChanges: number;
}

/** What the run knows of each role: those in content/ and those this run creates. */
interface KnownRole {
	id: string;
	number?: string;
	version: number;
	existing?: Role;
	texts: Map<string, TextInput>;
	/** Locales whose text is a "translate from …" placeholder written by an import. */
	placeholders: Set<string>;
	dir: string;
}

const PLACEHOLDER_PREFIX = 'TODO: translate from';

/** Plans every file (nothing is written here): the caller prints and writes. */
export function planImport(files: readonly string[], rolebook: Rolebook, options: ImportOptions): FileResult[] {
	const { company } = rolebook;
	const recogniser = new Recogniser(rolebook.strings, Object.values(company.name));
	const scaffold = readScaffold(options.root);
	const known = new Map<string, KnownRole>();
	for (const role of rolebook.roles) {
		const dir = join(options.root, role.dir);
		known.set(role.id, {
			id: role.id,
			number: role.document.number,
			version: role.document.version,
			existing: role,
			texts: new Map(Object.entries(role.texts).map(([locale, text]) => [locale, { title: text.title, sections: text.sections.map(sectionInput) }])),
			placeholders: new Set(Object.entries(role.texts).filter(([, text]) => text.title.startsWith(PLACEHOLDER_PREFIX)).map(([locale]) => locale)),
			dir,
		});
	}
	const taken = new Set([...known.keys(), ...company.positions.map((position) => position.id)]);

	// Read everything first, so documents in the default language are imported before their translations.
	const read = files.map((file) => {
		try {
			const content = readDocx(new Uint8Array(readFileSync(file)));
			const parsed = interpretDocument(content, recogniser);
			return { file, parsed, locale: options.locale ?? localeOf(parsed, company.locales, company.defaultLocale) };
		} catch (error) {
			return { file, error: (error as Error).message };
		}
	});
	const ordered = [...read].sort((a, b) => Number('locale' in a && a.locale !== company.defaultLocale) - Number('locale' in b && b.locale !== company.defaultLocale));

	const results = new Map<string, FileResult>();
	for (const entry of ordered) {
		const result: FileResult = { file: entry.file, writes: [], sections: 0, items: 0, unplaced: [], todos: [], notes: [], countDiffs: [], trackedChanges: 0 };
		results.set(entry.file, result);
		if ('error' in entry) {
			result.error = entry.error;
			continue;
		}
		const { parsed, locale } = entry;
		result.locale = locale;
		result.trackedChanges = parsed.trackedChanges.insertions + parsed.trackedChanges.deletions;
		if (!company.locales.includes(locale!)) {
			result.error = `"${locale}" is not a configured locale (configured in content/company.yaml: ${company.locales.join(', ')})`;
			continue;
		}
		if (parsed.sections.length === 0) {
			result.error = `no numbered sections found (headings such as "1. General provisions", "I. Общие положения"): is this a job description? ${parsed.paragraphCount} paragraphs read`;
			continue;
		}
		const target = targetRole(entry.file, parsed, options, known);
		if (target && 'error' in target) {
			result.error = target.error;
			continue;
		}
		const role = target?.role;
		const source = basename(entry.file);

		if (role) {
			const hasText = role.texts.has(locale!);
			const isPlaceholder = role.placeholders.has(locale!);
			if (hasText && !isPlaceholder && !options.replace) {
				result.error = `role "${role.id}" already has a ${locale} text (${relative(options.root, join(role.dir, `${locale}.mdx`))}): use --replace to overwrite it with this document, or --id to import it as another role`;
				continue;
			}
			const imported = buildImport(parsed, { rolebook, locale: locale!, ...(role.existing ? { role: role.existing } : {}), id: role.id });
			const mode: ImportMode = hasText ? 'replace' : 'translation';
			const file = join(role.dir, `${locale}.mdx`);
			const kept = hasText && existsSync(file) ? keptFields(readFileSync(file, 'utf8')) : {};
			const translates = locale === company.defaultLocale ? undefined : role.version;
			result.writes.push([file, textMdx(scaffold, { text: imported.text, ...(translates !== undefined ? { translates } : {}), ...kept, unplaced: parsed.unplaced, source, category: imported.facts.category })]);
			finish(result, imported, parsed, role.id, mode);
			if (parsed.number && role.number && parsed.number !== role.number) result.notes.push(`the document number ${parsed.number} differs from ${role.id}'s ${role.number} (role.yaml is left as it is)`);
			const reference = locale === company.defaultLocale ? undefined : role.texts.get(company.defaultLocale);
			if (reference && !role.placeholders.has(company.defaultLocale)) result.countDiffs = compareCounts(reference, imported.text, company.defaultLocale, locale!);
			role.texts.set(locale!, imported.text);
			role.placeholders.delete(locale!);
			continue;
		}

		// A new role.
		const imported = buildImport(parsed, { rolebook, locale: locale!, ...(options.id ? { id: options.id } : {}) });
		const id = options.id ?? uniqueId(idFrom(imported.text.title, parsed), taken);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
			result.error = `"${id}" is not a valid role id: use kebab-case, e.g. "logistics-manager" (--id)`;
			continue;
		}
		taken.add(id);
		const dir = join(options.contentDir, 'roles', id);
		if (existsSync(dir)) {
			result.error = `${relative(options.root, dir)} already exists but is not a valid role: fix or remove it first`;
			continue;
		}
		const facts = { ...imported.facts, document: { ...imported.facts.document, number: imported.facts.document.number ?? numberFor(id, known.size + 1) } };
		if (!imported.facts.document.number) imported.todos.push({ path: ['document', 'number'], note: 'no document number found in the header or title block: a new one was made up' });
		result.writes.push([join(dir, 'role.yaml'), roleYaml(scaffold, id, imported.text.title, facts, imported.todos, source)]);
		const mdx = (text: TextInput, translates?: number, unplaced: readonly Unplaced[] = parsed.unplaced) =>
			textMdx(scaffold, { text, ...(translates !== undefined ? { translates } : {}), unplaced, source, category: facts.category });
		const texts = new Map<string, TextInput>([[locale!, imported.text]]);
		const placeholders = new Set<string>();
		if (locale === company.defaultLocale) {
			result.writes.push([join(dir, `${locale}.mdx`), mdx(imported.text)]);
		} else {
			// The default language is required: a copy of the structure, each text marked for translation.
			const copy = untranslated(imported.text, locale!);
			result.writes.push([join(dir, `${company.defaultLocale}.mdx`), mdx(copy, undefined, [])]);
			result.writes.push([join(dir, `${locale}.mdx`), mdx(imported.text, facts.document.version)]);
			texts.set(company.defaultLocale, copy);
			placeholders.add(company.defaultLocale);
			result.notes.push(`the role has no ${company.defaultLocale} text yet: ${company.defaultLocale}.mdx repeats the ${locale} text marked "${PLACEHOLDER_PREFIX} ${locale}" — translate it (or import the ${company.defaultLocale} document, which replaces it)`);
		}
		known.set(id, { id, number: facts.document.number, version: facts.document.version, texts, placeholders, dir });
		finish(result, { ...imported, facts }, parsed, id, 'new-role');
	}
	return files.map((file) => results.get(file)!);
}

function finish(result: FileResult, imported: ImportedText, parsed: ParsedDocument, id: string, mode: ImportMode): void {
	result.roleId = id;
	result.mode = mode;
	result.sections = imported.text.sections.length;
	result.items = imported.text.sections.reduce((sum, section) => sum + countItems(section.items), 0);
	result.unplaced = parsed.unplaced;
	result.todos = mode === 'new-role' ? imported.todos.map((todo) => `${todo.path.join('.')}: ${todo.note}`) : [];
	result.notes.push(...parsed.notes, ...imported.notes);
	if (parsed.fallbackNotice) result.notes.push('the document says it is an untranslated copy (the text is in the default language)');
	if (parsed.sheetNames.length > 0) result.notes.push(`the familiarisation sheet lists ${parsed.sheetNames.length} name(s), not imported: who signed which version is kept in content/sign-offs.yaml`);
	if (result.trackedChanges > 0) result.notes.push(`${result.trackedChanges} tracked change(s) were read as accepted: compare with Word's "Final" view`);
}

function countItems(items: readonly ItemInput[]): number {
	return items.reduce((sum, item) => sum + 1 + countItems(item.items ?? []), 0);
}

/** The locale with the most votes (headings count most, then labels, then letters); the default when nothing speaks. */
function localeOf(parsed: ParsedDocument, configured: readonly string[], defaultLocale: string): string {
	const fromProperties = parsed.properties.custom[DOCX_PROPERTIES.textLocale];
	if (fromProperties && configured.includes(fromProperties)) return fromProperties;
	const ranked = Object.entries(parsed.localeVotes)
		.filter(([locale]) => configured.includes(locale))
		.sort((a, b) => b[1] - a[1]);
	return ranked[0]?.[0] ?? defaultLocale;
}

/** Which role a document belongs to: --id, the role named in its properties, its document number, or none (a new role). */
function targetRole(file: string, parsed: ParsedDocument, options: ImportOptions, known: Map<string, KnownRole>): { role: KnownRole } | { error: string } | undefined {
	if (options.id) {
		const role = known.get(options.id);
		return role ? { role } : undefined;
	}
	const fromProperties = parsed.properties.custom[DOCX_PROPERTIES.role];
	if (fromProperties && known.has(fromProperties)) return { role: known.get(fromProperties)! };
	if (parsed.number) {
		const byNumber = [...known.values()].filter((role) => role.number === parsed.number);
		if (byNumber.length === 1) return { role: byNumber[0]! };
		if (byNumber.length > 1) return { error: `the document number ${parsed.number} belongs to several roles (${byNumber.map((r) => r.id).join(', ')}): say which with --id` };
	}
	void file;
	return undefined;
}

function idFrom(title: string, parsed: ParsedDocument): string {
	return kebabId(title.replace(/^TODO:\s*/, '')) || kebabId(parsed.properties.title ?? '') || 'imported-role';
}

function uniqueId(id: string, taken: Set<string>): string {
	if (!taken.has(id)) return id;
	for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

function numberFor(id: string, n: number): string {
	return `JD-${id.toUpperCase().replace(/-/g, '').slice(0, 6)}-${String(n).padStart(3, '0')}`;
}

function sectionInput(section: Role['texts'][string]['sections'][number]): SectionInput {
	const item = (value: (typeof section.items)[number]): ItemInput => ({ text: value.text, ...(value.items.length > 0 ? { items: value.items.map(item) } : {}) });
	return { kind: section.kind, items: section.items.map(item) };
}

/** The default-language placeholder of a role imported in another language. */
function untranslated(text: TextInput, locale: string): TextInput {
	const mark = (value: string) => `${PLACEHOLDER_PREFIX} ${locale}: ${value}`;
	const item = (value: ItemInput): ItemInput => ({ ...value, text: mark(value.text), ...(value.items ? { items: value.items.map(item) } : {}) });
	return {
		title: mark(text.title),
		sections: text.sections.map((section) => ({ ...section, ...(section.title ? { title: mark(section.title) } : {}), ...(section.intro ? { intro: mark(section.intro) } : {}), items: section.items.map(item) })),
	};
}

/** Summary, other titles and the MDX body of a text being replaced: the Word file does not carry them. */
function keptFields(file: string): { summary?: string; altTitles?: string[]; body?: string } {
	const front = splitFrontMatter(file.charCodeAt(0) === 0xfeff ? file.slice(1) : file);
	if (!front) return {};
	const data = (parseYaml(front.yaml) ?? {}) as { summary?: unknown; altTitles?: unknown };
	return {
		...(typeof data.summary === 'string' ? { summary: data.summary } : {}),
		...(Array.isArray(data.altTitles) ? { altTitles: data.altTitles.filter((t): t is string => typeof t === 'string') } : {}),
		body: front.body,
	};
}

/** Where the translation's numbered lists differ from the default language's, worded as `rolebook check` words it. */
export function compareCounts(reference: TextInput, translation: TextInput, defaultLocale: string, locale: string): string[] {
	const diffs: string[] = [];
	const shape = (text: TextInput) => text.sections.map((section) => (section.kind === 'custom' ? (section.id ?? 'custom') : section.kind)).join(', ');
	if (shape(reference) !== shape(translation)) {
		return [`the sections differ from ${defaultLocale} (${shape(reference)} in ${defaultLocale}; ${shape(translation)} in ${locale}), so section numbers do not match`];
	}
	const compare = (left: readonly ItemInput[], right: readonly ItemInput[], name: string) => {
		if (left.length !== right.length) {
			diffs.push(`the list "${name}" has ${right.length} in ${locale} but ${left.length} in ${defaultLocale}`);
			return;
		}
		left.forEach((item, index) => compare(item.items ?? [], right[index]!.items ?? [], `${name} ${index + 1}`));
	};
	reference.sections.forEach((section, index) => compare(section.items, translation.sections[index]!.items, section.kind === 'custom' ? (section.id ?? 'custom') : section.kind));
	return diffs;
}
