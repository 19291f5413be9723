import { z } from 'zod';
import { isoDate, kebabId, localeCode, localizedText } from './common.ts';

export const ROLE_CATEGORIES = ['specialist', 'manager', 'performer', 'technical'] as const;
export const EDUCATION_LEVELS = ['secondary', 'secondary-vocational', 'higher'] as const;
export const DOCUMENT_STATUSES = ['draft', 'approved', 'retired'] as const;

/** Eight hex digits: the fingerprint of one language of a clause wording, or of a role text (src/model/clauses.ts). */
const wordingFingerprint = z.string().regex(/^[0-9a-f]{8}$/, { error: 'must be the eight hex digits "rolebook approve" writes, in quotes, e.g. "3fa9c2e1"' });

/** Document control: which text this is and who signs it. */
export const documentControl = z.strictObject({
	/** Printed on every page of the PDF, e.g. "JD-SAL-001". */
	number: z.string().trim().min(1),
	/** Version of the role's text; starts at 1. */
	version: z.int().min(1, { error: 'must be a whole number of 1 or more' }),
	/** Only approved roles are published. */
	status: z.enum(DOCUMENT_STATUSES),
	/** In force from (YYYY-MM-DD). Required once approved. */
	effective: isoDate.optional(),
	/** Review deadline (YYYY-MM-DD); a past date gives a warning. */
	reviewBy: isoDate.optional(),
	/** Signatory id of the approver (approval block). Required once approved. */
	approvedBy: kebabId.optional(),
	/** Signatory ids of those who agree the draft: lawyer, HR, line manager. */
	agreedWith: z.array(kebabId).default([]),
	/** What changed in this version, per locale ("Duty 2.24 added: CRM discipline"). Shown in the version list. */
	changeSummary: localizedText.optional(),
	/** For a retired role: the role id that replaces it, if any. Its old URLs lead there. */
	replacedBy: kebabId.optional(),
	/**
	 * The clause wordings this version was approved with, written by `rolebook approve` (and kept
	 * in the frozen copy by `rolebook version`); not edited by hand. Per clause of the library the
	 * texts use, per language: `{ trade-secrets: { en: "3fa9c2e1", ru: "0b7d41a9" } }`. `check`
	 * compares them with the wording the version shows, so a clause edited in place is reported.
	 */
	clauseFingerprints: z.record(kebabId, z.record(localeCode, wordingFingerprint)).optional(),
	/**
	 * The texts this version was approved with, written by `rolebook approve` (and kept in the
	 * frozen copy by `rolebook version`); not edited by hand. Per language, the fingerprint of what
	 * the signed document prints from its text file — title, summary, sections, items (a clause as
	 * its id), not the MDX body nor internal items: `{ en: "5c0e7a12", ru: "9d3b6f40" }`. `check`
	 * compares them with the texts, so an approved text edited in place is reported.
	 */
	textFingerprints: z.record(localeCode, wordingFingerprint).optional(),
});

/** Facts of a role kept once for all languages: `content/roles/<id>/role.yaml`. */
export const roleFactsSchema = z.strictObject({
	/** Department id from the company profile. */
	department: kebabId,
	category: z.enum(ROLE_CATEGORIES),
	/** Role or position id of the direct manager. */
	reportsTo: kebabId,
	/** Role or position id of who stands in during absence; omitted = "a person appointed by order". */
	substitute: kebabId.optional(),
	appointment: z.strictObject({
		/** Role or position id of who appoints and dismisses by order. */
		by: kebabId,
		/** Role or position id on whose recommendation. */
		recommendedBy: kebabId.optional(),
	}),
	qualification: z.strictObject({
		/** Accepted education levels (any of them). */
		education: z.array(z.enum(EDUCATION_LEVELS)).min(1),
		/** Minimum years of relevant experience. */
		experienceYears: z.number().min(0),
	}),
	certification: z.strictObject({ everyMonths: z.int().min(1) }).optional(),
	/** Ids this role had before (renamed roles): their URLs keep working and lead here. */
	formerIds: z.array(kebabId).default([]),
	/** PDF template id; defaults to the company's. */
	template: kebabId.optional(),
	document: documentControl,
	/** Notes for HR only. Never published. */
	internal: z.unknown().optional(),
});

export type RoleFactsInput = z.input<typeof roleFactsSchema>;
export type RoleFactsData = z.output<typeof roleFactsSchema>;
