/**
 * Reading a .docx: the zip through fflate, every XML part through a real XML parser
 * (@xmldom/xmldom), never patterns over raw XML. The result is the document as a person sees
 * it in Word: paragraphs in reading order (body and tables), each with its style, heading
 * level, bold, alignment and — for Word's automatic numbering — its list level and the label
 * Word shows ("2.13."), computed from numbering.xml; the headers and footers; the document
 * properties. Tracked changes are read as if accepted (insertions kept, deletions left out)
 * and counted, so the importer can say so.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export interface DocxNumbering {
	numId: string;
	/** List level, 0–8 (Word's w:ilvl). */
	ilvl: number;
	/** Word's number format of the level: decimal, bullet, lowerLetter, upperRoman… */
	format: string;
	/** The label Word shows before the paragraph: "2.13.", "a)", "•". */
	label: string;
}

export interface DocxParagraph {
	/** 1-based place among the document's non-empty paragraphs (body and tables), as reported to people. */
	index: number;
	/** The text with tracked changes accepted; tabs as "\t", line breaks as "\n". */
	text: string;
	styleId?: string;
	styleName?: string;
	/** 1–9 when the paragraph is a heading: a "heading N" style or an outline level. */
	headingLevel?: number;
	/** Word's automatic numbering, when the paragraph is in a list. */
	numbering?: DocxNumbering;
	/** Every run with text is bold (directly or by style). */
	bold: boolean;
	alignment?: string;
	/** Where the paragraph sits when it is in a table. */
	table?: { table: number; row: number; cell: number };
}

export interface DocxTable {
	/** 0-based table number in the body. */
	index: number;
	/** Rows → cells → paragraphs (nested tables flattened into their cell). */
	rows: DocxParagraph[][][];
}

export type DocxBlock = { kind: 'paragraph'; paragraph: DocxParagraph } | { kind: 'table'; table: DocxTable };

export interface DocxContent {
	/** The body in reading order; empty paragraphs are left out. */
	blocks: DocxBlock[];
	/** Text of the header and footer paragraphs, every header and footer part. */
	headers: string[];
	footers: string[];
	properties: {
		title?: string;
		subject?: string;
		creator?: string;
		keywords?: string;
		description?: string;
		/** Custom document properties (File → Properties → Custom), by name. */
		custom: Record<string, string>;
	};
	/** Tracked changes found (read as accepted). */
	trackedChanges: { insertions: number; deletions: number };
}

/** A file that is not a readable .docx; the message says what it is and what to do. */
export class DocxReadError extends Error {
	override name = 'DocxReadError';
}

const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const REL_TYPES = {
	officeDocument: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'],
	styles: 'styles',
	numbering: 'numbering',
	header: 'header',
	footer: 'footer',
};

export function readDocx(bytes: Uint8Array): DocxContent {
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
		throw new DocxReadError('this is a Word 97–2003 .doc file, not .docx: open it in Word and save it as .docx, or convert it with "soffice --headless --convert-to docx <file>"');
	}
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes);
	} catch (error) {
		throw new DocxReadError(`not a .docx file (it is not a zip package: ${(error as Error).message})`);
	}
	const part = (path: string): Element | undefined => {
		const data = files[path];
		return data ? parseXml(strFromU8(data), path) : undefined;
	};

	const mainPath = mainDocumentPath(part('_rels/.rels'));
	const documentRoot = part(mainPath);
	if (!documentRoot) throw new DocxReadError(`not a Word document: the package has no ${mainPath}`);
	const rels = relationships(part(relsPathOf(mainPath)), dirOf(mainPath));
	const byType = (type: string) => rels.filter((rel) => rel.type.endsWith(`/${type}`)).map((rel) => rel.target);

	const styles = readStyles(byType(REL_TYPES.styles).map(part)[0]);
	const numbering = readNumbering(byType(REL_TYPES.numbering).map(part)[0]);
	const counter = new ListCounter(numbering);
	const tracked = { insertions: 0, deletions: 0 };
	const context: ReadContext = { styles, counter, tracked, next: 1 };

	const body = childElements(documentRoot).find((node) => isW(node, 'body'));
	const blocks = body ? readBlocks(body, context) : [];

	const furniture = (type: string) =>
		byType(type).flatMap((path) => {
			const root = part(path);
			if (!root) return [];
			const quiet: ReadContext = { styles, counter: new ListCounter(numbering), tracked: { insertions: 0, deletions: 0 }, next: 1 };
			return descendants(root, 'p').map((p) => paragraphText(p, quiet.tracked).trim()).filter(Boolean);
		});

	return {
		blocks,
		headers: furniture(REL_TYPES.header),
		footers: furniture(REL_TYPES.footer),
		properties: { ...coreProperties(part('docProps/core.xml')), custom: customProperties(part('docProps/custom.xml')) },
		trackedChanges: tracked,
	};
}

/** Every paragraph of the body in reading order, tables included. */
export function allParagraphs(content: DocxContent): DocxParagraph[] {
	return content.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : block.table.rows.flat(2)));
}

// ————— XML helpers —————

function parseXml(xml: string, path: string): Element {
	try {
		const document = new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') throw new Error(message);
			},
		}).parseFromString(xml, 'text/xml');
		const root = document.documentElement;
		if (!root) throw new Error('no root element');
		return root;
	} catch (error) {
		throw new DocxReadError(`the part ${path} of the package is not well-formed XML (${(error as Error).message}); open and save the file in Word or LibreOffice to repair it`);
	}
}

function isElement(node: Node): node is Element {
	return node.nodeType === 1;
}

function isW(node: Node, name: string): node is Element {
	return isElement(node) && node.localName === name && W_NAMESPACES.has(node.namespaceURI ?? '');
}

function childElements(node: Node): Element[] {
	const out: Element[] = [];
	for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
	return out;
}

function child(node: Node, name: string): Element | undefined {
	return childElements(node).find((element) => isW(element, name));
}

function descendants(node: Node, name: string): Element[] {
	const out: Element[] = [];
	const walk = (current: Node) => {
		for (const element of childElements(current)) {
			if (isW(element, name)) out.push(element);
			else walk(element);
		}
	};
	walk(node);
	return out;
}

/** A w: attribute (w:val, w:ilvl…), with or without the namespace prefix. */
function wAttr(element: Element | undefined, name: string): string | undefined {
	if (!element) return undefined;
	for (const ns of W_NAMESPACES) {
		const value = element.getAttributeNS(ns, name);
		if (value) return value;
	}
	return element.getAttribute(`w:${name}`) ?? undefined;
}

/** An on/off property (w:b, w:caps…): present and not "false"/"0"/"off". */
function onOff(element: Element | undefined): boolean | undefined {
	if (!element) return undefined;
	const value = wAttr(element, 'val');
	return value === undefined || !['false', '0', 'off'].includes(value);
}

function textOf(element: Element | undefined): string | undefined {
	const value = element?.textContent?.trim();
	return value ? value : undefined;
}

// ————— package structure —————

interface Relationship {
	type: string;
	target: string;
}

function dirOf(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash + 1);
}

function relsPathOf(path: string): string {
	return `${dirOf(path)}_rels/${path.slice(dirOf(path).length)}.rels`;
}

function relationships(root: Element | undefined, base: string): Relationship[] {
	if (!root) return [];
	return childElements(root)
		.filter((element) => element.localName === 'Relationship' && element.getAttribute('TargetMode') !== 'External')
		.map((element) => ({ type: element.getAttribute('Type') ?? '', target: resolveTarget(base, element.getAttribute('Target') ?? '') }));
}

function resolveTarget(base: string, target: string): string {
	const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
	const out: string[] = [];
	for (const part of parts) {
		if (part === '..') out.pop();
		else if (part !== '.' && part !== '') out.push(part);
	}
	return out.join('/');
}

function mainDocumentPath(rootRels: Element | undefined): string {
	const main = relationships(rootRels, '').find((rel) => REL_TYPES.officeDocument.includes(rel.type));
	return main?.target ?? 'word/document.xml';
}

function coreProperties(root: Element | undefined): Omit<DocxContent['properties'], 'custom'> {
	if (!root) return {};
	const get = (name: string) => textOf(childElements(root).find((element) => element.localName === name));
	const out: Omit<DocxContent['properties'], 'custom'> = {};
	for (const [key, name] of [['title', 'title'], ['subject', 'subject'], ['creator', 'creator'], ['keywords', 'keywords'], ['description', 'description']] as const) {
		const value = get(name);
		if (value) out[key] = value;
	}
	return out;
}

function customProperties(root: Element | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	if (!root) return out;
	for (const property of childElements(root)) {
		const name = property.getAttribute('name');
		const value = childElements(property)[0]?.textContent;
		if (name && value !== undefined && value !== null) out[name] = value;
	}
	return out;
}

// ————— styles —————

interface StyleInfo {
	name?: string;
	basedOn?: string;
	outlineLevel?: number;
	numId?: string;
	ilvl?: number;
	bold?: boolean;
}

interface Styles {
	get(id: string | undefined): StyleInfo[];
	defaultParagraph?: string;
}

function readStyles(root: Element | undefined): Styles {
	const byId = new Map<string, StyleInfo>();
	let defaultParagraph: string | undefined;
	for (const style of root ? childElements(root).filter((element) => isW(element, 'style')) : []) {
		const id = wAttr(style, 'styleId');
		if (!id) continue;
		if (wAttr(style, 'type') === 'paragraph' && ['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '')) defaultParagraph = id;
		const pPr = child(style, 'pPr');
		const numPr = pPr && child(pPr, 'numPr');
		const outline = pPr && wAttr(child(pPr, 'outlineLvl'), 'val');
		const rPr = child(style, 'rPr');
		const info: StyleInfo = {};
		const name = wAttr(child(style, 'name'), 'val');
		if (name) info.name = name;
		const basedOn = wAttr(child(style, 'basedOn'), 'val');
		if (basedOn) info.basedOn = basedOn;
		if (outline !== undefined) info.outlineLevel = Number(outline);
		const numId = numPr && wAttr(child(numPr, 'numId'), 'val');
		if (numId) info.numId = numId;
		const ilvl = numPr && wAttr(child(numPr, 'ilvl'), 'val');
		if (ilvl !== undefined) info.ilvl = Number(ilvl);
		const bold = onOff(rPr && child(rPr, 'b'));
		if (bold !== undefined) info.bold = bold;
		byId.set(id, info);
	}
	return {
		/** The style and the styles it is based on, nearest first. */
		get(id) {
			const chain: StyleInfo[] = [];
			const seen = new Set<string>();
			for (let current = id ?? defaultParagraph; current && !seen.has(current); current = byId.get(current)?.basedOn) {
				seen.add(current);
				const style = byId.get(current);
				if (style) chain.push(style);
			}
			return chain;
		},
		...(defaultParagraph ? { defaultParagraph } : {}),
	};
}

/** "heading 2" / "Heading2" / "Überschrift 2" → 2; "Title" → 0 is not a heading here. */
function headingLevelOfName(name: string | undefined): number | undefined {
	const match = name ? /^(?:heading|überschrift|заголовок|rubrik|overskrift|başlık)\s*(\d)$/i.exec(name.trim()) : null;
	return match ? Number(match[1]) : undefined;
}

// ————— numbering —————

interface LevelDefinition {
	start: number;
	format: string;
	text: string;
	legal: boolean;
}

interface Numbering {
	/** numId → abstract levels and start overrides. */
	nums: Map<string, { abstractId: string; levels: Map<number, LevelDefinition>; startOverrides: Map<number, number> }>;
}

function readNumbering(root: Element | undefined): Numbering {
	const abstracts = new Map<string, Map<number, LevelDefinition>>();
	const levelsOf = (parent: Element) => {
		const levels = new Map<number, LevelDefinition>();
		for (const lvl of childElements(parent).filter((element) => isW(element, 'lvl'))) {
			levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), {
				start: Number(wAttr(child(lvl, 'start'), 'val') ?? 1),
				format: wAttr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
				text: wAttr(child(lvl, 'lvlText'), 'val') ?? '',
				legal: onOff(child(lvl, 'isLgl')) ?? false,
			});
		}
		return levels;
	};
	const nums: Numbering['nums'] = new Map();
	if (root) {
		for (const abstract of childElements(root).filter((element) => isW(element, 'abstractNum'))) {
			abstracts.set(wAttr(abstract, 'abstractNumId') ?? '', levelsOf(abstract));
		}
		for (const num of childElements(root).filter((element) => isW(element, 'num'))) {
			const abstractId = wAttr(child(num, 'abstractNumId'), 'val') ?? '';
			const levels = new Map(abstracts.get(abstractId) ?? []);
			const startOverrides = new Map<number, number>();
			for (const override of childElements(num).filter((element) => isW(element, 'lvlOverride'))) {
				const ilvl = Number(wAttr(override, 'ilvl') ?? 0);
				const start = wAttr(child(override, 'startOverride'), 'val');
				if (start !== undefined) startOverrides.set(ilvl, Number(start));
				const lvl = child(override, 'lvl');
				if (lvl) for (const [level, definition] of levelsOf(override)) levels.set(level, definition);
			}
			nums.set(wAttr(num, 'numId') ?? '', { abstractId, levels, startOverrides });
		}
	}
	return { nums };
}

/** Word's list counters: one set per list (numId); a level restarts after any higher level. */
class ListCounter {
	private counters = new Map<string, number[]>();
	constructor(private numbering: Numbering) {}

	next(numId: string, ilvl: number): DocxNumbering | undefined {
		const num = this.numbering.nums.get(numId);
		if (!num) return undefined;
		const definition = num.levels.get(ilvl) ?? { start: 1, format: 'decimal', text: `%${ilvl + 1}.`, legal: false };
		const counts = this.counters.get(numId) ?? [];
		const startOf = (level: number) => num.startOverrides.get(level) ?? num.levels.get(level)?.start ?? 1;
		counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
		for (let level = 0; level < ilvl; level++) if (counts[level] === undefined) counts[level] = startOf(level);
		counts.length = ilvl + 1;
		this.counters.set(numId, counts);
		const label =
			definition.format === 'bullet'
				? definition.text
				: definition.text.replace(/%(\d)/g, (_, n: string) => {
						const level = Number(n) - 1;
						const format = definition.legal ? 'decimal' : (num.levels.get(level)?.format ?? 'decimal');
						return formatNumber(counts[level] ?? startOf(level), format);
					});
		return { numId, ilvl, format: definition.format, label };
	}
}

const RUSSIAN_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';

function formatNumber(value: number, format: string): string {
	switch (format) {
		case 'lowerLetter':
			return letters(value, 'abcdefghijklmnopqrstuvwxyz');
		case 'upperLetter':
			return letters(value, 'abcdefghijklmnopqrstuvwxyz').toUpperCase();
		case 'russianLower':
			return letters(value, RUSSIAN_LETTERS);
		case 'russianUpper':
			return letters(value, RUSSIAN_LETTERS).toLocaleUpperCase('ru');
		case 'lowerRoman':
			return roman(value).toLowerCase();
		case 'upperRoman':
			return roman(value);
		case 'decimalZero':
			return String(value).padStart(2, '0');
		case 'none':
			return '';
		default:
			return String(value);
	}
}

function letters(value: number, alphabet: string): string {
	const letter = alphabet[(value - 1) % alphabet.length] ?? '';
	return letter.repeat(Math.floor((value - 1) / alphabet.length) + 1);
}

function roman(value: number): string {
	const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
	let rest = value;
	let out = '';
	for (const [n, s] of table) {
		while (rest >= n) {
			out += s;
			rest -= n;
		}
	}
	return out;
}

// ————— body —————

interface ReadContext {
	styles: Styles;
	counter: ListCounter;
	tracked: DocxContent['trackedChanges'];
	/** The next paragraph number to give. */
	next: number;
}

function readBlocks(container: Element, context: ReadContext): DocxBlock[] {
	const blocks: DocxBlock[] = [];
	let tableIndex = 0;
	const walk = (node: Element) => {
		for (const element of childElements(node)) {
			if (isW(element, 'p')) {
				const paragraph = readParagraph(element, context);
				if (paragraph) blocks.push({ kind: 'paragraph', paragraph });
			} else if (isW(element, 'tbl')) {
				blocks.push({ kind: 'table', table: readTable(element, tableIndex++, context) });
			} else if (isW(element, 'sdt')) {
				const content = child(element, 'sdtContent');
				if (content) walk(content);
			} else if (isW(element, 'ins') || isW(element, 'moveTo') || isW(element, 'customXml')) {
				walk(element);
			}
		}
	};
	walk(container);
	return blocks;
}

function readTable(tbl: Element, index: number, context: ReadContext): DocxTable {
	const rows = childElements(tbl)
		.filter((element) => isW(element, 'tr'))
		.map((tr, row) =>
			childElements(tr)
				.filter((element) => isW(element, 'tc'))
				.map((tc, cell) =>
					descendants(tc, 'p').flatMap((p) => {
						const paragraph = readParagraph(p, context);
						return paragraph ? [{ ...paragraph, table: { table: index, row, cell } }] : [];
					}),
				),
		);
	return { index, rows };
}

function readParagraph(p: Element, context: ReadContext): DocxParagraph | undefined {
	const pPr = child(p, 'pPr');
	const styleId = wAttr(pPr && child(pPr, 'pStyle'), 'val');
	const chain = context.styles.get(styleId);
	const styleName = chain[0]?.name;

	// Numbering: the paragraph's own, else its style's (a heading style linked to a list).
	const numPr = pPr && child(pPr, 'numPr');
	const ownNumId = numPr && wAttr(child(numPr, 'numId'), 'val');
	const ownIlvl = numPr && wAttr(child(numPr, 'ilvl'), 'val');
	const styleNum = chain.find((style) => style.numId !== undefined);
	const numId = ownNumId ?? styleNum?.numId;
	const ilvl = ownIlvl !== undefined ? Number(ownIlvl) : (chain.find((style) => style.ilvl !== undefined)?.ilvl ?? 0);

	const { text, allBold } = paragraphContent(p, context.tracked, chain.find((style) => style.bold !== undefined)?.bold ?? false);
	if (!text.trim()) return undefined;
	const numbering = numId && numId !== '0' ? context.counter.next(numId, ilvl) : undefined;

	const outline = wAttr(pPr && child(pPr, 'outlineLvl'), 'val') ?? chain.find((style) => style.outlineLevel !== undefined)?.outlineLevel;
	const headingLevel = chain.map((style) => headingLevelOfName(style.name)).find((level) => level !== undefined) ?? (outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : undefined);
	const alignment = wAttr(pPr && child(pPr, 'jc'), 'val');
	return {
		index: context.next++,
		text: text.replace(/[ \u00a0]+/g, ' ').trim(),
		...(styleId ? { styleId } : {}),
		...(styleName ? { styleName } : {}),
		...(headingLevel ? { headingLevel } : {}),
		...(numbering ? { numbering } : {}),
		bold: allBold,
		...(alignment ? { alignment } : {}),
	};
}

function paragraphText(p: Element, tracked: DocxContent['trackedChanges']): string {
	return paragraphContent(p, tracked, false).text;
}

/** Text of a paragraph as Word shows it with changes accepted, and whether every run with text is bold. */
function paragraphContent(p: Element, tracked: DocxContent['trackedChanges'], styleBold: boolean): { text: string; allBold: boolean } {
	let text = '';
	let runs = 0;
	let boldRuns = 0;
	const walk = (node: Element) => {
		for (const element of childElements(node)) {
			if (isW(element, 'del') || isW(element, 'moveFrom')) {
				tracked.deletions++;
				continue;
			}
			if (isW(element, 'ins') || isW(element, 'moveTo')) tracked.insertions++;
			if (isW(element, 'pPr') || isW(element, 'rPr')) continue;
			if (isW(element, 'r')) {
				const before = text.length;
				runText(element);
				if (text.slice(before).trim()) {
					runs++;
					const rPr = child(element, 'rPr');
					if (onOff(rPr && child(rPr, 'b')) ?? styleBold) boldRuns++;
				}
				continue;
			}
			walk(element);
		}
	};
	const runText = (r: Element) => {
		for (const element of childElements(r)) {
			if (isW(element, 't')) text += element.textContent ?? '';
			else if (isW(element, 'tab')) text += '\t';
			else if (isW(element, 'br') || isW(element, 'cr')) text += '\n';
			else if (isW(element, 'noBreakHyphen')) text += '-';
		}
	};
	walk(p);
	return { text, allBold: runs > 0 && boldRuns === runs };
}
