import { z } from 'zod';
import { isoDate, localizedText } from './common.ts';
import { PROVISION_TOPICS } from './role-text.ts';

/**
 * A clause of the library: `content/clauses/<id>.yaml`. A standard text that many roles share
 * (the responsibility clauses, trade secrets, a "guided by" list), written once per language and
 * referenced from a role text's items with `- clause: <id>`. Each role shows it inline, numbered
 * as the item it stands for. The file name is the clause's id.
 *
 * Wording changes are dated: the current wording applies `since` a date, earlier wordings stay
 * under `previous`. An approved role version keeps the wording in force on its effective date
 * (what its holders signed), so changing a clause never rewrites an approved document; `check`
 * names every approved role that must start a new version to take the new wording. An edit in
 * place is caught too: each approved version records the wordings it was approved with
 * (`document.clauseFingerprints`, see role-facts.ts), and `check` compares them.
 */

/** What a clause says: its text, its sub-items, or both; every text per locale (default locale required). */
const wordingFields = {
	/**
	 * The clause's text, per locale: `{ en: "…", ru: "…" }`. `{jurisdiction}` and `{company}` are
	 * filled in per locale. Leave it out for a list clause: the role's item gives the lead-in.
	 */
	text: localizedText.optional(),
	/** Sub-items, each per locale: `- { en: "the legislation of {jurisdiction};", ru: "…" }`. Numbered under the item. */
	items: z.array(localizedText).default([]),
};

const needsWords = (wording: { text?: unknown; items: unknown[] }) => wording.text !== undefined || wording.items.length > 0;
const NEEDS_WORDS = 'a clause needs "text", "items" (a list clause), or both';

/** An earlier wording, kept for the approved role versions signed with it. */
export const clauseWordingSchema = z
	.strictObject({
		/** The date this wording applied from (YYYY-MM-DD); may be left out on the oldest one. */
		since: isoDate.optional(),
		...wordingFields,
	})
	.refine(needsWords, { error: NEEDS_WORDS });
export type ClauseWordingData = z.output<typeof clauseWordingSchema>;

export const clauseSchema = z
	.strictObject({
		/** What the clause is, for HR (where-used report and page), per locale: `{ en: "Trade secrets" }`. */
		title: localizedText,
		/** In general provisions: which fact of the role the clause states (`guidance`, `knowledge` …). */
		topic: z.enum(PROVISION_TOPICS).optional(),
		/** The date the current wording applies from (YYYY-MM-DD). Required once there are `previous` wordings. */
		since: isoDate.optional(),
		...wordingFields,
		/** Earlier wordings, newest first, each `{ since?, text?, items? }`. */
		previous: z.array(clauseWordingSchema).default([]),
		/** Notes for HR only; never published. */
		internal: z.unknown().optional(),
	})
	.superRefine((clause, ctx) => {
		if (!needsWords(clause)) ctx.addIssue({ code: 'custom', path: ['text'], message: NEEDS_WORDS });
		if (clause.previous.length > 0 && clause.since === undefined) {
			ctx.addIssue({ code: 'custom', path: ['since'], message: 'is required when earlier wordings are kept under "previous": the date the current wording applies from' });
		}
		let newer = clause.since;
		clause.previous.forEach((wording, index) => {
			if (wording.since === undefined) {
				if (index < clause.previous.length - 1) ctx.addIssue({ code: 'custom', path: ['previous', index, 'since'], message: 'is required on every earlier wording but the oldest (the last one)' });
			} else if (newer !== undefined && wording.since >= newer) {
				ctx.addIssue({ code: 'custom', path: ['previous', index, 'since'], message: `must be before the newer wording's date ${newer}: list earlier wordings newest first` });
			}
			newer = wording.since ?? newer;
		});
	});
export type ClauseData = z.output<typeof clauseSchema>;
export type ClauseInput = z.input<typeof clauseSchema>;
