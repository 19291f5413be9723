import { z } from 'zod';
import { kebabId } from './common.ts';

export const SECTION_KINDS = [
	'general-provisions',
	'main-tasks',
	'duties',
	'rights',
	'responsibility',
	'performance-criteria',
	'trade-secrets',
	'working-conditions',
	'custom',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Sections every job description has, whatever else it adds. */
export const REQUIRED_SECTION_KINDS: readonly SectionKind[] = ['general-provisions', 'duties', 'rights', 'responsibility'];

/** Which fact of the role a general-provisions clause states. */
export const PROVISION_TOPICS = [
	'category',
	'appointment',
	'reporting',
	'substitution',
	'qualification',
	'knowledge',
	'guidance',
	'certification',
	'planning',
] as const;

export const TARGET_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** A measurable target: "at least 30 calls a day", "a report by the 3rd of each month". */
export const targetSchema = z
	.strictObject({
		/** What is counted or delivered, e.g. "calls", "new-contracts", "report". */
		measure: kebabId,
		/** Minimum count per period. */
		min: z.number().positive().optional(),
		per: z.enum(TARGET_PERIODS).optional(),
		/** Day of the period by which a deliverable is due. */
		dueDay: z.int().min(1).max(31).optional(),
	})
	.refine((target) => target.min !== undefined || target.dueDay !== undefined, {
		error: 'a target needs a minimum ("min") or a due day ("dueDay")',
	});
export type TargetData = z.output<typeof targetSchema>;

/** An item as an import writes it: text, with text sub-items. */
export interface ItemInput {
	text: string;
	topic?: (typeof PROVISION_TOPICS)[number];
	target?: z.input<typeof targetSchema>;
	internal?: boolean;
	items?: ItemInput[];
}

/** An item as content may write it: its own text, or a reference to a clause of the library. */
export type ItemEntryInput = ItemSourceInput | ClauseRefInput;
interface ItemSourceInput extends Omit<ItemInput, 'items'> {
	items?: ItemEntryInput[];
}
export interface ClauseRefInput {
	clause: string;
	text?: string;
	topic?: (typeof PROVISION_TOPICS)[number];
}

/**
 * A clause of the library (`content/clauses/<id>.yaml`) in place of an item: `- clause: trade-secrets`.
 * It is numbered like any item, with the clause's text and sub-items in the text's language. A clause
 * that is only a list (no `text` of its own, e.g. "guided by") takes the lead-in from here:
 * `- text: "The key account manager is guided by:"` + `clause: guided-by`.
 */
export const clauseRefSchema = z.strictObject({
	/** Id of the clause: the file name in content/clauses/ without `.yaml`. */
	clause: kebabId,
	/** The lead-in of a list clause (one with sub-items and no text of its own). */
	text: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
	/** Which fact of the role the clause states here (default: the clause's own topic). */
	topic: z.enum(PROVISION_TOPICS).optional(),
});
export type ClauseRefData = z.output<typeof clauseRefSchema>;

/** One numbered item; sub-items are numbered one level deeper (3.1.4). */
export const itemSchema: z.ZodType<ItemData, ItemSourceInput> = z.lazy(() =>
	z.strictObject({
		/** The item's text. `{jurisdiction}` and `{company}` are replaced per locale. */
		text: z.string().trim().min(1, { error: 'must not be empty' }),
		topic: z.enum(PROVISION_TOPICS).optional(),
		target: targetSchema.optional(),
		/** HR-only: never published. */
		internal: z.boolean().default(false),
		items: z.array(itemEntrySchema).default([]),
	}),
);

/** An item of a section or a sub-item: its own text, or a clause of the library. */
export const itemEntrySchema: z.ZodType<ItemEntryData, ItemEntryInput> = z.lazy(() => z.union([itemSchema, clauseRefSchema]));

export interface ItemData {
	text: string;
	topic?: (typeof PROVISION_TOPICS)[number];
	target?: TargetData;
	internal: boolean;
	items: ItemEntryData[];
}
export type ItemEntryData = ItemData | ClauseRefData;

/** Whether an item refers to a clause of the library rather than having its own text. */
export function isClauseRef(entry: ItemEntryData): entry is ClauseRefData {
	return 'clause' in entry;
}

export const sectionSchema = z
	.strictObject({
		kind: z.enum(SECTION_KINDS),
		/** Heading, when the default one for the kind does not fit. Required for "custom". */
		title: z.string().trim().min(1).optional(),
		/** Anchor of a custom section. */
		id: kebabId.optional(),
		/** Lead-in before the items ("The key account manager:"). */
		intro: z.string().trim().min(1).optional(),
		items: z.array(itemEntrySchema).min(1, { error: 'a section needs at least one item' }),
	})
	.superRefine((section, ctx) => {
		if (section.kind !== 'custom') return;
		if (!section.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'a custom section needs a title' });
		if (!section.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'a custom section needs an id (its anchor), e.g. "evaluation-criteria"' });
	});
export type SectionData = z.output<typeof sectionSchema>;

/** Front matter of `content/roles/<id>/<locale>.mdx`: the role's text in one language. */
export const roleTextSchema = z.strictObject({
	title: z.string().trim().min(1),
	/** Other names people search for ("KAM"). */
	altTitles: z.array(z.string().trim().min(1)).default([]),
	/** One or two sentences: search results, link previews. */
	summary: z.string().trim().min(1),
	/** The document.version this translation was made from. */
	translates: z.int().min(1).optional(),
	/** Numbered sections, in document order. */
	sections: z.array(sectionSchema).min(1),
});
export type RoleTextInput = z.input<typeof roleTextSchema>;
export type RoleTextData = z.output<typeof roleTextSchema>;
