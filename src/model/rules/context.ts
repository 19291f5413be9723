/**
 * What every cross-file rule needs to know about the content at hand, worked out once. When a
 * file failed its schema, the rules that depend on it stay quiet rather than report a cascade
 * of follow-on problems (one broken field in company.yaml must not make every reference to a
 * position "unknown").
 */
import type { RawContent } from '../load.ts';
import type { Problem } from '../problems.ts';
import { publicVersionOf } from '../publication.ts';
import { KEBAB_ID, type ClauseData, type CompanyData } from '../schema/index.ts';

export interface RuleContext {
	raw: RawContent;
	problems: Problem[];
	/** "Today" for review-by warnings. */
	today: string;
	/** The project's public/ folder, where the company logo file lives. */
	publicDir: string;
	/** The company profile, when it passed its schema; rules needing it skip otherwise. */
	company?: CompanyData;
	configured: string[];
	defaultLocale: string;
	roleIds: Set<string>;
	positionIds: Set<string>;
	signatoryIds: Set<string>;
	/** True when a problem was already reported for this file (it exists but could not be used). */
	reported(file: string): boolean;
	/** Roles a public build shows (approved, or a past approved version while the next is drafted). */
	publishedRoleIds: Set<string>;
	/** Clauses of the library that passed their schema, by id. */
	clauses: Map<string, ClauseData>;
	/** Ids of every clause file, valid or not: a reference to a broken one is not reported again. */
	clauseIds: Set<string>;
}

export function ruleContext(raw: RawContent, options: { today: string; publicDir: string }, problems: Problem[]): RuleContext {
	const company = raw.company?.data;
	return {
		raw,
		problems,
		today: options.today,
		publicDir: options.publicDir,
		...(company ? { company } : {}),
		configured: company?.locales.configured ?? [],
		defaultLocale: company?.locales.default ?? 'en',
		roleIds: new Set(raw.roles.filter((role) => KEBAB_ID.test(role.id)).map((role) => role.id)),
		positionIds: new Set(company?.positions.map((position) => position.id) ?? []),
		signatoryIds: new Set(company?.signatories.map((signatory) => signatory.id) ?? []),
		publishedRoleIds: new Set(
			raw.roles
				.filter((role) => role.facts && publicVersionOf(role.facts.data.document.status, role.history.flatMap((version) => (version.facts ? [version.facts.data.document.status] : []))) !== undefined)
				.map((role) => role.id),
		),
		clauses: new Map(raw.clauses.flatMap((entry) => (entry.clause ? [[entry.id, entry.clause.data] as const] : []))),
		clauseIds: new Set(raw.clauses.map((entry) => entry.id)),
		reported: (file) => problems.some((problem) => problem.file === file && problem.severity === 'error'),
	};
}
