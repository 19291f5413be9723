/**
 * Hyphenation for line breaking: Liang's patterns (the TeX ones) from the `hyphen` package, one
 * set per language, loaded on first use (the Norwegian set alone is 0.5 MB) and kept for the
 * life of the process. Words are hyphenated once and remembered.
 */
import { createRequire } from 'node:module';
import type { Hyphenate } from './lines.ts';

const require = createRequire(import.meta.url);

/** Pattern sets of the `hyphen` package by language (BCP 47 primary subtag). */
const PATTERNS: Record<string, string> = {
	en: 'hyphen/en-us/index.js',
	ru: 'hyphen/ru/index.js',
	de: 'hyphen/de-1996/index.js',
	nb: 'hyphen/nb/index.js',
	no: 'hyphen/nb/index.js',
	nn: 'hyphen/nn/index.js',
	sv: 'hyphen/sv/index.js',
	tr: 'hyphen/tr/index.js',
	uk: 'hyphen/uk/index.js',
	fr: 'hyphen/fr/index.js',
	es: 'hyphen/es/index.js',
	it: 'hyphen/it/index.js',
	pl: 'hyphen/pl/index.js',
	da: 'hyphen/da/index.js',
	fi: 'hyphen/fi/index.js',
	nl: 'hyphen/nl/index.js',
};

const hyphenators = new Map<string, Hyphenate | undefined>();

/** The hyphenator of a language, or undefined when the package has no patterns for it (lines then break at spaces only). */
export function hyphenatorFor(locale: string): Hyphenate | undefined {
	const language = locale.toLowerCase().split(/[-_]/)[0]!;
	if (hyphenators.has(language)) return hyphenators.get(language);
	const module = PATTERNS[language];
	let hyphenator: Hyphenate | undefined;
	if (module) {
		const { hyphenateSync } = require(module) as { hyphenateSync: (text: string, options?: { minWordLength?: number }) => string };
		const words = new Map<string, string>();
		hyphenator = (text) => {
			let result = words.get(text);
			if (result === undefined) {
				result = hyphenateSync(text, { minWordLength: 6 });
				words.set(text, result);
			}
			return result;
		};
	}
	hyphenators.set(language, hyphenator);
	return hyphenator;
}
