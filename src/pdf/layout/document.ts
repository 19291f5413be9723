/**
 * Layout of a job description, as a pipeline of small steps:
 *   page geometry from the template → one measured block list per template block
 *   → pagination → page furniture (header, footer with "Page X of Y", watermark).
 * The result is pages of positioned boxes; nothing here draws.
 */
import { PAPER_SIZES, type TemplateBlock, type TemplateData } from '../../model/schema/index.ts';
import type { DocumentItem, DocumentModel, SignatoryLine } from '../model.ts';
import { breakLines } from './lines.ts';
import { paginate, type Block, type Row } from './paginate.ts';
import type { Box, FieldBox, Measure, Page, TextStyle } from './types.ts';

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

interface Context {
	model: DocumentModel;
	geo: Geometry;
	measure: Measure;
}

/** Lays out the whole document: pages of positioned boxes. */
export function layoutDocument(model: DocumentModel, template: TemplateData, measure: Measure): Page[] {
	const geo = geometry(template);
	const ctx: Context = { model, geo, measure };
	const blocks = template.blocks.flatMap((block) => {
		const built = BLOCKS[block.type](ctx, block);
		if (block.newPage && built[0]) built[0] = { ...built[0], newPage: true };
		return built;
	});
	const pages = paginate(blocks, { top: geo.top, bottom: geo.bottom });
	return pages.map((boxes, index) => ({ width: geo.width, height: geo.height, boxes: [...furniture(ctx, index + 1, pages.length), ...boxes] }));
}

// ————— text helpers —————

function lineHeight(style: TextStyle): number {
	return style.size * SPACE.line;
}

/** One row per line of `text` wrapped to `width`, starting at `x`; `align` places each line. */
function textRows(ctx: Context, text: string, x: number, width: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): Row[] {
	const measure = (value: string) => ctx.measure(value, style.face, style.size);
	const height = lineHeight(style);
	return breakLines(text, width, measure).map((line) => {
		const offset = align === 'left' ? 0 : align === 'center' ? (width - measure(line)) / 2 : width - measure(line);
		return { height, boxes: [{ kind: 'text', x: x + offset, y: baseline(style), text: line, style }] };
	});
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
	const { model, geo } = ctx;
	if (!model.approver) return [];
	const width = Math.min((geo.right - geo.left) * 0.46, 250);
	const x = geo.right - width;
	const rows = [
		...textRows(ctx, model.labels.approved, x, width, bold(ctx, 1)),
		...textRows(ctx, model.approver.title, x, width, body(ctx)),
		...signatureRows(ctx, x, width, model.approver, 'approval', model.labels.approved),
	];
	return [{ rows, spaceBefore: 0, keepTogether: true }];
}

/** A signature line with the name after it, then the date line; fields over both. */
function signatureRows(ctx: Context, x: number, width: number, who: SignatoryLine, fieldPrefix: string, role: string): Row[] {
	const { model } = ctx;
	const style = body(ctx);
	const nameWidth = ctx.measure(who.name, style.face, style.size);
	const lineEnd = x + Math.max(width - nameWidth - 6, width * 0.4);
	const signature: Row = {
		height: style.size * 2.8,
		boxes: [
			{ kind: 'rule', x1: x, y1: style.size * 2.3, x2: lineEnd, y2: style.size * 2.3, width: 0.6 },
			{ kind: 'text', x: lineEnd + 6, y: style.size * 2.3 - 1, text: who.name, style },
			field('signature', `${fieldPrefix}-signature`, `${model.labels.signature}: ${who.name} (${role})`, x, style.size * 0.3, lineEnd - x, style.size * 2),
		],
	};
	const dateWidth = ctx.measure(model.labels.dateLine, style.face, style.size);
	const date: Row = {
		height: lineHeight(style) + 2,
		boxes: [
			{ kind: 'text', x, y: baseline(style) + 1, text: model.labels.dateLine, style },
			field('text', `${fieldPrefix}-date`, `${model.labels.date}: ${who.name} (${role})`, x, 0, dateWidth, lineHeight(style) + 1),
		],
	};
	return [signature, date];
}

function field(type: FieldBox['type'], name: string, label: string, x: number, y: number, width: number, height: number, value?: string): FieldBox {
	return { kind: 'field', type, name, label, x, y, width, height, ...(value !== undefined ? { value } : {}) };
}

/** "JOB DESCRIPTION", the role title, department, document number · version · effective date. */
function titleBlock(ctx: Context): Block[] {
	const { model, geo } = ctx;
	const width = geo.right - geo.left;
	const meta = [model.labels.documentNumber, model.labels.version, model.labels.effective].filter(Boolean).join('  ·  ');
	const blocks: Block[] = [
		{
			rows: [
				...textRows(ctx, model.labels.jobDescription, geo.left, width, bold(ctx, 4), 'center'),
				...textRows(ctx, model.title, geo.left, width, bold(ctx, 2), 'center'),
				...textRows(ctx, model.department, geo.left, width, body(ctx), 'center'),
				...textRows(ctx, meta, geo.left, width, { ...small(ctx), size: ctx.geo.base - 1 }, 'center'),
			],
			spaceBefore: geo.base * SPACE.block,
			keepTogether: true,
			keepWithNext: true,
		},
	];
	if (model.fallbackNotice) {
		const style: TextStyle = { face: 'regular', size: geo.base - 1, gray: 0.25 };
		const rows = textRows(ctx, model.fallbackNotice, geo.left + 12, width - 24, style, 'center');
		const height = rows.reduce((sum, row) => sum + row.height, 0);
		rows[0]!.boxes.push({ kind: 'rule', x1: geo.left + 12, y1: -2, x2: geo.right - 12, y2: -2, width: 0.5, gray: GRAY.rule });
		rows[0]!.boxes.push({ kind: 'rule', x1: geo.left + 12, y1: height + 2, x2: geo.right - 12, y2: height + 2, width: 0.5, gray: GRAY.rule });
		blocks.push({ rows, spaceBefore: geo.base, keepTogether: true, keepWithNext: true });
	}
	return blocks;
}

/** Numbered sections: heading, intro, items and sub-items with hanging numbers. */
function sectionBlocks(ctx: Context): Block[] {
	const { model, geo } = ctx;
	const width = geo.right - geo.left;
	const blocks: Block[] = [];
	for (const section of model.sections) {
		blocks.push({ rows: textRows(ctx, `${section.number}. ${section.heading}`, geo.left, width, bold(ctx, 1)), spaceBefore: geo.base * SPACE.section, keepWithNext: true });
		if (section.intro) blocks.push({ rows: textRows(ctx, section.intro, geo.left, width, body(ctx)), spaceBefore: geo.base * SPACE.item, keepWithNext: true });
		blocks.push(...listBlocks(ctx, section.items, geo.left, 0));
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

function listBlocks(ctx: Context, items: readonly DocumentItem[], x: number, depth: number): Block[] {
	const indent = numberColumn(ctx, items, depth);
	return items.flatMap((item) => itemBlocks(ctx, item, x, indent, depth));
}

function itemBlocks(ctx: Context, item: DocumentItem, x: number, indent: number, depth: number): Block[] {
	const style = body(ctx);
	const rows = textRows(ctx, item.text, x + indent, ctx.geo.right - x - indent, style);
	rows[0]!.boxes.push({ kind: 'text', x, y: baseline(style), text: `${item.number}.`, style });
	const own: Block = { rows, spaceBefore: ctx.geo.base * SPACE.item, keepWithNext: item.items.length > 0 };
	return [own, ...listBlocks(ctx, item.items, x + indent, depth + 1)];
}

/** "AGREED": each agreeing signatory's title, signature line with name, date line. */
function agreedBlocks(ctx: Context): Block[] {
	const { model, geo } = ctx;
	if (model.agreed.length === 0) return [];
	const width = Math.min((geo.right - geo.left) * 0.55, 300);
	const heading: Block = { rows: textRows(ctx, model.labels.agreed, geo.left, width, bold(ctx, 1)), spaceBefore: geo.base * SPACE.block, keepWithNext: true };
	const people = model.agreed.map(
		(who): Block => ({
			rows: [...textRows(ctx, who.title, geo.left, width, body(ctx)), ...signatureRows(ctx, geo.left, width, who, `agreed-${who.id}`, model.labels.agreed)],
			spaceBefore: geo.base * SPACE.signatory,
			keepTogether: true,
		}),
	);
	return [heading, ...people];
}

/** Familiarisation sheet: heading, statement, table of No. / full name / date / signature. */
function familiarisationBlocks(ctx: Context, block: TemplateBlock): Block[] {
	const { model, geo } = ctx;
	const width = geo.right - geo.left;
	const columns = [0.09, 0.41, 0.2, 0.3].reduce<number[]>((edges, share) => [...edges, edges[edges.length - 1]! + share * width], [geo.left]);
	const cellRules = (height: number, top: boolean): Box[] => [
		...(top ? [{ kind: 'rule' as const, x1: geo.left, y1: 0, x2: geo.right, y2: 0, width: 0.6 }] : []),
		{ kind: 'rule', x1: geo.left, y1: height, x2: geo.right, y2: height, width: 0.6 },
		...columns.map((edge): Box => ({ kind: 'rule', x1: edge, y1: 0, x2: edge, y2: height, width: 0.6 })),
	];
	const headStyle = bold(ctx, -1);
	const headHeight = lineHeight(headStyle) + 8;
	const headers = [model.labels.number, model.labels.fullName, model.labels.date, model.labels.signature];
	const header: Row = {
		height: headHeight,
		boxes: [
			...cellRules(headHeight, true),
			...headers.map((text, i): Box => {
				const cell = columns[i + 1]! - columns[i]!;
				return { kind: 'text', x: columns[i]! + (cell - ctx.measure(text, headStyle.face, headStyle.size)) / 2, y: 4 + baseline(headStyle), text, style: headStyle };
			}),
		],
	};
	const rowHeight = geo.base * 2.6;
	// Pre-filled holders take the first rows; more holders than the template's rows add rows.
	const holders = model.holders ?? [];
	const rows = Array.from({ length: Math.max(block.rows ?? 10, holders.length) }, (_, index): Block => {
		const n = String(index + 1).padStart(2, '0');
		const number = `${index + 1}`;
		const style = body(ctx);
		const pad = 2;
		const cell = (i: number) => [columns[i]! + pad, pad, columns[i + 1]! - columns[i]! - 2 * pad, rowHeight - 2 * pad] as const;
		return {
			rows: [
				{
					height: rowHeight,
					boxes: [
						...cellRules(rowHeight, false),
						{ kind: 'text', x: columns[0]! + (columns[1]! - columns[0]! - ctx.measure(number, style.face, style.size)) / 2, y: rowHeight / 2 + style.size * 0.35, text: number, style },
						field('text', `familiarisation-${n}-name`, `${model.labels.familiarisation} ${number}: ${model.labels.fullName}`, ...cell(1), holders[index]),
						field('text', `familiarisation-${n}-date`, `${model.labels.familiarisation} ${number}: ${model.labels.date}`, ...cell(2)),
						field('signature', `familiarisation-${n}-signature`, `${model.labels.familiarisation} ${number}: ${model.labels.signature}`, ...cell(3)),
					],
				},
			],
			spaceBefore: 0,
			keepTogether: true,
		};
	});
	return [
		{ rows: textRows(ctx, model.labels.familiarisation, geo.left, width, bold(ctx, 2), 'center'), spaceBefore: geo.base * SPACE.block, keepWithNext: true },
		{ rows: textRows(ctx, model.labels.familiarisationText, geo.left, width, body(ctx)), spaceBefore: geo.base, keepWithNext: true },
		{ rows: [header], spaceBefore: geo.base, keepWithNext: true },
		...rows,
	];
}

/** US-style employee acknowledgement: statement, then name, signature and date lines with fields. */
function acknowledgementBlocks(ctx: Context): Block[] {
	const { model, geo } = ctx;
	const width = geo.right - geo.left;
	const lineWidth = width * 0.62;
	const style = small(ctx);
	const line = (label: string, type: FieldBox['type'], name: string): Row => {
		const height = geo.base * 4;
		const y = geo.base * 2.4;
		return {
			height,
			boxes: [
				{ kind: 'rule', x1: geo.left, y1: y, x2: geo.left + lineWidth, y2: y, width: 0.6 },
				{ kind: 'text', x: geo.left, y: y + style.size + 2, text: label, style },
				field(type, `acknowledgement-${name}`, `${model.labels.acknowledgement}: ${label}`, geo.left, y - geo.base * 1.9, lineWidth, geo.base * 1.8),
			],
		};
	};
	return [
		{ rows: textRows(ctx, model.labels.acknowledgement, geo.left, width, bold(ctx, 1)), spaceBefore: geo.base * SPACE.block, keepWithNext: true },
		{ rows: textRows(ctx, model.labels.acknowledgementText, geo.left, width, body(ctx)), spaceBefore: geo.base * SPACE.item, keepWithNext: true },
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
		{ kind: 'text', x: geo.left, y: headerY, text: model.company, style },
		{ kind: 'text', x: geo.right - width(right), y: headerY, text: right, style },
		{ kind: 'rule', x1: geo.left, y1: headerY + 4, x2: geo.right, y2: headerY + 4, width: 0.4, gray: GRAY.rule },
		{ kind: 'rule', x1: geo.left, y1: footerY - style.size - 3, x2: geo.right, y2: footerY - style.size - 3, width: 0.4, gray: GRAY.rule },
		{ kind: 'text', x: geo.left, y: footerY, text: model.labels.fingerprint, style },
		{ kind: 'text', x: geo.right - width(pageLabel), y: footerY, text: pageLabel, style },
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
	return { kind: 'watermark', text: model.labels.watermark, style: { face: 'bold', size, gray: GRAY.watermark }, cx: geo.width / 2, cy: geo.height / 2, angle, width: measure(size) };
}
