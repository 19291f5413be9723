/**
 * What every cross-file rule needs to know about the content at hand, worked out once. When a
 * file failed its schema, the rules that depend on it stay quiet rather than report a cascade
 * of follow-on problems (one broken field in company.yaml must not make every reference to a
 * position "unknown").
 */
import type { RawContent } from '../load.ts';
import type { Problem } from '../problems.ts';
import { KEBAB_ID, type CompanyData } from '../schema/index.ts';

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
		reported: (file) => problems.some((problem) => problem.file === file && problem.severity === 'error'),
	};
}
