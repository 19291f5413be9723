import { z } from 'zod';
import { kebabId, localizedText } from './common.ts';
import { currencyCode, SALARY_PERIODS } from './opening.ts';

/**
 * A job family: `content/families/<id>.yaml`. Roles of one line of work ordered as a career
 * ladder, from the entry level up. Each level names its role (or describes a level that has no
 * role of its own in the handbook, such as a head of department), a grade, what is expected at
 * that level, and optionally a pay band. The file name is the family's id and URL slug
 * (`/en/families/<id>/`).
 *
 * Pay bands are internal: they are checked, but no build publishes them — no page, PDF, search
 * record, feed or card — unless the band says `public: true`.
 */

/** A pay band: what a level pays, per period, in one currency. */
export const payBandSchema = z
	.strictObject({
		/** Lowest pay of the band, per period. */
		min: z.number().positive({ error: 'must be a positive amount' }),
		/** The band's midpoint (the "market rate" of the level). Default: halfway between min and max. */
		midpoint: z.number().positive({ error: 'must be a positive amount' }).optional(),
		/** Highest pay of the band, per period. */
		max: z.number().positive({ error: 'must be a positive amount' }),
		/** ISO 4217 currency code, e.g. "RUB". */
		currency: currencyCode,
		/** What the amounts are paid for. Default: month. */
		period: z.enum(SALARY_PERIODS).default('month'),
		/** Publish this band (role page, ladder, job-posting data, feeds). Default false: internal, never published. */
		public: z.boolean().default(false),
	})
	.superRefine((band, ctx) => {
		if (band.min > band.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be less than min (${band.min})` });
		if (band.midpoint !== undefined && (band.midpoint < band.min || band.midpoint > band.max)) {
			ctx.addIssue({ code: 'custom', path: ['midpoint'], message: `must lie between min (${band.min}) and max (${band.max})` });
		}
	})
	.transform((band) => ({ ...band, midpoint: band.midpoint ?? Math.round((band.min + band.max) / 2) }));
export type PayBandData = z.output<typeof payBandSchema>;

/** One rung of the ladder. */
export const levelSchema = z
	.strictObject({
		/** Anchor of the level on the ladder page (`#level-<id>`). Default: the role's or position's id; required for a level with neither. */
		id: kebabId.optional(),
		/** The role at this level (a folder in content/roles/). Leave out for a level without a role of its own. */
		role: kebabId.optional(),
		/** A company position at this level that has no job description here (content/company.yaml), e.g. head-of-sales. */
		position: kebabId.optional(),
		/** Name of the level, per locale. Default: the role's title (or the position's); required for a level with neither. */
		title: localizedText.optional(),
		/** What the level is about, per locale, for a level without a role of its own. */
		summary: localizedText.optional(),
		/** The level's grade in the company's grading scheme (a whole number); grades ascend up the ladder. */
		grade: z.int({ error: 'must be a whole number, e.g. 7' }),
		/** What is expected at this level, each per locale: results, indicators, behaviour. */
		expectations: z.array(localizedText).default([]),
		/** The level's pay band: `{ min, midpoint, max, currency, period, public }`; internal unless `public: true`. */
		band: payBandSchema.optional(),
		/** Notes for HR only; never published. */
		internal: z.unknown().optional(),
	})
	.superRefine((level, ctx) => {
		if (level.role && level.position) ctx.addIssue({ code: 'custom', path: ['position'], message: 'a level names its role or a position, not both' });
		if (!level.role && !level.position && !level.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'a level without a role or position needs a title' });
		if (!level.role && !level.position && !level.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'a level without a role or position needs an id (its anchor), e.g. "senior-manager"' });
	});
export type LevelData = z.output<typeof levelSchema>;

export const familySchema = z.strictObject({
	/** The family's name, per locale: `{ en: Client management, ru: Работа с клиентами }`. */
	title: localizedText,
	/** One or two sentences about the family, per locale. */
	summary: localizedText.optional(),
	/** The levels, from the entry level up. */
	levels: z.array(levelSchema).min(1, { error: 'a family needs at least one level' }),
	/** Notes for HR only; never published. */
	internal: z.unknown().optional(),
});
export type FamilyData = z.output<typeof familySchema>;
export type FamilyInput = z.input<typeof familySchema>;
