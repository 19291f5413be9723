/**
 * One role in one locale → DOCX bytes, for the agreement route (lawyer, HR and line manager
 * edit a draft in Word with Track Changes) and as a download next to the PDF.
 *
 * It prints exactly what the PDF prints — the PDF's document model (src/pdf/model.ts: labels,
 * names, text, the template's blocks in order) — but as Word structure: sections are "Heading 1"
 * paragraphs and items list paragraphs of one multilevel list defined in numbering.xml (Word
 * draws "2.13.", nothing is typed), every item carries a bookmark named after its anchor
 * (duty_2_13), the approval, agreement, familiarisation and acknowledgement blocks are tables,
 * and the company, document number, version and fingerprint are in the header and footer.
 * The bytes depend only on the content: see package.ts.
 *
 * Each block is a list of pieces (shapes.ts): a shape — a builder of docx paragraphs and tables
 * with its parameters (widths, list level, row count…) — and the texts that go in it. The
 * builders below see only their parameters and holes for the texts; docx writes each shape once
 * per process and every document fills in its own texts.
 */
import { createHash } from 'node:crypto';
import {
	AlignmentType,
	BookmarkEnd,
	BookmarkStart,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	LevelFormat,
	PageBreak,
	PageNumber,
	Paragraph,
	type ParagraphChild,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type ISectionOptions,
} from 'docx';
import { localizeRole, type Item, type Role, type Rolebook } from '../model/index.ts';
import { PAPER_SIZES, type TemplateBlock, type TemplateData } from '../model/schema/index.ts';
import { documentModel, type DocumentItem, type DocumentModel, type DocumentOptions } from '../pdf/model.ts';
import { templateFor } from '../pdf/render.ts';
import type { CoreProperties } from './package.ts';
import { partsAtOnce, shape, writeDocx, type DocumentBuilder, type Layout, type Piece } from './shapes.ts';

export interface DocxOptions extends Pick<DocumentOptions, 'holders'> {
	/** Turn on Track Changes in the file, so every edit is recorded (default true: the agreement route). */
	trackChanges?: boolean;
}

/** Names of the custom document properties every export carries (File → Properties → Custom). */
export const DOCX_PROPERTIES = {
	role: 'Rolebook.Role',
	locale: 'Rolebook.Locale',
	textLocale: 'Rolebook.TextLocale',
	number: 'Rolebook.DocumentNumber',
	version: 'Rolebook.Version',
	fingerprint: 'Rolebook.Fingerprint',
	status: 'Rolebook.Status',
} as const;

/** The paragraph styles the export defines (ids as Word stores them). */
export const DOCX_STYLES = { item: 'RolebookItem', label: 'RolebookLabel', meta: 'RolebookMeta' } as const;

const NUMBERING = 'rolebook-sections';
const TWIPS_PER_MM = 1440 / 25.4;
const FONT = 'Arial';

/** Word bookmark names: a letter first, then letters, digits and "_", at most 40 characters. */
export function bookmarkName(anchor: string): string {
	return anchor.replace(/[^A-Za-z0-9]+/g, '_').replace(/^[^A-Za-z]+/, 'b_').slice(0, 40);
}

/**
 * What the bytes of `renderRoleDocx` depend on, apart from the renderer's own code: the document
 * model (everything printed), the template and the options. For the build's cache: combine it with
 * a hash of src/docx/, src/pdf/model.ts and the docx and fflate versions.
 */
export function docxContentKey(rolebook: Rolebook, role: Role, locale: string, options: DocxOptions = {}): string {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, { ...(options.holders ? { holders: options.holders } : {}), onMissingGlyph: () => {} });
	return createHash('sha256')
		.update(JSON.stringify({ model, template, status: role.document.status, trackChanges: options.trackChanges ?? true }))
		.digest('hex')
		.slice(0, 40);
}

/** Same content, same bytes: a pure function of the role, its locale and the options. */
export async function renderRoleDocx(rolebook: Rolebook, role: Role, locale: string, options: DocxOptions = {}): Promise<Uint8Array> {
	const { layout, core } = prepare(rolebook, role, locale, options);
	return writeDocx(layout, documentFor, core);
}

/**
 * The package's parts as docx writes them for this document in one go, every value in place and
 * no shape reused — what `renderRoleDocx` must equal byte for byte (the tests compare; core.xml
 * is package.ts's, not docx's, so it is left out).
 */
export async function roleDocxPartsAtOnce(rolebook: Rolebook, role: Role, locale: string, options: DocxOptions = {}): Promise<Map<string, string | Uint8Array>> {
	const parts = await partsAtOnce(prepare(rolebook, role, locale, options).layout, documentFor);
	parts.delete('docProps/core.xml');
	return parts;
}

function prepare(rolebook: Rolebook, role: Role, locale: string, options: DocxOptions): { layout: Layout<DocumentShape>; core: CoreProperties } {
	const template = templateFor(rolebook, role);
	// Word draws with the reader's fonts, so the PDF font's glyph coverage does not apply here.
	const model = documentModel(rolebook, role, locale, template, { ...(options.holders ? { holders: options.holders } : {}), onMissingGlyph: () => {} });
	const { sections } = localizeRole(role, locale, rolebook.company.defaultLocale).text;
	const layout = documentLayout(model, template, {
		anchors: anchorsByNumber(sections.flatMap((section) => section.items)),
		sectionAnchors: sections.map((section) => section.anchor),
		trackChanges: options.trackChanges ?? true,
		status: role.document.status,
	});
	const core: CoreProperties = {
		title: model.metadata.title,
		subject: model.metadata.subject,
		creator: model.metadata.author,
		keywords: model.metadata.keywords.join(', '),
		revision: model.version,
		language: model.textLocale,
		...(model.metadata.date ? { date: model.metadata.date } : {}),
	};
	return { layout, core };
}

function anchorsByNumber(items: readonly Item[], into = new Map<string, string>()): Map<string, string> {
	for (const item of items) {
		into.set(item.number, item.anchor);
		anchorsByNumber(item.items, into);
	}
	return into;
}

interface BuildContext {
	model: DocumentModel;
	anchors: Map<string, string>;
	sectionAnchors: string[];
	/** Text width in twips. */
	width: number;
	/** Body size in half-points. */
	size: number;
	bookmarks: number;
}

/** Everything the package depends on apart from the pieces and the custom property values. */
interface DocumentShape {
	/** Page size and margins in twips. */
	page: { width: number; height: number };
	margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
	/** Body size in half-points. */
	size: number;
	language: string;
	trackChanges: boolean;
	/** Some paragraph is in the numbered list. */
	numbered: boolean;
}

function documentLayout(
	model: DocumentModel,
	template: TemplateData,
	extra: { anchors: Map<string, string>; sectionAnchors: string[]; trackChanges: boolean; status: string },
): Layout<DocumentShape> {
	const [pageWidth, pageHeight] = PAPER_SIZES[template.paper];
	const margins = template.margins;
	const width = Math.round(pageWidth * 20 - (margins.left + margins.right) * TWIPS_PER_MM);
	const ctx: BuildContext = { model, anchors: extra.anchors, sectionAnchors: extra.sectionAnchors, width, size: template.fontSize * 2, bookmarks: 0 };

	const properties: Record<(typeof PROPERTY_NAMES)[number], string> = {
		[DOCX_PROPERTIES.role]: model.roleId,
		[DOCX_PROPERTIES.locale]: model.locale,
		[DOCX_PROPERTIES.textLocale]: model.textLocale,
		[DOCX_PROPERTIES.number]: model.number,
		[DOCX_PROPERTIES.version]: String(model.version),
		[DOCX_PROPERTIES.fingerprint]: model.fingerprint,
		[DOCX_PROPERTIES.status]: extra.status,
	};
	const body = template.blocks.flatMap((block) => {
		const built = BLOCKS[block.type](ctx, block);
		if (block.newPage && built.length > 0) return [pageBreak({}, []), ...built];
		return built;
	});
	return {
		shape: {
			page: { width: Math.round(pageWidth * 20), height: Math.round(pageHeight * 20) },
			margin: {
				top: Math.round(margins.top * TWIPS_PER_MM),
				right: Math.round(margins.right * TWIPS_PER_MM),
				bottom: Math.round(margins.bottom * TWIPS_PER_MM),
				left: Math.round(margins.left * TWIPS_PER_MM),
				header: Math.round(margins.top * TWIPS_PER_MM * 0.45),
				footer: Math.round(margins.bottom * TWIPS_PER_MM * 0.45),
			},
			size: ctx.size,
			language: model.textLocale,
			trackChanges: extra.trackChanges,
			numbered: body.some((piece) => piece.shape.numbered),
		},
		body,
		header: [header(ctx)],
		footer: [footer(ctx)],
		properties: PROPERTY_NAMES.map((name) => properties[name]),
	};
}

/** The custom document properties in the order they are written. */
const PROPERTY_NAMES = Object.values(DOCX_PROPERTIES);

/** docx's document for a shape: styles, numbering, page, header, footer, custom properties (the core properties are package.ts's). */
const documentFor: DocumentBuilder<DocumentShape> = (shape, content) => {
	const language = { value: shape.language };
	const size = shape.size;
	const section: ISectionOptions = {
		properties: { page: { size: shape.page, margin: shape.margin } },
		headers: { default: new Header({ children: content.header }) },
		footers: { default: new Footer({ children: content.footer }) },
		children: content.body,
	};
	return new Document({
		...(shape.trackChanges ? { features: { trackRevisions: true } } : {}),
		customProperties: PROPERTY_NAMES.map((name, i) => ({ name, value: content.properties[i]! })),
		styles: {
			default: {
				document: { run: { font: FONT, size, language }, paragraph: { spacing: { after: 60, line: 264 } } },
				title: { run: { font: FONT, size: size + 8, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 60 } } },
				heading1: {
					run: { font: FONT, size: size + 2, bold: true, color: '000000' },
					paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
				},
			},
			paragraphStyles: [
				{ id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: size + 4, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } } },
				{ id: DOCX_STYLES.item, name: 'Rolebook Item', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { before: 40, after: 40 } } },
				{ id: DOCX_STYLES.label, name: 'Rolebook Label', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: size + 2 }, paragraph: { keepNext: true, spacing: { before: 120, after: 60 } } },
				{ id: DOCX_STYLES.meta, name: 'Rolebook Meta', basedOn: 'Normal', run: { size: size - 2, color: '595959' } },
			],
		},
		numbering: { config: [{ reference: NUMBERING, levels: numberingLevels() }] },
		sections: [section],
	});
};

/**
 * One multilevel list for the whole text: level 0 numbers the section headings (1.), level 1
 * the items (2.13.), level 2 sub-items (3.1.4.) and so on; a level restarts after a higher one,
 * as in any Word outline list.
 */
function numberingLevels() {
	// Hanging numbers: each level's number starts where the text of the level above starts.
	const widths = Array.from({ length: 9 }, (_, level) => (level === 0 ? 425 : 709 + 142 * (level - 1)));
	return widths.map((hanging, level) => {
		const start = level === 0 ? 0 : widths.slice(1, level).reduce((sum, width) => sum + width, 0);
		return {
			level,
			format: LevelFormat.DECIMAL,
			text: `${Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.')}.`,
			alignment: AlignmentType.LEFT,
			style: { paragraph: { indent: { left: start + hanging, hanging } } },
		};
	});
}

type Builder = (ctx: BuildContext, block: TemplateBlock) => Piece[];

const BLOCKS: Record<TemplateBlock['type'], Builder> = {
	approval: approvalBlock,
	title: titleBlock,
	sections: sectionBlocks,
	agreed: agreedBlock,
	familiarisation: familiarisationBlock,
	acknowledgement: acknowledgementBlock,
};

const NO_BORDERS = {
	top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
	return new TextRun({ text: value, ...(options.bold ? { bold: true } : {}), ...(options.size ? { size: options.size } : {}) });
}

function cell(width: number, paragraphs: Paragraph[], options: { borders?: boolean } = {}): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')],
		...(options.borders === false ? { borders: { top: NO_BORDERS.top, bottom: NO_BORDERS.bottom, left: NO_BORDERS.left, right: NO_BORDERS.right } } : {}),
	});
}

function table(widths: number[], rows: TableCell[][], borders: 'none' | 'all'): Table {
	return new Table({
		width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
		columnWidths: widths,
		borders: borders === 'none' ? NO_BORDERS : ALL_LINES,
		rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
	});
}

/** A signature line with the name after it: "______________ Volkova A.S.". */
function signatureLine(name: string): Paragraph {
	return new Paragraph({ spacing: { before: 240 }, children: [text('______________________  '), text(name)] });
}

const pageBreak = shape('page-break', (_: Record<string, never>, __: []) => [new Paragraph({ children: [new PageBreak()] })]);

/** "APPROVED" top right, as in the sources: a borderless two-column table, the block in the right column. */
function approvalBlock(ctx: BuildContext): Piece[] {
	const { model } = ctx;
	if (!model.approver) return [];
	return [approvalTable({ width: ctx.width }, [model.labels.approved, model.approver.title, model.approver.name, model.labels.dateLine])];
}

const approvalTable = shape('approval', ({ width }: { width: number }, [approved, title, name, dateLine]: [string, string, string, string]) => {
	const right = Math.round(width * 0.46);
	const content = [new Paragraph({ style: DOCX_STYLES.label, children: [text(approved)] }), new Paragraph(title), signatureLine(name), new Paragraph(dateLine)];
	return [table([width - right, right], [[cell(width - right, []), cell(right, content)]], 'none')];
});

/** "JOB DESCRIPTION", the role title, department, document number · version · effective date. */
function titleBlock(ctx: BuildContext): Piece[] {
	const { model } = ctx;
	const meta = [model.labels.documentNumber, model.labels.version, model.labels.effective].filter(Boolean).join('  ·  ');
	return [
		titleParagraphs({}, [model.labels.jobDescription, model.title, model.department, meta]),
		...(model.fallbackNotice ? [fallbackNotice({}, [model.fallbackNotice])] : []),
	];
}

const titleParagraphs = shape('title', (_: Record<string, never>, [jobDescription, title, department, meta]: [string, string, string, string]) => [
	new Paragraph({ heading: HeadingLevel.TITLE, children: [text(jobDescription)] }),
	new Paragraph({ style: 'Subtitle', children: [text(title)] }),
	new Paragraph({ alignment: AlignmentType.CENTER, children: [text(department)] }),
	new Paragraph({ style: DOCX_STYLES.meta, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(meta)] }),
]);

const fallbackNotice = shape('fallback-notice', (_: Record<string, never>, [notice]: [string]) => {
	const rule = { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 };
	return [new Paragraph({ alignment: AlignmentType.CENTER, border: { top: rule, bottom: rule }, spacing: { after: 240 }, children: [text(notice)] })];
});

/** A paragraph's text inside a bookmark named after its anchor, when it has one: values text, then name and id. */
function bookmarked(bookmark: boolean, [value, name, id]: readonly string[]): ParagraphChild[] {
	const runs = [text(value!)];
	if (!bookmark) return runs;
	// BookmarkStart/End with our own ids: docx's Bookmark draws ids from a process-wide counter.
	// The id is a hole here (docx writes it as given), filled with the document's count.
	const number = id as unknown as number;
	return [new BookmarkStart(name!, number) as unknown as ParagraphChild, ...runs, new BookmarkEnd(number) as unknown as ParagraphChild];
}

function bookmarkValues(ctx: BuildContext, value: string, anchor: string | undefined): { bookmark: boolean; values: string[] } {
	if (!anchor) return { bookmark: false, values: [value] };
	return { bookmark: true, values: [value, bookmarkName(anchor), String(++ctx.bookmarks)] };
}

const sectionHeading = shape(
	'section-heading',
	({ bookmark }: { bookmark: boolean }, holes: string[]) => [new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: NUMBERING, level: 0 }, children: bookmarked(bookmark, holes) })],
	{ numbered: true },
);

const sectionIntro = shape('section-intro', (_: Record<string, never>, [intro]: [string]) => [new Paragraph({ keepNext: true, children: [text(intro)] })]);

const listItem = shape(
	'item',
	({ level, keepNext, bookmark }: { level: number; keepNext: boolean; bookmark: boolean }, holes: string[]) => [
		new Paragraph({ style: DOCX_STYLES.item, numbering: { reference: NUMBERING, level }, ...(keepNext ? { keepNext: true } : {}), children: bookmarked(bookmark, holes) }),
	],
	{ numbered: true },
);

/** Numbered sections: "Heading 1" paragraphs at list level 0, items at level 1, sub-items deeper. */
function sectionBlocks(ctx: BuildContext): Piece[] {
	const pieces: Piece[] = [];
	ctx.model.sections.forEach((section, index) => {
		const heading = bookmarkValues(ctx, section.heading, ctx.sectionAnchors[index]);
		pieces.push(sectionHeading({ bookmark: heading.bookmark }, heading.values));
		if (section.intro) pieces.push(sectionIntro({}, [section.intro]));
		const items = (list: readonly DocumentItem[], level: number) => {
			for (const item of list) {
				const { bookmark, values } = bookmarkValues(ctx, item.text, ctx.anchors.get(item.number));
				pieces.push(listItem({ level: Math.min(level, 8), keepNext: item.items.length > 0, bookmark }, values));
				items(item.items, level + 1);
			}
		};
		items(section.items, 1);
	});
	return pieces;
}

/** "AGREED": a borderless table, one row per signatory: title, signature line and name, date line. */
function agreedBlock(ctx: BuildContext): Piece[] {
	const { model } = ctx;
	if (model.agreed.length === 0) return [];
	return [agreedTable({ width: ctx.width, rows: model.agreed.length }, [model.labels.agreed, model.labels.dateLine, ...model.agreed.flatMap((who) => [who.title, who.name])])];
}

const agreedTable = shape('agreed', ({ width, rows }: { width: number; rows: number }, [agreed, dateLine, ...signatories]: string[]) => {
	const widths = [0.36, 0.4, 0.24].map((share) => Math.round(width * share));
	const cells = Array.from({ length: rows }, (_, row) => [
		cell(widths[0]!, [new Paragraph({ spacing: { before: 240 }, children: [text(signatories[2 * row]!)] })]),
		cell(widths[1]!, [signatureLine(signatories[2 * row + 1]!)]),
		cell(widths[2]!, [new Paragraph({ spacing: { before: 240 }, children: [text(dateLine!)] })]),
	]);
	return [new Paragraph({ style: DOCX_STYLES.label, spacing: { before: 480, after: 60 }, children: [text(agreed!)] }), table(widths, cells, 'none')];
});

/** Familiarisation sheet: heading, statement, a ruled table of No. / full name / date / signature. */
function familiarisationBlock(ctx: BuildContext, block: TemplateBlock): Piece[] {
	const { model } = ctx;
	const holders = model.holders ?? [];
	const rows = Math.max(block.rows ?? 10, holders.length);
	const { labels } = model;
	return [familiarisationSheet({ width: ctx.width, rows, named: holders.length }, [labels.familiarisation, labels.familiarisationText, labels.number, labels.fullName, labels.date, labels.signature, ...holders])];
}

const familiarisationSheet = shape('familiarisation', ({ width, rows, named }: { width: number; rows: number; named: number }, [heading, statement, ...rest]: string[]) => {
	const widths = [0.09, 0.41, 0.2, 0.3].map((share) => Math.round(width * share));
	const head = rest.slice(0, 4).map((label, i) => cell(widths[i]!, [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(label, { bold: true })] })]));
	const holders = rest.slice(4);
	const body = Array.from({ length: rows }, (_, index) => [
		cell(widths[0]!, [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 160, after: 160 }, children: [text(String(index + 1))] })]),
		cell(widths[1]!, index < named ? [new Paragraph({ spacing: { before: 160, after: 160 }, children: [text(holders[index]!)] })] : []),
		cell(widths[2]!, []),
		cell(widths[3]!, []),
	]);
	return [
		new Paragraph({ style: DOCX_STYLES.label, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [text(heading!)] }),
		new Paragraph({ spacing: { after: 200 }, children: [text(statement!)] }),
		table(widths, [head, ...body], 'all'),
	];
});

/** US-style employee acknowledgement: statement, then name, signature and date rows to fill in. */
function acknowledgementBlock(ctx: BuildContext): Piece[] {
	const { labels } = ctx.model;
	return [acknowledgementForm({ width: ctx.width }, [labels.acknowledgement, labels.acknowledgementText, labels.fullName, labels.signature, labels.date])];
}

const acknowledgementForm = shape('acknowledgement', ({ width }: { width: number }, [heading, statement, ...labels]: [string, string, string, string, string]) => {
	const widths = [Math.round(width * 0.25), Math.round(width * 0.5)];
	const rows = labels.map((label) => [
		cell(widths[0]!, [new Paragraph({ spacing: { before: 240 }, children: [text(label)] })], { borders: false }),
		new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, borders: { top: NO_BORDERS.top, left: NO_BORDERS.left, right: NO_BORDERS.right, bottom: LINE }, children: [new Paragraph('')] }),
	]);
	return [
		new Paragraph({ style: DOCX_STYLES.label, spacing: { before: 480 }, children: [text(heading)] }),
		new Paragraph({ spacing: { after: 120 }, children: [text(statement)] }),
		table(widths, rows, 'none'),
	];
});

/** Header: company on the left, document number · version on the right; DRAFT above for anything not approved. */
function header(ctx: BuildContext): Piece {
	const { model } = ctx;
	const values = [model.company, `${model.labels.documentNumber}  ·  ${model.labels.version}`];
	return headerParagraphs({ width: ctx.width, size: ctx.size, draft: model.draft }, model.draft ? [...values, model.labels.watermark] : values);
}

const headerParagraphs = shape('header', ({ width, size, draft }: { width: number; size: number; draft: boolean }, [company, numberVersion, watermark]: string[]) => [
	...(draft ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: watermark!, bold: true, color: '9A9A9A', size: size + 8 })] })] : []),
	new Paragraph({ style: DOCX_STYLES.meta, tabStops: [{ type: TabStopType.RIGHT, position: width }], children: [text(company!), new TextRun({ children: ['\t', numberVersion!] })] }),
]);

/** Footer: the text's fingerprint on the left, "Page X of Y" (Word fields) on the right. */
function footer(ctx: BuildContext): Piece {
	const { model } = ctx;
	const page: ('text' | 'page' | 'pages')[] = [];
	const texts: string[] = [];
	for (const part of model.labels.page.split(/(\{page\}|\{pages\})/)) {
		if (part === '{page}') page.push('page');
		else if (part === '{pages}') page.push('pages');
		else if (part) page.push('text'), texts.push(part);
	}
	return footerParagraph({ width: ctx.width, page }, [model.labels.fingerprint, ...texts]);
}

const footerParagraph = shape('footer', ({ width, page }: { width: number; page: ('text' | 'page' | 'pages')[] }, [fingerprint, ...texts]: string[]) => {
	let next = 0;
	const parts = page.map((part) => (part === 'page' ? PageNumber.CURRENT : part === 'pages' ? PageNumber.TOTAL_PAGES : texts[next++]!));
	return [
		new Paragraph({
			style: DOCX_STYLES.meta,
			tabStops: [{ type: TabStopType.RIGHT, position: width }],
			children: [text(fingerprint!), new TextRun({ children: ['\t', ...parts] })],
		}),
	];
});
