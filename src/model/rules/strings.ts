/** UI strings (src/i18n/strings/<locale>.json): every configured locale has every key of the default locale, with the same placeholders. */
import { placeholderSignature } from '../placeholders.ts';
import { didYouMean } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function validateStrings(context: RuleContext): void {
	const { raw, problems, configured, defaultLocale } = context;
	const reference = raw.strings.find((entry) => entry.locale === defaultLocale);
	if (!reference) {
		const file = `src/i18n/strings/${defaultLocale}.json`;
		if (!context.reported(file)) problems.push({ severity: 'error', file, message: 'is missing: the interface strings of the default locale define every key' });
		return;
	}
	for (const locale of configured) {
		const entry = raw.strings.find((candidate) => candidate.locale === locale);
		if (!entry) {
			// A file that exists but is broken was reported as such; it is not also "missing".
			const file = reference.file.replace(new RegExp(`${defaultLocale}\\.json$`), `${locale}.json`);
			if (!context.reported(file)) {
				problems.push({ severity: 'error', file, message: `is missing: "${locale}" is configured, so its interface strings are needed (copy ${reference.file} and translate it)` });
			}
			continue;
		}
		for (const [key, value] of Object.entries(reference.strings)) {
			const translated = entry.strings[key];
			if (translated === undefined) {
				problems.push({ severity: 'error', file: entry.file, path: key, message: `is missing; in ${defaultLocale}: ${JSON.stringify(value)}` });
			} else if (typeof translated !== 'string' || translated.trim() === '') {
				problems.push({ severity: 'error', file: entry.file, ...lineOf(entry, key), path: key, message: 'must be a non-empty text', found: translated });
			} else if (typeof value === 'string' && placeholderSignature(value) !== placeholderSignature(translated)) {
				problems.push({ severity: 'error', file: entry.file, ...lineOf(entry, key), path: key, message: `must use the same placeholders as ${defaultLocale} (${placeholderSignature(value) || 'none'}), written the same way`, found: translated });
			}
		}
		for (const key of Object.keys(entry.strings)) {
			if (!(key in reference.strings)) {
				problems.push({ severity: 'error', file: entry.file, ...lineOf(entry, key), path: key, message: `is not a key of ${reference.file}.${didYouMean(key, Object.keys(reference.strings))}` });
			}
		}
	}
	for (const entry of raw.strings) {
		if (context.company && !configured.includes(entry.locale)) {
			problems.push({ severity: 'warning', file: entry.file, message: `is for "${entry.locale}", which is not a configured locale; it is not used` });
		}
	}
}

/** The line of a key in a UI-strings file, where the reader recorded it. */
function lineOf(entry: RuleContext['raw']['strings'][number], key: string): { line?: number } {
	const line = entry.lineOf?.([key]);
	return line === undefined ? {} : { line };
}
