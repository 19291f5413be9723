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
	Packer,
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
import { documentModel, type DocumentItem, type DocumentModel, type DocumentOptions, type SignatoryLine } from '../pdf/model.ts';
import { templateFor } from '../pdf/render.ts';
import { strToU8, unzipSync } from 'fflate';
import { reproduciblePackage } from './package.ts';

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
/**
 * The package's parts by path. docx's own compiler gives them without zipping (the package is
 * zipped once, reproducibly, by `reproduciblePackage`): a third of the render time saved. Its
 * `compiler` is not part of docx's documented API, so an upgrade that drops it falls back to
 * zipping with Packer and reading the parts back.
 */
async function packageParts(document: Parameters<typeof Packer.toBuffer>[0]): Promise<Record<string, Uint8Array>> {
	const compiler = (Packer as unknown as { compiler?: { compile(file: unknown, prettify: undefined, overrides: unknown[]): Map<string, string | Uint8Array> } }).compiler;
	if (compiler) {
		const parts: Record<string, Uint8Array> = {};
		for (const [path, data] of compiler.compile(document, undefined, [])) parts[path] = typeof data === 'string' ? strToU8(data) : data;
		return parts;
	}
	return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
}

export async function renderRoleDocx(rolebook: Rolebook, role: Role, locale: string, options: DocxOptions = {}): Promise<Uint8Array> {
	const template = templateFor(rolebook, role);
	// Word draws with the reader's fonts, so the PDF font's glyph coverage does not apply here.
	const model = documentModel(rolebook, role, locale, template, { ...(options.holders ? { holders: options.holders } : {}), onMissingGlyph: () => {} });
	const anchors = anchorsByNumber(localizeRole(role, locale, rolebook.company.defaultLocale).text.sections.flatMap((section) => section.items));
	const sectionAnchors = localizeRole(role, locale, rolebook.company.defaultLocale).text.sections.map((section) => section.anchor);
	const document = buildDocument(model, template, { anchors, sectionAnchors, trackChanges: options.trackChanges ?? true, status: role.document.status });
	return reproduciblePackage(await packageParts(document), {
		title: model.metadata.title,
		subject: model.metadata.subject,
		creator: model.metadata.author,
		keywords: model.metadata.keywords.join(', '),
		revision: model.version,
		language: model.textLocale,
		...(model.metadata.date ? { date: model.metadata.date } : {}),
	});
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
	template: TemplateData;
	anchors: Map<string, string>;
	sectionAnchors: string[];
	/** Text width in twips. */
	width: number;
	/** Body size in half-points. */
	size: number;
	bookmarks: number;
}

function buildDocument(
	model: DocumentModel,
	template: TemplateData,
	extra: { anchors: Map<string, string>; sectionAnchors: string[]; trackChanges: boolean; status: string },
): Document {
	const [pageWidth, pageHeight] = PAPER_SIZES[template.paper];
	const margins = template.margins;
	const width = Math.round(pageWidth * 20 - (margins.left + margins.right) * TWIPS_PER_MM);
	const ctx: BuildContext = { model, template, anchors: extra.anchors, sectionAnchors: extra.sectionAnchors, width, size: template.fontSize * 2, bookmarks: 0 };

	const children = template.blocks.flatMap((block) => {
		const built = BLOCKS[block.type](ctx, block);
		if (block.newPage && built.length > 0) return [new Paragraph({ children: [new PageBreak()] }), ...built];
		return built;
	});

	const section: ISectionOptions = {
		properties: {
			page: {
				size: { width: Math.round(pageWidth * 20), height: Math.round(pageHeight * 20) },
				margin: {
					top: Math.round(margins.top * TWIPS_PER_MM),
					right: Math.round(margins.right * TWIPS_PER_MM),
					bottom: Math.round(margins.bottom * TWIPS_PER_MM),
					left: Math.round(margins.left * TWIPS_PER_MM),
					header: Math.round(margins.top * TWIPS_PER_MM * 0.45),
					footer: Math.round(margins.bottom * TWIPS_PER_MM * 0.45),
				},
			},
		},
		headers: { default: header(ctx) },
		footers: { default: footer(ctx) },
		children,
	};

	const language = { value: model.textLocale };
	return new Document({
		creator: model.metadata.author,
		title: model.metadata.title,
		subject: model.metadata.subject,
		keywords: model.metadata.keywords.join(', '),
		lastModifiedBy: 'Rolebook',
		revision: model.version,
		...(extra.trackChanges ? { features: { trackRevisions: true } } : {}),
		customProperties: [
			{ name: DOCX_PROPERTIES.role, value: model.roleId },
			{ name: DOCX_PROPERTIES.locale, value: model.locale },
			{ name: DOCX_PROPERTIES.textLocale, value: model.textLocale },
			{ name: DOCX_PROPERTIES.number, value: model.number },
			{ name: DOCX_PROPERTIES.version, value: String(model.version) },
			{ name: DOCX_PROPERTIES.fingerprint, value: model.fingerprint },
			{ name: DOCX_PROPERTIES.status, value: extra.status },
		],
		styles: {
			default: {
				document: { run: { font: FONT, size: ctx.size, language }, paragraph: { spacing: { after: 60, line: 264 } } },
				title: { run: { font: FONT, size: ctx.size + 8, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 60 } } },
				heading1: {
					run: { font: FONT, size: ctx.size + 2, bold: true, color: '000000' },
					paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
				},
			},
			paragraphStyles: [
				{ id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: ctx.size + 4, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } } },
				{ id: DOCX_STYLES.item, name: 'Rolebook Item', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { before: 40, after: 40 } } },
				{ id: DOCX_STYLES.label, name: 'Rolebook Label', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: ctx.size + 2 }, paragraph: { keepNext: true, spacing: { before: 120, after: 60 } } },
				{ id: DOCX_STYLES.meta, name: 'Rolebook Meta', basedOn: 'Normal', run: { size: ctx.size - 2, color: '595959' } },
			],
		},
		numbering: { config: [{ reference: NUMBERING, levels: numberingLevels() }] },
		sections: [section],
	});
}

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

type Builder = (ctx: BuildContext, block: TemplateBlock) => (Paragraph | Table)[];

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
function signatureLine(who: SignatoryLine): Paragraph {
	return new Paragraph({ spacing: { before: 240 }, children: [text('______________________  '), text(who.name)] });
}

/** "APPROVED" top right, as in the sources: a borderless two-column table, the block in the right column. */
function approvalBlock(ctx: BuildContext): (Paragraph | Table)[] {
	const { model } = ctx;
	if (!model.approver) return [];
	const right = Math.round(ctx.width * 0.46);
	const content = [
		new Paragraph({ style: DOCX_STYLES.label, children: [text(model.labels.approved)] }),
		new Paragraph(model.approver.title),
		signatureLine(model.approver),
		new Paragraph(model.labels.dateLine),
	];
	return [table([ctx.width - right, right], [[cell(ctx.width - right, []), cell(right, content)]], 'none')];
}

/** "JOB DESCRIPTION", the role title, department, document number · version · effective date. */
function titleBlock(ctx: BuildContext): Paragraph[] {
	const { model } = ctx;
	const meta = [model.labels.documentNumber, model.labels.version, model.labels.effective].filter(Boolean).join('  ·  ');
	const paragraphs = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.labels.jobDescription)] }),
		new Paragraph({ style: 'Subtitle', children: [text(model.title)] }),
		new Paragraph({ alignment: AlignmentType.CENTER, children: [text(model.department)] }),
		new Paragraph({ style: DOCX_STYLES.meta, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(meta)] }),
	];
	if (model.fallbackNotice) {
		const rule = { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 };
		paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, border: { top: rule, bottom: rule }, spacing: { after: 240 }, children: [text(model.fallbackNotice)] }));
	}
	return paragraphs;
}

function bookmarked(ctx: BuildContext, anchor: string | undefined, runs: ParagraphChild[]): ParagraphChild[] {
	if (!anchor) return runs;
	const id = ++ctx.bookmarks;
	// BookmarkStart/End with our own ids: docx's Bookmark draws ids from a process-wide counter.
	return [new BookmarkStart(bookmarkName(anchor), id) as unknown as ParagraphChild, ...runs, new BookmarkEnd(id) as unknown as ParagraphChild];
}

/** Numbered sections: "Heading 1" paragraphs at list level 0, items at level 1, sub-items deeper. */
function sectionBlocks(ctx: BuildContext): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	ctx.model.sections.forEach((section, index) => {
		paragraphs.push(
			new Paragraph({
				heading: HeadingLevel.HEADING_1,
				numbering: { reference: NUMBERING, level: 0 },
				children: bookmarked(ctx, ctx.sectionAnchors[index], [text(section.heading)]),
			}),
		);
		if (section.intro) paragraphs.push(new Paragraph({ keepNext: true, children: [text(section.intro)] }));
		const items = (list: readonly DocumentItem[], level: number) => {
			for (const item of list) {
				paragraphs.push(
					new Paragraph({
						style: DOCX_STYLES.item,
						numbering: { reference: NUMBERING, level: Math.min(level, 8) },
						...(item.items.length > 0 ? { keepNext: true } : {}),
						children: bookmarked(ctx, ctx.anchors.get(item.number), [text(item.text)]),
					}),
				);
				items(item.items, level + 1);
			}
		};
		items(section.items, 1);
	});
	return paragraphs;
}

/** "AGREED": a borderless table, one row per signatory: title, signature line and name, date line. */
function agreedBlock(ctx: BuildContext): (Paragraph | Table)[] {
	const { model } = ctx;
	if (model.agreed.length === 0) return [];
	const widths = [0.36, 0.4, 0.24].map((share) => Math.round(ctx.width * share));
	const rows = model.agreed.map((who) => [
		cell(widths[0]!, [new Paragraph({ spacing: { before: 240 }, children: [text(who.title)] })]),
		cell(widths[1]!, [signatureLine(who)]),
		cell(widths[2]!, [new Paragraph({ spacing: { before: 240 }, children: [text(model.labels.dateLine)] })]),
	]);
	return [new Paragraph({ style: DOCX_STYLES.label, spacing: { before: 480, after: 60 }, children: [text(model.labels.agreed)] }), table(widths, rows, 'none')];
}

/** Familiarisation sheet: heading, statement, a ruled table of No. / full name / date / signature. */
function familiarisationBlock(ctx: BuildContext, block: TemplateBlock): (Paragraph | Table)[] {
	const { model } = ctx;
	const widths = [0.09, 0.41, 0.2, 0.3].map((share) => Math.round(ctx.width * share));
	const head = [model.labels.number, model.labels.fullName, model.labels.date, model.labels.signature].map((label, i) =>
		cell(widths[i]!, [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(label, { bold: true })] })]),
	);
	const holders = model.holders ?? [];
	const count = Math.max(block.rows ?? 10, holders.length);
	const rows = Array.from({ length: count }, (_, index) => [
		cell(widths[0]!, [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 160, after: 160 }, children: [text(String(index + 1))] })]),
		cell(widths[1]!, holders[index] ? [new Paragraph({ spacing: { before: 160, after: 160 }, children: [text(holders[index]!)] })] : []),
		cell(widths[2]!, []),
		cell(widths[3]!, []),
	]);
	return [
		new Paragraph({ style: DOCX_STYLES.label, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [text(model.labels.familiarisation)] }),
		new Paragraph({ spacing: { after: 200 }, children: [text(model.labels.familiarisationText)] }),
		table(widths, [head, ...rows], 'all'),
	];
}

/** US-style employee acknowledgement: statement, then name, signature and date rows to fill in. */
function acknowledgementBlock(ctx: BuildContext): (Paragraph | Table)[] {
	const { model } = ctx;
	const widths = [Math.round(ctx.width * 0.25), Math.round(ctx.width * 0.5)];
	const rows = [model.labels.fullName, model.labels.signature, model.labels.date].map((label) => [
		cell(widths[0]!, [new Paragraph({ spacing: { before: 240 }, children: [text(label)] })], { borders: false }),
		new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, borders: { top: NO_BORDERS.top, left: NO_BORDERS.left, right: NO_BORDERS.right, bottom: LINE }, children: [new Paragraph('')] }),
	]);
	return [
		new Paragraph({ style: DOCX_STYLES.label, spacing: { before: 480 }, children: [text(model.labels.acknowledgement)] }),
		new Paragraph({ spacing: { after: 120 }, children: [text(model.labels.acknowledgementText)] }),
		table(widths, rows, 'none'),
	];
}

/** Header: company on the left, document number · version on the right; DRAFT above for anything not approved. */
function header(ctx: BuildContext): Header {
	const { model } = ctx;
	const tabs = [{ type: TabStopType.RIGHT, position: ctx.width }];
	const children = [
		...(model.draft ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: model.labels.watermark, bold: true, color: '9A9A9A', size: ctx.size + 8 })] })] : []),
		new Paragraph({ style: DOCX_STYLES.meta, tabStops: tabs, children: [text(model.company), new TextRun({ children: ['\t', `${model.labels.documentNumber}  ·  ${model.labels.version}`] })] }),
	];
	return new Header({ children });
}

/** Footer: the text's fingerprint on the left, "Page X of Y" (Word fields) on the right. */
function footer(ctx: BuildContext): Footer {
	const { model } = ctx;
	const page: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
	for (const part of model.labels.page.split(/(\{page\}|\{pages\})/)) {
		if (part === '{page}') page.push(PageNumber.CURRENT);
		else if (part === '{pages}') page.push(PageNumber.TOTAL_PAGES);
		else if (part) page.push(part);
	}
	return new Footer({
		children: [
			new Paragraph({
				style: DOCX_STYLES.meta,
				tabStops: [{ type: TabStopType.RIGHT, position: ctx.width }],
				children: [text(model.labels.fingerprint), new TextRun({ children: ['\t', ...page] })],
			}),
		],
	});
}
