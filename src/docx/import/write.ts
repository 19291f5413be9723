/**
 * Step three of an import: the files of the draft, made from the `rolebook new` scaffold
 * (templates/role/, filled with fillPlaceholders) and written with the yaml package — never
 * YAML assembled by hand — and checked against the content schemas before anything is written.
 * TODO notes go into role.yaml as comments on the facts they concern; paragraphs the import
 * could not place go into the MDX body as a TODO list with their paragraph numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { fillPlaceholders } from '../../model/index.ts';
import { splitFrontMatter } from '../../model/read/front-matter.ts';
import { roleFactsSchema, roleTextSchema } from '../../model/schema/index.ts';
import type { ItemInput } from '../../model/schema/index.ts';
import type { FactsInput, SectionInput, TextInput, Todo } from './role.ts';
import type { Unplaced } from './structure.ts';

const PLAIN_KEYS = new Set(['kind', 'id', 'topic', 'measure', 'per', 'translates']);
const STRINGIFY = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;

/** Something the schema rejects in an import is a bug of the importer, not of the Word file. */
export class ImportBug extends Error {
	override name = 'ImportBug';
}

export interface Scaffold {
	roleYaml: string;
	textMdx: string;
}

export function readScaffold(root: string): Scaffold {
	const dir = join(root, 'templates', 'role');
	return { roleYaml: readFileSync(join(dir, 'role.yaml'), 'utf8'), textMdx: readFileSync(join(dir, 'text.mdx'), 'utf8') };
}

/** role.yaml: the scaffold's header comment, the facts found, a "TODO:" comment on each fact to review. */
export function roleYaml(scaffold: Scaffold, id: string, title: string, facts: FactsInput, todos: readonly Todo[], source: string): string {
	const filled = fillPlaceholders(scaffold.roleYaml, { id, department: facts.department, category: facts.category, reportsTo: facts.reportsTo, appointedBy: facts.appointment.by, number: facts.document.number ?? '', title });
	const template = parseDocument(filled);
	const ordered = {
		department: facts.department,
		category: facts.category,
		reportsTo: facts.reportsTo,
		...(facts.substitute ? { substitute: facts.substitute } : {}),
		appointment: facts.appointment,
		qualification: facts.qualification,
		...(facts.certification ? { certification: facts.certification } : {}),
		document: {
			number: facts.document.number,
			version: facts.document.version,
			status: facts.document.status,
			...(facts.document.approvedBy ? { approvedBy: facts.document.approvedBy } : {}),
			agreedWith: facts.document.agreedWith,
		},
	};
	const parsed = roleFactsSchema.safeParse(ordered);
	if (!parsed.success) throw new ImportBug(`the facts made for ${id} do not fit the role schema: ${parsed.error.message}`);
	const doc = new Document(ordered);
	doc.commentBefore = `${template.commentBefore ?? ` Facts of the role "${id}".`}\n Imported from ${source}: review every TODO below, then remove the TODO comments.`;
	for (const { path, note } of todos) commentAbove(doc, path, ` TODO: ${note}`);
	flowShortLists(doc);
	return doc.toString({ ...STRINGIFY, defaultStringType: 'PLAIN' });
}

export interface TextFileOptions {
	text: TextInput;
	/** For a translation: the version it translates. */
	translates?: number;
	/** Kept from an existing file being replaced. */
	summary?: string;
	altTitles?: string[];
	body?: string;
	unplaced: readonly Unplaced[];
	source: string;
	category: string;
}

/** `<locale>.mdx`: front matter from the scaffold with the imported title and sections, the body with the unplaced paragraphs. */
export function textMdx(scaffold: Scaffold, options: TextFileOptions): string {
	const filled = fillPlaceholders(scaffold.textMdx, { title: options.text.title, category: options.category, translates: '' });
	const front = splitFrontMatter(filled);
	if (!front) throw new ImportBug('templates/role/text.mdx has no front matter');
	const scaffoldData = parseDocument(front.yaml).toJS() as { summary?: string };
	const data = {
		title: options.text.title,
		...(options.altTitles && options.altTitles.length > 0 ? { altTitles: options.altTitles } : {}),
		summary: options.summary ?? scaffoldData.summary ?? 'TODO: one or two sentences on what the role is for.',
		...(options.translates !== undefined ? { translates: options.translates } : {}),
		sections: options.text.sections.map(orderedSection),
	};
	const parsed = roleTextSchema.safeParse(data);
	if (!parsed.success) throw new ImportBug(`the text made from ${options.source} does not fit the role text schema: ${parsed.error.message}`);
	const doc = new Document(data);
	visit(doc, {
		Pair(_, pair) {
			const key = (pair.key as { value?: unknown })?.value;
			if (isMap(pair.value) && key === 'target') pair.value.flow = true;
			// Ids and enum values plain, texts quoted: as the shipped roles are written.
			if (isScalar(pair.value) && typeof key === 'string' && PLAIN_KEYS.has(key)) pair.value.type = 'PLAIN';
		},
	});
	const body = options.body ?? front.body;
	return `---\n${doc.toString(STRINGIFY)}---\n${body.startsWith('\n') ? '' : '\n'}${body.trimEnd()}\n${unplacedSection(options.unplaced, options.source)}`;
}

/** A comment line above the key at `path`, or above the nearest key of it that exists. */
function commentAbove(doc: Document, path: readonly string[], line: string): void {
	for (let depth = path.length; depth > 0; depth--) {
		const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
		if (!isMap(parent)) continue;
		const pair = parent.items.find((item) => (item.key as { value?: unknown })?.value === path[depth - 1]);
		if (!pair) continue;
		const key = pair.key as Node;
		key.commentBefore = key.commentBefore ? `${key.commentBefore}\n${line}` : line;
		return;
	}
	doc.comment = doc.comment ? `${doc.comment}\n${line}` : line;
}

/** Keys in the order the shipped roles write them: kind, title, id, intro, items; topic, text, target, items. */
function orderedSection(section: SectionInput): SectionInput {
	const { kind, title, id, intro, items } = section;
	return { kind, ...(title ? { title } : {}), ...(id ? { id } : {}), ...(intro ? { intro } : {}), items: items.map(orderedItem) };
}

function orderedItem(item: ItemInput): ItemInput {
	const { topic, text, target, items } = item;
	return { ...(topic ? { topic } : {}), text, ...(target ? { target } : {}), ...(items && items.length > 0 ? { items: items.map(orderedItem) } : {}) };
}

function flowShortLists(doc: Document): void {
	visit(doc, {
		Seq(_, seq) {
			if (seq.items.every((item) => !isMap(item) && !isSeq(item))) seq.flow = true;
		},
	});
}

/** MDX treats "{", "}" and "<" as code. */
function mdxText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/\{/g, '&#123;').replace(/\}/g, '&#125;').replace(/</g, '&lt;');
}

function unplacedSection(unplaced: readonly Unplaced[], source: string): string {
	if (unplaced.length === 0) return '';
	const lines = unplaced.map((entry) => `- paragraph ${entry.paragraph} (${entry.where}): ${mdxText(entry.text)}`);
	return `\n## TODO: paragraphs the import could not place\n\n${mdxText(source)} had these paragraphs outside the numbered items. Move each into the right item of the front matter above (or delete it), then delete this section.\n\n${lines.join('\n')}\n`;
}
