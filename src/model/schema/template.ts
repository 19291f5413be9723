import { z } from 'zod';
import { localizedText } from './common.ts';

/**
 * A PDF document template: `templates/<id>.yaml`. The layout of a job description as data —
 * which blocks appear and in what order, the familiarisation row count, paper size, margins
 * and label overrides per locale — so HR can change it without touching code.
 */

/** Blocks a template can place, in the order it lists them. */
export const TEMPLATE_BLOCKS = [
	/** "APPROVED" block top right: approver's title, signature line with name, date line. */
	'approval',
	/** "JOB DESCRIPTION", the role title, department, document number, version, effective date. */
	'title',
	/** The numbered sections and items of the role text. */
	'sections',
	/** "AGREED": one signature line per agreeing signatory. */
	'agreed',
	/** Familiarisation sheet: "I have read…" and a table (No., full name, date, signature). */
	'familiarisation',
	/** US-style employee acknowledgement: statement, name, signature and date. */
	'acknowledgement',
] as const;
export type TemplateBlockType = (typeof TEMPLATE_BLOCKS)[number];

/** Paper sizes in PDF points (1/72 inch). */
export const PAPER_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

/** Labels a template may override per locale; the defaults are the `pdf.<key>` UI strings. */
export const TEMPLATE_LABELS = [
	'approved',
	'agreed',
	'jobDescription',
	'familiarisation',
	'familiarisationText',
	'acknowledgement',
	'acknowledgementText',
	'dateLine',
] as const;

const blockObject = z.strictObject({
	type: z.enum(TEMPLATE_BLOCKS),
	/** Start this block on a new page. */
	newPage: z.boolean().default(false),
	/** Familiarisation sheet only: number of table rows (each with name, date and signature fields). */
	rows: z.int().min(1, { error: 'must be at least 1' }).max(60, { error: 'must be at most 60' }).optional(),
});

/** A block: `- sections` (shorthand) or `- { type: familiarisation, rows: 12, newPage: true }`. */
export const templateBlock = z
	.preprocess((value) => (typeof value === 'string' ? { type: value } : value), blockObject)
	.superRefine((block, ctx) => {
		if (block.rows !== undefined && block.type !== 'familiarisation') {
			ctx.addIssue({ code: 'custom', path: ['rows'], message: 'only the familiarisation block has rows' });
		}
	})
	.transform((block) => (block.type === 'familiarisation' ? { ...block, rows: block.rows ?? 10 } : block));

const millimetres = z.number().min(5, { error: 'must be at least 5 (mm)' }).max(60, { error: 'must be at most 60 (mm)' });

export const templateSchema = z
	.strictObject({
		/** Human name of the template, for HR. */
		name: z.string().trim().min(1),
		/** What the template is for. */
		description: z.string().optional(),
		paper: z.enum(Object.keys(PAPER_SIZES) as [keyof typeof PAPER_SIZES]).default('A4'),
		/** Page margins in millimetres. */
		margins: z
			.strictObject({ top: millimetres.default(20), right: millimetres.default(15), bottom: millimetres.default(20), left: millimetres.default(25) })
			.default({ top: 20, right: 15, bottom: 20, left: 25 }),
		/** Body text size in points; headings and small print scale from it. */
		fontSize: z.number().min(7).max(14).default(10),
		blocks: z.array(templateBlock).min(1),
		/** Per-locale overrides of the PDF labels, e.g. `approved: { ru: "УТВЕРЖДАЮ" }`. */
		labels: z.partialRecord(z.enum(TEMPLATE_LABELS), localizedText).default({}),
	})
	.superRefine((template, ctx) => {
		const seen = new Set<string>();
		template.blocks.forEach((block, index) => {
			if (seen.has(block.type)) ctx.addIssue({ code: 'custom', path: ['blocks', index], message: `lists the block "${block.type}" twice` });
			seen.add(block.type);
		});
		if (!seen.has('sections')) ctx.addIssue({ code: 'custom', path: ['blocks'], message: 'must include "sections": the numbered text of the job description' });
	});

export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateData = z.output<typeof templateSchema>;
export type TemplateBlock = TemplateData['blocks'][number];
