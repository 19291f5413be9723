/** Rules for any text a person reads: known placeholders only, no look-alike letters from the wrong keyboard layout. */
import { braceTokens, placeholderName } from '../placeholders.ts';
import { at, mixedScriptWord, type PathSegment, type Problem } from '../problems.ts';
import type { SourceFile } from '../source.ts';
import type { LocalizedText } from '../schema/index.ts';
import type { RuleContext } from './context.ts';
import { didYouMean } from '../suggest.ts';

/** Placeholders a role or chapter text may use; filled per locale from content/company.yaml. */
export const CONTENT_PLACEHOLDERS = ['jurisdiction', 'company'] as const;

const available = CONTENT_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');

export function mixedScriptProblem(source: SourceFile, path: PathSegment[], text: string): Problem | undefined {
	const mixed = mixedScriptWord(text);
	return mixed ? at(source, path, 'a word mixes Latin and Cyrillic letters (a look-alike letter typed in the wrong keyboard layout); retype it', mixed, 'warning') : undefined;
}

/** A content text: mixed scripts are a warning; any brace token that is not a known `{placeholder}` is an error. */
export function validateText(source: SourceFile, path: PathSegment[], text: string, problems: Problem[], placeholders: readonly string[] = CONTENT_PLACEHOLDERS): void {
	const mixed = mixedScriptProblem(source, path, text);
	if (mixed) problems.push(mixed);
	for (const token of braceTokens(text)) {
		const name = placeholderName(token);
		if (name !== undefined && placeholders.includes(name)) continue;
		const guess = (name ?? token.replace(/[{}\s]/g, '')) || token;
		const hint = name === undefined ? ` A placeholder is a name in single braces, e.g. {${placeholders[0]}}.` : '';
		problems.push(at(source, path, `uses an unknown placeholder ${token}; available: ${available}.${hint}${didYouMean(guess, placeholders)}`, token));
	}
}

/** Localised texts of a file: configured locales only (a warning), the default one required. */
export function checkLocalized(context: RuleContext, source: SourceFile, path: PathSegment[], value: LocalizedText): void {
	const { configured, defaultLocale, company, problems } = context;
	if (!company) return;
	for (const locale of Object.keys(value)) {
		if (!configured.includes(locale)) {
			problems.push(at(source, [...path, locale], `"${locale}" is not a configured locale (${configured.join(', ')}); this text is not used`, undefined, 'warning'));
		}
	}
	if (!(defaultLocale in value)) problems.push(at(source, path, `needs a text in the default locale "${defaultLocale}"`));
}
