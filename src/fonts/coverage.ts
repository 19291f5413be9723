/**
 * The one rule for "can this font draw this text", shared by the PDF job descriptions and the
 * link-preview cards. Both draw text with an embedded font and nothing else (no system fonts,
 * no fallback): a character the font lacks would come out as an empty box or a blank, so it is
 * an error that names the content file, the field and the character's `U+` code.
 */
import type { Problem } from '../model/problems.ts';

/** Anything that answers "does the font have a real glyph (not .notdef) for this code point". */
export interface Coverage {
	has(codePoint: number): boolean;
}

/** Characters that never reach the page: soft hyphens are removed (or become "-" at a break), line breaks and tabs are white space. */
const NOT_DRAWN = new Set([0x00ad, 0x0a, 0x0d, 0x09]);

export interface MissingChar {
	char: string;
	codePoint: number;
}

/** Answers for the Basic Multilingual Plane per coverage, one byte each (0 not asked yet, 1 drawable, 2 not): `check` asks about every text of every document. */
const bmpAnswers = new WeakMap<Coverage, Uint8Array>();

/** Every distinct character of `text` the font cannot draw, in order of first appearance. */
export function missingChars(text: string, coverage: Coverage): MissingChar[] {
	let answers = bmpAnswers.get(coverage);
	if (!answers) bmpAnswers.set(coverage, (answers = new Uint8Array(0x10000)));
	let missing: MissingChar[] | undefined;
	for (let i = 0; i < text.length; i++) {
		let codePoint = text.charCodeAt(i);
		let ok: boolean;
		if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
			codePoint = text.codePointAt(i++)!;
			ok = NOT_DRAWN.has(codePoint) || coverage.has(codePoint);
		} else {
			let answer = answers[codePoint]!;
			if (answer === 0) answers[codePoint] = answer = NOT_DRAWN.has(codePoint) || coverage.has(codePoint) ? 1 : 2;
			ok = answer === 1;
		}
		if (ok) continue;
		missing ??= [];
		if (!missing.some((known) => known.codePoint === codePoint)) missing.push({ char: String.fromCodePoint(codePoint), codePoint });
	}
	return missing ?? [];
}

/** 0x6f22 → "U+6F22". */
export function codeLabel(codePoint: number): string {
	return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What kind of character it is, in words HR recognises; '' when there is nothing useful to say. */
export function charKind(char: string): string {
	if (/\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}/u.test(char)) return 'an emoji';
	if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Bopomofo}/u.test(char)) return 'a Chinese, Japanese or Korean character';
	if (/\p{Co}/u.test(char)) return 'a private-use character, e.g. from a symbol font in Word';
	if (/\p{Cc}|\p{Cf}/u.test(char)) return 'an invisible control character';
	return '';
}

/** `"漢" (U+6F22, a Chinese, Japanese or Korean character)` — a control character is shown by its code only. */
export function describeChar({ char, codePoint }: MissingChar): string {
	const kind = charKind(char);
	const shown = /\p{C}/u.test(char) ? '' : `"${char}" `;
	return `${shown}(${codeLabel(codePoint)}${kind ? `, ${kind}` : ''})`;
}

/** What draws the text: its name in messages. */
export type GlyphOutput = 'pdf' | 'card';
const OUTPUT_NAMES: Record<GlyphOutput, string> = { pdf: 'PDF job descriptions', card: 'link-preview cards' };

/** Where a piece of text comes from, so a character the font lacks can be reported precisely. */
export interface TextOrigin {
	/** File the text was read from, relative to the project root. */
	file: string;
	/** Field path inside the file, e.g. "sections[1].items[12].text" or "pdf.approved" (a UI string key). */
	field: string;
	/** The role and locale of the PDF being made. */
	role?: string;
	locale?: string;
	/** For a card: which one, e.g. "og/ru/roles/key-account-manager.png". */
	card?: string;
	/** For a text of the clause library: where a role shows it, e.g. "sales-lead v2, ru 4.1". */
	usedBy?: string;
}

/** The UI strings file of a locale, as glyph problems name it. */
export const uiStringsFile = (locale: string) => `src/i18n/strings/${locale}.json`;

/** Text that `output` would draw with a font lacking `missing`. */
export interface GlyphFinding {
	output: GlyphOutput;
	/** Font family, e.g. "DejaVu Sans" (the bold face is the same family). */
	family: string;
	origin: TextOrigin;
	/** The text as it would be drawn. */
	text: string;
	missing: MissingChar[];
}

/** A character no embedded face can draw: the PDF or card would show a blank or a box, so this is an error. */
export class MissingGlyphError extends Error {
	readonly origin: TextOrigin;
	/** The first character the font lacks. */
	readonly char: string;
	readonly codePoint: number;

	constructor(readonly finding: GlyphFinding) {
		const { origin, missing, family, output } = finding;
		const where = origin.card ? ` on the card ${origin.card}` : origin.role ? ` in role "${origin.role}", locale "${origin.locale}"` : '';
		const font = output === 'pdf' ? 'the PDF font' : 'the link-preview card font';
		super(
			`${origin.file}: ${origin.field}: ${font} (${family}) cannot draw ${missing.map((one) => `"${one.char}" (${codeLabel(one.codePoint)})`).join(', ')}` +
				`${where}. Replace the character or remove it.`,
		);
		this.name = 'MissingGlyphError';
		this.origin = origin;
		this.char = missing[0]!.char;
		this.codePoint = missing[0]!.codePoint;
	}
}

/** A short piece of `text` around the first missing character, for the "found" part of a problem. */
function excerpt(text: string, missing: MissingChar): string {
	const chars = [...text.replace(/\s+/g, ' ').trim()];
	const at = chars.indexOf(missing.char);
	if (chars.length <= 60 || at < 0) return chars.join('');
	const start = Math.max(0, Math.min(at - 30, chars.length - 60));
	return `${start > 0 ? '…' : ''}${chars.slice(start, start + 60).join('')}${start + 60 < chars.length ? '…' : ''}`;
}

const list = (words: string[], and: string) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`);

/**
 * The findings as content problems, worded for HR: one per file, field and the outputs that
 * cannot draw it (a UI string used by every role, a title on the PDFs and the cards in every
 * locale showing it, is reported once).
 */
export function glyphProblems(findings: readonly GlyphFinding[], lineOf: (file: string, field: string) => number | undefined = () => undefined): Problem[] {
	// Per field and character: which outputs cannot draw it, and a text it occurs in.
	type Entry = { char: MissingChar; outputs: Set<GlyphOutput>; families: Set<string>; text: string };
	const fields = new Map<string, { origin: TextOrigin; chars: Map<number, Entry>; usedBy: Set<string> }>();
	for (const finding of findings) {
		const key = `${finding.origin.file}\0${finding.origin.field}`;
		let field = fields.get(key);
		if (!field) fields.set(key, (field = { origin: finding.origin, chars: new Map(), usedBy: new Set() }));
		if (finding.origin.usedBy) field.usedBy.add(finding.origin.usedBy);
		for (const char of finding.missing) {
			let entry = field.chars.get(char.codePoint);
			if (!entry) field.chars.set(char.codePoint, (entry = { char, outputs: new Set(), families: new Set(), text: finding.text }));
			entry.outputs.add(finding.output);
			entry.families.add(finding.family);
		}
	}
	const problems: Problem[] = [];
	for (const { origin, chars, usedBy } of fields.values()) {
		const uses = [...usedBy];
		const shownIn = uses.length === 0 ? '' : ` (a clause of the library, shown in ${uses.slice(0, 5).join('; ')}${uses.length > 5 ? ` and ${uses.length - 5} more` : ''})`;
		const line = lineOf(origin.file, origin.field);
		const groups = new Map<string, Entry[]>();
		for (const entry of chars.values()) {
			const key = `${[...entry.outputs].sort().join()}\0${[...entry.families].sort().join()}`;
			groups.set(key, [...(groups.get(key) ?? []), entry]);
		}
		for (const entries of groups.values()) {
			const { outputs, families, text } = entries[0]!;
			const what = list(
				(['pdf', 'card'] as const).filter((output) => outputs.has(output)).map((output) => OUTPUT_NAMES[output]),
				'and the',
			);
			const one = entries.length === 1;
			const message =
				`${list(entries.map((entry) => describeChar(entry.char)), 'and')} cannot be shown: the font of the ${what} (${[...families].join(', ')}) ` +
				`has no such ${one ? 'character' : 'characters'}, so ${one ? 'it' : 'they'} would appear as an empty box. ` +
				`Remove ${one ? 'it' : 'them'} or replace ${one ? 'it' : 'them'} with words${shownIn}`;
			problems.push({ severity: 'error', file: origin.file, ...(line ? { line } : {}), path: origin.field, message, found: excerpt(text, entries[0]!.char) });
		}
	}
	return problems;
}
