/** Names that point at other files: PDF templates chosen by the company and by roles, and locale codes used as file and folder names. */
import { at, type PathSegment } from '../problems.ts';
import type { SourceFile } from '../source.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function validateTemplateReferences({ raw, problems }: RuleContext): void {
	const checkTemplate = (source: SourceFile, path: PathSegment[], id: string | undefined) => {
		if (id === undefined || raw.templateIds.includes(id)) return;
		const known = raw.templateIds.length > 0 ? `templates found: ${raw.templateIds.join(', ')}` : 'no templates were found';
		problems.push(at(source, path, `is not a PDF template (a file templates/<id>.yaml; ${known}).${didYouMean(id, raw.templateIds)}`, id));
	};
	if (raw.company) checkTemplate(raw.company.source, ['defaultTemplate'], raw.company.data.defaultTemplate);
	// A label for a language the site does not have is never printed: most likely a typo.
	const configured = raw.company?.data.locales.configured;
	for (const template of configured ? raw.templates.values() : []) {
		for (const [name, texts] of Object.entries(template.data.labels)) {
			for (const locale of Object.keys(texts ?? {})) {
				if (!configured!.includes(locale)) {
					problems.push(at(template.source, ['labels', name, locale], `"${locale}" is not a configured locale (${configured!.join(', ')}); this label is never printed.${didYouMean(locale, configured!)}`, undefined, 'warning'));
				}
			}
		}
	}
	for (const role of raw.roles) if (role.facts) checkTemplate(role.facts.source, ['template'], role.facts.data.template);
}

export function validateLocaleNames({ raw, problems, company, configured }: RuleContext): void {
	if (!company) return;
	for (const { file, locale } of raw.localeNames) {
		if (!configured.includes(locale)) {
			problems.push({
				severity: 'error',
				file,
				message: `"${locale}" is not a configured locale; configured in content/company.yaml: ${configured.join(', ')}.${didYouMean(locale, configured)}`,
			});
		}
	}
}
