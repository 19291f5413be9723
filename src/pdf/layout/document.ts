/**
 * Layout of a job description, as a pipeline of small steps:
 *   page geometry from the template → one measured block list per template block, each box
 *   tagged with the structure element it belongs to → pagination → page furniture (header,
 *   footer with "Page X of Y", watermark: artifacts) → the outline.
 * The result is pages of positioned boxes, the logical structure (PDF/UA: headings, lists,
 * the familiarisation table, form fields) and the bookmarks; nothing here draws.
 */
import { PAPER_SIZES, type TemplateBlock, type TemplateData } from '../../model/schema/index.ts';
import type { DocumentItem, DocumentModel, SignatoryLine } from '../model.ts';
import { hyphenatorFor } from './hyphenate.ts';
import { breakLines, SOFT_HYPHEN } from './lines.ts';
import { paginate, type Block, type Row } from './paginate.ts';
import type { Box, DocumentLayout, FieldBox, Measure, OutlineEntry, Page, StructNode, StructRole, TextStyle } from './types.ts';

const MM = 72 / 25.4;

/** Page geometry and type sizes derived from the template. */
export interface Geometry {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	base: number;
}

export function geometry(template: TemplateData): Geometry {
	const [width, height] = PAPER_SIZES[template.paper];
	const m = template.margins;
	return { width, height, left: m.left * MM, right: width - m.right * MM, top: m.top * MM, bottom: height - m.bottom * MM, base: template.fontSize };
}

/** Named spacing, in multiples of the body size. */
const SPACE = { line: 1.38, item: 0.3, section: 1.1, block: 1.8, signatory: 0.9 };
const GRAY = { quiet: 0.35, rule: 0.55, watermark: 0.86 };

/** Orphans and widows: a paragraph split across pages leaves at least this many lines on each side. */
const ORPHANS = 2;
const WIDOWS = 2;

export interface LayoutOptions {
	/**
	 * Lines of the visible signature stamp of a document that gets signed: the approver's
	 * signature field is made tall enough to show them, and carries them for drawing.
	 */
	stamp?: string[];
}

/** Size of the stamp's lines, in points. */
export const STAMP_FONT_SIZE = 6.5;
export const STAMP_LINE = 1.2;

interface Context {
	model: DocumentModel;
	geo: Geometry;
	measure: Measure;
	options: LayoutOptions;
	/** Elements of the logical structure, created in reading order. */
	struct: StructBuilder;
	/** The language of the document (labels), and of the role's text when it is a fallback. */
	textLang?: string;
}

class StructBuilder {
	private next = 1;
	readonly root: StructNode = { id: 0, role: 'Document', children: [] };

	add(parent: StructNode, role: StructRole, extra: Partial<Omit<StructNode, 'id' | 'role' | 'children'>> = {}): StructNode {
		const node: StructNode = { id: this.next++, role, ...extra, children: [] };
		parent.children.push(node);
		return node;
	}
}

/** Lays out the whole document: pages of positioned boxes, the structure they are tagged with, the outline. */
export function layoutDocument(model: DocumentModel, template: TemplateData, measure: Measure, options: LayoutOptions = {}): DocumentLayout {
	const geo = geometry(template);
	const struct = new StructBuilder();
	const ctx: Context = { model, geo, measure, options, struct, ...(model.textLocale !== model.locale ? { textLang: model.textLocale } : {}) };
	const blocks = template.blocks.flatMap((block) => {
		const built = BLOCKS[block.type](ctx, block);
		if (block.newPage && built[0]) built[0] = { ...built[0], newPage: true };
		return built;
	});
	const laid = paginate(blocks, { top: geo.top, bottom: geo.bottom });
	const pages: Page[] = laid.map((boxes, index) => ({ width: geo.width, height: geo.height, boxes: [...furniture(ctx, index + 1, laid.length), ...boxes] }));
	return { pages, structure: struct.root, outline: outline(struct.root, pages) };
}

/** One bookmark per heading that asks for one, in document order, pointing at its first line. */
function outline(root: StructNode, pages: Page[]): OutlineEntry[] {
	const marked: StructNode[] = [];
	const walk = (node: StructNode) => {
		if (node.bookmark) marked.push(node);
		node.children.forEach(walk);
	};
	walk(root);
	const entries: OutlineEntry[] = [];
	for (const node of marked) {
		const page = pages.findIndex((p) => p.boxes.some((box) => box.kind === 'text' && box.tag === node.id));
		if (page < 0) continue;
		const first = pages[page]!.boxes.find((box) => box.kind === 'text' && box.tag === node.id);
		if (first?.kind === 'text') entries.push({ title: node.bookmark!, page, y: first.y - first.style.size });
	}
	return entries;
}

// ————— text helpers —————

function lineHeight(style: TextStyle): number {
	return style.size * SPACE.line;
}

/**
 * One row per line of `text` wrapped to `width`, starting at `x`; `align` places each line;
 * every line is content of the structure element `tag`, hyphenated in the language `lang`.
 */
function textRows(ctx: Context, text: string, x: number, width: number, style: TextStyle, tag: StructNode, lang: string, align: 'left' | 'center' | 'right' = 'left'): Row[] {
	const measure = (value: string) => ctx.measure(value, style.face, style.size);
	const height = lineHeight(style);
	const hyphenate = hyphenatorFor(lang);
	const lines = breakLines(text, width, measure, { keepSpace: true, ...(hyphenate ? { hyphenate } : {}) });
	// A word hyphenated at a line break reads whole only where U+00AD is honoured (Acrobat, poppler);
	// pdf.js drops it and breaks the word: the element's /ActualText gives every reader the text.
	if (tag.actualText === undefined && lines.some((line) => line.endsWith(SOFT_HYPHEN))) tag.actualText = text.replaceAll(SOFT_HYPHEN, '').replace(/\s+/g, ' ').trim();
	return lines.map((line) => {
		const offset = align === 'left' ? 0 : align === 'center' ? (width - measure(line.trimEnd())) / 2 : width - measure(line.trimEnd());
		return { height, boxes: [{ kind: 'text', x: x + offset, y: baseline(style), text: line, style, tag: tag.id }] };
	});
}

/** A paragraph (P) of `parent`: its element and its lines. */
function paragraph(ctx: Context, parent: StructNode, text: string, x: number, width: number, style: TextStyle, lang: string, align: 'left' | 'center' | 'right' = 'left', role: StructRole = 'P'): Row[] {
	return textRows(ctx, text, x, width, style, ctx.struct.add(parent, role), lang, align);
}

/** Baseline of a line within its row. */
function baseline(style: TextStyle): number {
	return (lineHeight(style) - style.size) / 2 + style.size * 0.8;
}

const body = (ctx: Context): TextStyle => ({ face: 'regular', size: ctx.geo.base });
const bold = (ctx: Context, delta = 0): TextStyle => ({ face: 'bold', size: ctx.geo.base + delta });
const small = (ctx: Context): TextStyle => ({ face: 'regular', size: ctx.geo.base - 2, gray: GRAY.quiet });

// ————— blocks, one builder per template block type —————

type Builder = (ctx: Context, block: TemplateBlock) => Block[];

const BLOCKS: Record<TemplateBlock['type'], Builder> = {
	approval: approvalBlock,
	title: titleBlock,
	sections: sectionBlocks,
	agreed: agreedBlocks,
	familiarisation: familiarisationBlocks,
	acknowledgement: acknowledgementBlocks,
};

/** "APPROVED" top right: approver's title, signature line with the name, date line. */
function approvalBlock(ctx: Context): Block[] {
	const { model, geo, struct } = ctx;
	if (!model.approver) return [];
	const width = Math.min((geo.right - geo.left) * 0.46, 250);
	const x = geo.right - width;
	const div = struct.add(struct.root, 'Div');
	const rows = [
		...paragraph(ctx, div, model.labels.approved, x, width, bold(ctx, 1), model.locale),
		...paragraph(ctx, div, model.approver.title, x, width, body(ctx), model.locale),
		...signatureRows(ctx, div, x, width, model.approver, 'approval', model.labels.approved, ctx.options.stamp),
	];
	return [{ rows, spaceBefore: 0, keepTogether: true }];
}

/**
 * A signature line with the name after it, then the date line; fields over both. With a
 * `stamp`, the signature area is tall enough to show the stamp's lines in the field.
 */
function signatureRows(ctx: Context, parent: StructNode, x: number, width: number, who: SignatoryLine, fieldPrefix: string, role: string, stamp?: string[]): Row[] {
	const { model, struct } = ctx;
	const style = body(ctx);
	const nameWidth = ctx.measure(who.name, style.face, style.size);
	const lineEnd = x + Math.max(width - nameWidth - 6, width * 0.4);
	// The stamp's lines wrapped to the field (3 pt padding each side).
	const stampLines = stamp?.flatMap((line) => breakLines(line, lineEnd - x - 6, (text) => ctx.measure(text, 'regular', STAMP_FONT_SIZE)));
	const fieldHeight = stampLines ? Math.max(style.size * 2, stampLines.length * STAMP_FONT_SIZE * STAMP_LINE + 4) : style.size * 2;
	const lineY = fieldHeight + style.size * 0.3;
	const form = struct.add(parent, 'Form');
	const name = struct.add(parent, 'P');
	const signatureField = field('signature', `${fieldPrefix}-signature`, `${model.labels.signature}: ${who.name} (${role})`, x, style.size * 0.3, lineEnd - x, fieldHeight, form);
	const signature: Row = {
		height: lineY + style.size * 0.5,
		boxes: [
			{ kind: 'rule', x1: x, y1: lineY, x2: lineEnd, y2: lineY, width: 0.6 },
			signatureField,
			{ kind: 'text', x: lineEnd + 6, y: lineY - 1, text: who.name, style, tag: name.id },
		],
	};
	if (stampLines) signature.boxes[1] = { ...signatureField, stamp: stampLines };
	const dateWidth = ctx.measure(model.labels.dateLine, style.face, style.size);
	const dateLine = struct.add(parent, 'P');
	const dateForm = struct.add(parent, 'Form');
	const date: Row = {
		height: lineHeight(style) + 2,
		boxes: [
			{ kind: 'text', x, y: baseline(style) + 1, text: model.labels.dateLine, style, tag: dateLine.id },
			field('text', `${fieldPrefix}-date`, `${model.labels.date}: ${who.name} (${role})`, x, 0, dateWidth, lineHeight(style) + 1, dateForm),
		],
	};
	return [signature, date];
}

/** A form field box, the content of its Form structure element. */
function field(type: FieldBox['type'], name: string, label: string, x: number, y: number, width: number, height: number, form: StructNode, value?: string): FieldBox {
	return { kind: 'field', type, name, label, x, y, width, height, tag: form.id, ...(value !== undefined ? { value } : {}) };
}

/** "JOB DESCRIPTION" and the role title (the H1), department, document number · version · effective date. */
function titleBlock(ctx: Context): Block[] {
	const { model, geo, struct } = ctx;
	const width = geo.right - geo.left;
	const meta = [model.labels.documentNumber, model.labels.version, model.labels.effective].filter(Boolean).join('  ·  ');
	// Its two lines are one heading; read as one phrase (pdf.js and screen readers would otherwise run them together).
	const heading = struct.add(struct.root, 'H1', ctx.textLang ? {} : { actualText: `${model.labels.jobDescription} ${model.title}` });
	// The title is the role's text: in its own language when that is a fallback.
	const title = ctx.textLang ? struct.add(heading, 'Span', { lang: ctx.textLang }) : heading;
	const kind = textRows(ctx, model.labels.jobDescription, geo.left, width, bold(ctx, 4), heading, model.locale, 'center');
	// One heading of two lines: a space between them, so it reads "JOB DESCRIPTION Sales manager".
	const last = kind.at(-1)!.boxes[0];
	if (last?.kind === 'text' && !last.text.endsWith(' ')) last.text += ' ';
	const blocks: Block[] = [
		{
			rows: [
				...kind,
				...textRows(ctx, model.title, geo.left, width, bold(ctx, 2), title, model.textLocale, 'center'),
				...paragraph(ctx, struct.root, model.department, geo.left, width, body(ctx), model.locale, 'center'),
				...paragraph(ctx, struct.root, meta, geo.left, width, { ...small(ctx), size: ctx.geo.base - 1 }, model.locale, 'center'),
			],
			spaceBefore: geo.base * SPACE.block,
			keepTogether: true,
			keepWithNext: true,
		},
	];
	if (model.fallbackNotice) {
		const style: TextStyle = { face: 'regular', size: geo.base - 1, gray: 0.25 };
		const rows = paragraph(ctx, struct.root, model.fallbackNotice, geo.left + 12, width - 24, style, model.locale, 'center');
		const height = rows.reduce((sum, row) => sum + row.height, 0);
		rows[0]!.boxes.push({ kind: 'rule', x1: geo.left + 12, y1: -2, x2: geo.right - 12, y2: -2, width: 0.5, gray: GRAY.rule });
		rows[0]!.boxes.push({ kind: 'rule', x1: geo.left + 12, y1: height + 2, x2: geo.right - 12, y2: height + 2, width: 0.5, gray: GRAY.rule });
		blocks.push({ rows, spaceBefore: geo.base, keepTogether: true, keepWithNext: true });
	}
	return blocks;
}

/** Numbered sections (Sect): heading (H2, a bookmark), intro, items and sub-items as nested lists with hanging numbers. */
function sectionBlocks(ctx: Context): Block[] {
	const { model, geo, struct } = ctx;
	const width = geo.right - geo.left;
	const lang = model.textLocale;
	const blocks: Block[] = [];
	for (const section of model.sections) {
		const sect = struct.add(struct.root, 'Sect', ctx.textLang ? { lang: ctx.textLang } : {});
		const headingText = `${section.number}. ${section.heading}`;
		const heading = struct.add(sect, 'H2', { bookmark: headingText });
		blocks.push({ rows: textRows(ctx, headingText, geo.left, width, bold(ctx, 1), heading, lang), spaceBefore: geo.base * SPACE.section, keepWithNext: true });
		if (section.intro) blocks.push({ rows: paragraph(ctx, sect, section.intro, geo.left, width, body(ctx), lang), spaceBefore: geo.base * SPACE.item, keepWithNext: true, orphans: ORPHANS, widows: WIDOWS });
		if (section.items.length > 0) blocks.push(...listBlocks(ctx, sect, section.items, geo.left, 0));
	}
	return blocks;
}

/** Minimum width of the number column at each depth, in multiples of the body size ("2.13." then "3.1.4."). */
const NUMBER_COLUMN = [2.9, 3.6, 4.4];

/** The number column of a list: wide enough for its widest number ("1.3.10.") plus a gap. */
function numberColumn(ctx: Context, items: readonly DocumentItem[], depth: number): number {
	const style = body(ctx);
	const widest = Math.max(0, ...items.map((item) => ctx.measure(`${item.number}.`, style.face, style.size)));
	return Math.max(ctx.geo.base * (NUMBER_COLUMN[depth] ?? 4.4), widest + ctx.geo.base * 0.6);
}

/** A list (L) in `parent`: one LI per item. */
function listBlocks(ctx: Context, parent: StructNode, items: readonly DocumentItem[], x: number, depth: number): Block[] {
	const indent = numberColumn(ctx, items, depth);
	const list = ctx.struct.add(parent, 'L');
	return items.flatMap((item) => itemBlocks(ctx, list, item, x, indent, depth));
}

/** An item (LI): its number (Lbl) and text (LBody), whose sub-items are a nested list inside the LBody. */
function itemBlocks(ctx: Context, list: StructNode, item: DocumentItem, x: number, indent: number, depth: number): Block[] {
	const { struct } = ctx;
	const style = body(ctx);
	const li = struct.add(list, 'LI');
	const label = struct.add(li, 'Lbl');
	const lbody = struct.add(li, 'LBody');
	const rows = textRows(ctx, item.text, x + indent, ctx.geo.right - x - indent, style, lbody, ctx.model.textLocale);
	// The label first: it is read (and drawn) before the text.
	rows[0]!.boxes.unshift({ kind: 'text', x, y: baseline(style), text: `${item.number}.`, style, tag: label.id });
	const own: Block = { rows, spaceBefore: ctx.geo.base * SPACE.item, keepWithNext: item.items.length > 0, orphans: ORPHANS, widows: WIDOWS };
	return [own, ...(item.items.length > 0 ? listBlocks(ctx, lbody, item.items, x + indent, depth + 1) : [])];
}

/** "AGREED" (a heading, H2): each agreeing signatory's title, signature line with name, date line. */
function agreedBlocks(ctx: Context): Block[] {
	const { model, geo, struct } = ctx;
	if (model.agreed.length === 0) return [];
	const width = Math.min((geo.right - geo.left) * 0.55, 300);
	const sect = struct.add(struct.root, 'Sect');
	const headingNode = struct.add(sect, 'H2', { bookmark: model.labels.agreed });
	const heading: Block = { rows: textRows(ctx, model.labels.agreed, geo.left, width, bold(ctx, 1), headingNode, model.locale), spaceBefore: geo.base * SPACE.block, keepWithNext: true };
	const people = model.agreed.map((who): Block => {
		const div = struct.add(sect, 'Div');
		return {
			rows: [...paragraph(ctx, div, who.title, geo.left, width, body(ctx), model.locale), ...signatureRows(ctx, div, geo.left, width, who, `agreed-${who.id}`, model.labels.agreed)],
			spaceBefore: geo.base * SPACE.signatory,
			keepTogether: true,
		};
	});
	return [heading, ...people];
}

/** The same row as a pagination artifact: a table header repeated on the next page is not read twice. */
function asArtifact(row: Row): Row {
	return { height: row.height, boxes: row.boxes.map(({ tag: _tag, ...box }) => ({ ...box, artifact: 'pagination' }) as Box) };
}

/**
 * Familiarisation sheet: heading (H2), statement, table of No. / full name / date / signature —
 * a Table of TR rows, the header row of TH cells (column scope), then TD cells holding the
 * fields. The header row repeats at the top of every page the table continues on.
 */
function familiarisationBlocks(ctx: Context, block: TemplateBlock): Block[] {
	const { model, geo, struct } = ctx;
	const width = geo.right - geo.left;
	const columns = [0.09, 0.41, 0.2, 0.3].reduce<number[]>((edges, share) => [...edges, edges[edges.length - 1]! + share * width], [geo.left]);
	const cellRules = (height: number, top: boolean): Box[] => [
		...(top ? [{ kind: 'rule' as const, x1: geo.left, y1: 0, x2: geo.right, y2: 0, width: 0.6 }] : []),
		{ kind: 'rule', x1: geo.left, y1: height, x2: geo.right, y2: height, width: 0.6 },
		...columns.map((edge): Box => ({ kind: 'rule', x1: edge, y1: 0, x2: edge, y2: height, width: 0.6 })),
	];
	const sect = struct.add(struct.root, 'Sect');
	const headingNode = struct.add(sect, 'H2', { bookmark: model.labels.familiarisation });
	const headingBlock: Block = { rows: textRows(ctx, model.labels.familiarisation, geo.left, width, bold(ctx, 2), headingNode, model.locale, 'center'), spaceBefore: geo.base * SPACE.block, keepWithNext: true };
	const statement: Block = { rows: paragraph(ctx, sect, model.labels.familiarisationText, geo.left, width, body(ctx), model.locale), spaceBefore: geo.base, keepWithNext: true, orphans: ORPHANS, widows: WIDOWS };
	const table = struct.add(sect, 'Table');
	const headStyle = bold(ctx, -1);
	const headHeight = lineHeight(headStyle) + 8;
	const headers = [model.labels.number, model.labels.fullName, model.labels.date, model.labels.signature];
	const headRow = struct.add(table, 'TR');
	const header: Row = {
		height: headHeight,
		boxes: [
			...cellRules(headHeight, true),
			...headers.map((text, i): Box => {
				const cell = columns[i + 1]! - columns[i]!;
				const th = struct.add(headRow, 'TH', { scope: 'Column' });
				return { kind: 'text', x: columns[i]! + (cell - ctx.measure(text, headStyle.face, headStyle.size)) / 2, y: 4 + baseline(headStyle), text, style: headStyle, tag: th.id };
			}),
		],
	};
	const repeat = asArtifact(header);
	const rowHeight = geo.base * 2.6;
	// Pre-filled holders take the first rows; more holders than the template's rows add rows.
	const holders = model.holders ?? [];
	const rows = Array.from({ length: Math.max(block.rows ?? 10, holders.length) }, (_, index): Block => {
		const n = String(index + 1).padStart(2, '0');
		const number = `${index + 1}`;
		const style = body(ctx);
		const pad = 2;
		const cell = (i: number) => [columns[i]! + pad, pad, columns[i + 1]! - columns[i]! - 2 * pad, rowHeight - 2 * pad] as const;
		const tr = struct.add(table, 'TR');
		const td = () => struct.add(tr, 'TD');
		const numberCell = td();
		const formIn = () => struct.add(td(), 'Form');
		return {
			rows: [
				{
					height: rowHeight,
					boxes: [
						...cellRules(rowHeight, false),
						{ kind: 'text', x: columns[0]! + (columns[1]! - columns[0]! - ctx.measure(number, style.face, style.size)) / 2, y: rowHeight / 2 + style.size * 0.35, text: number, style, tag: numberCell.id },
						field('text', `familiarisation-${n}-name`, `${model.labels.familiarisation} ${number}: ${model.labels.fullName}`, ...cell(1), formIn(), holders[index]),
						field('text', `familiarisation-${n}-date`, `${model.labels.familiarisation} ${number}: ${model.labels.date}`, ...cell(2), formIn()),
						field('signature', `familiarisation-${n}-signature`, `${model.labels.familiarisation} ${number}: ${model.labels.signature}`, ...cell(3), formIn()),
					],
				},
			],
			spaceBefore: 0,
			keepTogether: true,
			repeat,
		};
	});
	return [headingBlock, statement, { rows: [header], spaceBefore: geo.base, keepWithNext: true }, ...rows];
}

/** US-style employee acknowledgement (a Sect with an H2): statement, then name, signature and date lines with fields. */
function acknowledgementBlocks(ctx: Context): Block[] {
	const { model, geo, struct } = ctx;
	const width = geo.right - geo.left;
	const lineWidth = width * 0.62;
	const style = small(ctx);
	const sect = struct.add(struct.root, 'Sect');
	const headingNode = struct.add(sect, 'H2', { bookmark: model.labels.acknowledgement });
	const line = (label: string, type: FieldBox['type'], name: string): Row => {
		const height = geo.base * 4;
		const y = geo.base * 2.4;
		const div = struct.add(sect, 'Div');
		const form = struct.add(div, 'Form');
		const caption = struct.add(div, 'P');
		return {
			height,
			boxes: [
				{ kind: 'rule', x1: geo.left, y1: y, x2: geo.left + lineWidth, y2: y, width: 0.6 },
				field(type, `acknowledgement-${name}`, `${model.labels.acknowledgement}: ${label}`, geo.left, y - geo.base * 1.9, lineWidth, geo.base * 1.8, form),
				{ kind: 'text', x: geo.left, y: y + style.size + 2, text: label, style, tag: caption.id },
			],
		};
	};
	return [
		{ rows: textRows(ctx, model.labels.acknowledgement, geo.left, width, bold(ctx, 1), headingNode, model.locale), spaceBefore: geo.base * SPACE.block, keepWithNext: true },
		{ rows: paragraph(ctx, sect, model.labels.acknowledgementText, geo.left, width, body(ctx), model.locale), spaceBefore: geo.base * SPACE.item, keepWithNext: true, orphans: ORPHANS, widows: WIDOWS },
		{
			rows: [line(model.labels.fullName, 'text', 'name'), line(model.labels.signature, 'signature', 'signature'), line(model.labels.date, 'text', 'date')],
			spaceBefore: geo.base * 0.5,
			keepTogether: true,
		},
	];
}

// ————— page furniture —————

/** Header (company, document number, version), footer (fingerprint, "Page X of Y"), watermark. */
function furniture(ctx: Context, page: number, pages: number): Box[] {
	const { model, geo } = ctx;
	const style = small(ctx);
	const width = (text: string) => ctx.measure(text, style.face, style.size);
	const headerY = geo.top * 0.62;
	const footerY = geo.bottom + (geo.height - geo.bottom) * 0.5;
	const right = `${model.labels.documentNumber}  ·  ${model.labels.version}`;
	const pageLabel = model.labels.page.replace('{page}', String(page)).replace('{pages}', String(pages));
	const boxes: Box[] = [];
	if (model.draft) boxes.push(watermark(ctx));
	boxes.push(
		{ kind: 'text', x: geo.left, y: headerY, text: model.company, style, artifact: 'header' },
		{ kind: 'text', x: geo.right - width(right), y: headerY, text: right, style, artifact: 'header' },
		{ kind: 'rule', x1: geo.left, y1: headerY + 4, x2: geo.right, y2: headerY + 4, width: 0.4, gray: GRAY.rule, artifact: 'header' },
		{ kind: 'rule', x1: geo.left, y1: footerY - style.size - 3, x2: geo.right, y2: footerY - style.size - 3, width: 0.4, gray: GRAY.rule, artifact: 'footer' },
		{ kind: 'text', x: geo.left, y: footerY, text: model.labels.fingerprint, style, artifact: 'footer' },
		{ kind: 'text', x: geo.right - width(pageLabel), y: footerY, text: pageLabel, style, artifact: 'footer' },
	);
	return boxes;
}

function watermark(ctx: Context): Box {
	const { model, geo } = ctx;
	const angle = (Math.atan2(geo.height, geo.width) * 180) / Math.PI;
	const diagonal = Math.hypot(geo.width, geo.height);
	let size = 110;
	const measure = (s: number) => ctx.measure(model.labels.watermark, 'bold', s);
	if (measure(size) > diagonal * 0.7) size = (size * diagonal * 0.7) / measure(size);
	return { kind: 'watermark', text: model.labels.watermark, style: { face: 'bold', size, gray: GRAY.watermark }, cx: geo.width / 2, cy: geo.height / 2, angle, width: measure(size), artifact: 'watermark' };
}
