/**
 * Placeholders: `{name}` in a text, filled with a value at render time — `{jurisdiction}` and
 * `{company}` in role texts, `{count}` in UI strings, `{path}` in the edit URL, `{title}` in
 * the `rolebook new` scaffold. Written once here, so every text is filled and checked alike.
 * A placeholder is exactly one pair of braces around a name: `{{count}}` or `{ count }` is not
 * `{count}`, and is never filled.
 */

/** Every run of braces with what is between them, as written: `{count}`, `{{count}}`, `{ x }`. */
const BRACE_TOKEN = /\{+[^{}]*\}+/g;
const PLACEHOLDER = /^\{(\w+)\}$/;

/** The brace tokens of a text, as written, in order. */
export function braceTokens(text: string): string[] {
	return text.match(BRACE_TOKEN) ?? [];
}

/** `{count}` → "count"; anything else (`{{count}}`, `{ count }`, `{}`) → undefined. */
export function placeholderName(token: string): string | undefined {
	return PLACEHOLDER.exec(token)?.[1];
}

/** The placeholders of a text as a sorted signature, for comparing a translation with its source. */
export function placeholderSignature(text: string): string {
	return braceTokens(text).sort().join(' ');
}

/** Replaces each `{name}` whose name has a value; every other brace token is left as written. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
	return template.replace(BRACE_TOKEN, (token) => {
		const name = placeholderName(token);
		return name !== undefined && Object.hasOwn(values, name) ? String(values[name]) : token;
	});
}
