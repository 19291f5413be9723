/**
 * Text helpers for reading Word documents written by people: folding for comparison (case,
 * accents, Turkish dotless i, Russian ё), loose word matching for inflected languages
 * ("генерального директора" is "Генеральный директор"), transliteration for ids, and the
 * names printed under signature lines ("Volkova A.S.").
 */

/** Lower case, no accents, "ı" → "i", "ё" → "е", punctuation → spaces, single spaces. */
export function fold(text: string): string {
	return text
		.replace(/[İI]/g, (c) => (c === 'İ' ? 'i' : 'i'))
		.toLowerCase()
		.replace(/ı/g, 'i')
		.replace(/ß/g, 'ss')
		.replace(/[æ]/g, 'ae')
		.replace(/[ø]/g, 'o')
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export function words(text: string): string[] {
	const folded = fold(text);
	return folded ? folded.split(' ') : [];
}

/** Two words are the same word in another grammatical form: equal, or sharing all but a short ending. */
export function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	const shorter = Math.min(a.length, b.length);
	if (shorter < 4) return false;
	let common = 0;
	while (common < shorter && a[common] === b[common]) common++;
	return common >= Math.max(4, Math.max(a.length, b.length) - 4);
}

/** Where the phrase occurs in the text's words, loosely (see sameWord): token start indexes. */
export function findPhrase(textWords: readonly string[], phrase: readonly string[]): number[] {
	const found: number[] = [];
	if (phrase.length === 0) return found;
	for (let start = 0; start + phrase.length <= textWords.length; start++) {
		if (phrase.every((word, i) => sameWord(textWords[start + i]!, word))) found.push(start);
	}
	return found;
}

/**
 * The folded text contains the cue as whole words; a cue ending in "*" matches words starting
 * with it ("отсутстви*" finds "отсутствия"). Cues are folded here, so they may be written as
 * people write them.
 */
export function hasCue(foldedText: string, cue: string): boolean {
	const stem = cue.endsWith('*');
	const folded = fold(stem ? cue.slice(0, -1) : cue);
	if (!folded) return false;
	if (stem) return ` ${foldedText}`.includes(` ${folded}`);
	return ` ${foldedText} `.includes(` ${folded} `);
}

/** Where the first cue of the list starts in the folded text (character index), or -1. */
export function cueIndex(foldedText: string, cues: readonly string[]): number {
	let best = -1;
	for (const cue of cues) {
		const stem = cue.endsWith('*');
		const folded = fold(stem ? cue.slice(0, -1) : cue);
		if (!folded) continue;
		const padded = ` ${foldedText} `;
		const at = padded.indexOf(` ${folded}${stem ? '' : ' '}`);
		if (at >= 0 && (best < 0 || at < best)) best = at;
	}
	return best;
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CYRILLIC: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
	с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/** "Менеджер по продажам" → "menedzher-po-prodazham"; "Ürün müdürü" → "urun-muduru". At most `max` characters, cut at a hyphen. */
export function kebabId(text: string, max = 60): string {
	const latin = [...text.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('');
	const id = fold(latin).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (id.length <= max) return id;
	const cut = id.slice(0, max);
	return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A person's name as printed under a signature line. */
export interface PrintedName {
	family: string;
	initials: string[];
	/** As written. */
	text: string;
}

const NAME_AFTER = /(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?)\s+(\p{Lu})\.\s?(?:(\p{Lu})\.)?\s*$/u;
const NAME_BEFORE = /(?:^|\s)(\p{Lu})\.\s?(?:(\p{Lu})\.)?\s*(\p{Lu}[\p{Ll}'’-]+)\s*$/u;

/** "…________ Volkova A.S." / "А.С. Волкова" at the end of a line → the name and what comes before it. */
export function printedName(line: string): { name: PrintedName; before: string } | undefined {
	const clean = line.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
	const after = NAME_AFTER.exec(clean);
	if (after) {
		return { name: { family: after[1]!, initials: [after[2]!, ...(after[3] ? [after[3]] : [])], text: after[0].trim() }, before: clean.slice(0, after.index).trim() };
	}
	const before = NAME_BEFORE.exec(clean);
	if (before) {
		return { name: { family: before[3]!, initials: [before[1]!, ...(before[2] ? [before[2]] : [])], text: before[0].trim() }, before: clean.slice(0, before.index).trim() };
	}
	return undefined;
}

/** A line with nothing to read: signature and date blanks ("«__» ________ 20__ г.", "__________"). */
export function isFormLine(line: string): boolean {
	if (!/[_…]{2,}/.test(line)) return false;
	const letters = line.replace(/[_…]+/g, ' ').replace(/\b(20|19)\d{0,2}\b/g, ' ').replace(/\b(г|g|yr|år)\b\.?/giu, ' ').replace(/[^\p{L}]/gu, '');
	return letters.length <= 2;
}

/** Number words people write in job descriptions ("at least once", "mindestens ein Jahr"), folded. */
const NUMBER_WORDS: Record<string, number> = {
	one: 1, once: 1, two: 2, twice: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
	один: 1, одного: 1, одной: 1, одна: 1, два: 2, двух: 2, две: 2, три: 3, трех: 3, четыре: 4, четырех: 4, пять: 5, пяти: 5, шесть: 6, шести: 6, десять: 10, десяти: 10,
	ein: 1, eine: 1, einen: 1, einem: 1, eins: 1, einmal: 1, zwei: 2, zweimal: 2, drei: 3, vier: 4, funf: 5, sechs: 6, zehn: 10, zwolf: 12,
	en: 1, ett: 1, ena: 1, to: 2, tva: 2, tre: 3, fire: 4, fyra: 4, fem: 5, seks: 6, sex: 6, ti: 10, tio: 10,
	bir: 1, iki: 2, uc: 3, dort: 4, bes: 5, alti: 6,
};

/** A folded word as a number: digits or a number word. */
export function numberOf(word: string | undefined): number | undefined {
	if (word === undefined) return undefined;
	if (/^\d+$/.test(word)) return Number(word);
	return Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word] : undefined;
}

/** First letter upper case by the locale's rules. */
export function capitalise(text: string, locale: string): string {
	return text ? text[0]!.toLocaleUpperCase(locale) + text.slice(1) : text;
}

/** "ALLGEMEINE BESTIMMUNGEN" → "Allgemeine bestimmungen" (only when every letter is upper case). */
export function unshout(text: string, locale: string): string {
	const letters = text.replace(/[^\p{L}]/gu, '');
	if (letters.length < 2 || letters !== letters.toLocaleUpperCase(locale)) return text;
	return capitalise(text.toLocaleLowerCase(locale), locale);
}

export function isShouting(text: string, locale = 'en'): boolean {
	const letters = text.replace(/[^\p{L}]/gu, '');
	return letters.length >= 3 && letters === letters.toLocaleUpperCase(locale) && letters !== letters.toLocaleLowerCase(locale);
}
