/**
 * Rules that span files, one file per concept. Each adds problems and none stops at the
 * first, so HR sees everything at once; where a file failed its schema, the rules that need
 * it stay quiet (see context.ts) instead of reporting a cascade.
 */
import type { RawContent } from '../load.ts';
import type { Problem } from '../problems.ts';
import { validateChapters } from './chapters.ts';
import { validateClauses } from './clauses.ts';
import { validateCompany } from './company.ts';
import { validateFamilies } from './families.ts';
import { ruleContext } from './context.ts';
import { validateOpenings } from './openings.ts';
import { validateLocaleNames, validateTemplateReferences } from './references.ts';
import { validateReportingLines } from './reporting.ts';
import { validateRoleTexts } from './role-texts.ts';
import { validateRoles } from './roles.ts';
import { validateSignOffs } from './sign-offs.ts';
import { validateStrings } from './strings.ts';
import { validateTranslations } from './translations.ts';
import { validateVersions } from './versions.ts';

export interface ValidateOptions {
	/** "Today" for review-by warnings; injectable so tests do not depend on the clock. */
	today: string;
	/** The project's public/ folder (the company logo). */
	publicDir: string;
}

export function validateContent(raw: RawContent, options: ValidateOptions, problems: Problem[]): void {
	const context = ruleContext(raw, options, problems);
	validateCompany(context);
	validateTemplateReferences(context);
	validateLocaleNames(context);
	validateRoles(context);
	validateRoleTexts(context);
	validateTranslations(context);
	validateClauses(context);
	validateVersions(context);
	validateReportingLines(context);
	validateSignOffs(context);
	validateChapters(context);
	validateOpenings(context);
	validateFamilies(context);
	validateStrings(context);
}

export { CONTENT_PLACEHOLDERS } from './text.ts';
