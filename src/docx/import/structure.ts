/**
 * Step one of an import: the paragraphs of a Word job description → its structure, with
 * nothing dropped. The classic form is recognised block by block — approval block, title
 * (and department), numbered sections with their intro and items (numbered as typed text
 * "2.13.", "1.6.1", "3)" or by Word's automatic numbering, sub-items by number, list level,
 * bullet or a lead-in ending in ":"), agreement block, familiarisation sheet — and every
 * paragraph that fits nowhere is kept as "unplaced", with its paragraph number.
 */
import type { SectionKind } from '../../model/schema/index.ts';
import type { UiStrings } from '../../model/types.ts';
import { allParagraphs, type DocxContent, type DocxParagraph, type DocxTable } from '../read.ts';
import { escapeRegExp, fold, hasCue, isFormLine, isShouting, printedName, type PrintedName } from './text.ts';
import { LABEL_STRINGS, LABELS, SECTION_HEADINGS, type LabelKind } from './vocabulary.ts';

export interface ParsedItem {
	text: string;
	/** Paragraph number in the document. */
	paragraph: number;
	/** The number as the document shows it ("2.13", "3)"), typed or by Word. */
	label?: string;
	items: ParsedItem[];
}

export interface ParsedSection {
	kind: SectionKind;
	/** The heading as written, without its number. */
	heading: string;
	paragraph: number;
	/** The section's own number in the document, when it has one. */
	number?: number;
	intro?: string;
	items: ParsedItem[];
}

export interface ParsedSignatory {
	/** The position as written above or beside the signature line. */
	title?: string;
	name?: PrintedName;
	paragraph: number;
}

export interface Unplaced {
	paragraph: number;
	text: string;
	/** Where it was: "before the first section", "after 2.11", "in the agreement block"… */
	where: string;
}

export interface ParsedDocument {
	title?: { text: string; paragraph: number; fromLabel: boolean };
	/** Paragraphs of the title block (between the approval block and the first section). */
	titleBlock: string[];
	approval?: ParsedSignatory;
	agreed: ParsedSignatory[];
	number?: string;
	version?: number;
	fingerprint?: string;
	sections: ParsedSection[];
	unplaced: Unplaced[];
	/** Things a person should know: numbering that differs from the position, guesses made. */
	notes: string[];
	/** Locale votes from headings, labels and letters; the caller decides. */
	localeVotes: Record<string, number>;
	/** Names written in the familiarisation sheet (not imported: sign-offs live in content/sign-offs.yaml). */
	sheetNames: string[];
	fallbackNotice: boolean;
	properties: DocxContent['properties'];
	trackedChanges: DocxContent['trackedChanges'];
	paragraphCount: number;
}

interface Phrase {
	folded: string;
	locale?: string;
}

/** What to recognise, from the vocabulary and the UI strings of the configured locales. */
export class Recogniser {
	readonly headings: { kind: Exclude<SectionKind, 'custom'>; phrase: Phrase }[] = [];
	readonly labels = new Map<LabelKind, Phrase[]>();
	readonly meta: { field: 'number' | 'version' | 'fingerprint' | 'effective' | 'page'; pattern: RegExp; locale: string }[] = [];
	readonly fallback: RegExp[] = [];
	readonly companyNames: string[];

	constructor(strings: Record<string, UiStrings>, companyNames: string[], customHeadings: string[] = []) {
		const add = (kind: Exclude<SectionKind, 'custom'>, text: string, locale?: string) => {
			const folded = fold(text);
			if (folded && !this.headings.some((h) => h.kind === kind && h.phrase.folded === folded)) this.headings.push({ kind, phrase: { folded, ...(locale ? { locale } : {}) } });
		};
		for (const [kind, byLocale] of Object.entries(SECTION_HEADINGS) as [Exclude<SectionKind, 'custom'>, Record<string, string[]>][]) {
			for (const [locale, phrases] of Object.entries(byLocale)) for (const phrase of phrases) add(kind, phrase, locale);
			for (const [locale, ui] of Object.entries(strings)) if (ui[`section.${kind}`]) add(kind, ui[`section.${kind}`]!, locale);
		}
		void customHeadings;
		// Longest first: "arbeidsoppgaver og plikter" before "arbeidsoppgaver", "ansvarsomrader" before "ansvar".
		this.headings.sort((a, b) => b.phrase.folded.length - a.phrase.folded.length);

		for (const [kind, byLocale] of Object.entries(LABELS) as [LabelKind, Record<string, string[]>][]) {
			const phrases: Phrase[] = [];
			for (const [locale, list] of Object.entries(byLocale)) for (const phrase of list) phrases.push({ folded: phrase.endsWith('*') ? `${fold(phrase.slice(0, -1))}*` : fold(phrase), locale });
			for (const [locale, ui] of Object.entries(strings)) for (const key of LABEL_STRINGS[kind]) if (ui[key]) phrases.push({ folded: fold(ui[key]!), locale });
			this.labels.set(kind, phrases.sort((a, b) => b.folded.length - a.folded.length));
		}

		const template = (value: string, fields: Record<string, string>) =>
			new RegExp(
				value
					.split(/(\{\w+\})/)
					.map((part) => {
						const name = /^\{(\w+)\}$/.exec(part)?.[1];
						return name ? (fields[name] ?? '.+?') : escapeRegExp(part).replace(/\s+/g, '\\s*');
					})
					.join(''),
				'iu',
			);
		for (const [locale, ui] of Object.entries(strings)) {
			if (ui['pdf.documentNumber']) this.meta.push({ field: 'number', pattern: template(ui['pdf.documentNumber'], { number: '([^\\s·|,;]+)' }), locale });
			if (ui['pdf.version']) this.meta.push({ field: 'version', pattern: template(ui['pdf.version'], { version: '(\\d+)' }), locale });
			if (ui['pdf.fingerprint']) this.meta.push({ field: 'fingerprint', pattern: template(ui['pdf.fingerprint'], { fingerprint: '([0-9a-f]{8})' }), locale });
			if (ui['pdf.effective']) this.meta.push({ field: 'effective', pattern: template(ui['pdf.effective'], { date: '(.+?)' }), locale });
			if (ui['pdf.page']) this.meta.push({ field: 'page', pattern: template(ui['pdf.page'], { page: '\\d*', pages: '\\d*' }), locale });
			if (ui['pdf.fallbackNotice']) this.fallback.push(template(ui['pdf.fallbackNotice'], {}));
		}
		this.companyNames = companyNames.map(fold).filter(Boolean);
	}

	/** The label a paragraph is, and the text after it ("УТВЕРЖДАЮ Генеральный директор" → the title). */
	label(text: string): { kind: LabelKind; rest: string; locale?: string } | undefined {
		const folded = fold(text);
		if (!folded) return undefined;
		for (const [kind, phrases] of this.labels) {
			for (const phrase of phrases) {
				const stem = phrase.folded.endsWith('*');
				const cue = stem ? phrase.folded.slice(0, -1) : phrase.folded;
				if (folded === cue || folded.startsWith(`${cue} `) || (stem && folded.startsWith(cue))) {
					const restWords = folded.slice(cue.length).trim().split(' ').filter(Boolean).length;
					const rest = restWords === 0 ? '' : text.trim().split(/\s+/).slice(-restWords).join(' ');
					return { kind, rest, ...(phrase.locale ? { locale: phrase.locale } : {}) };
				}
			}
		}
		return undefined;
	}

	/** The section kind a heading names: its words start with a known heading. */
	kind(heading: string): { kind: Exclude<SectionKind, 'custom'>; locale?: string } | undefined {
		const folded = fold(heading);
		for (const { kind, phrase } of this.headings) {
			if (folded === phrase.folded || folded.startsWith(`${phrase.folded} `)) return { kind, ...(phrase.locale ? { locale: phrase.locale } : {}) };
		}
		return undefined;
	}
}

// ————— markers at the start of a paragraph —————

const ROMAN = /^([IVXLC]{1,6})[.)]\s+(.+)$/;
const TYPED_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(\.|\))?\s+(\S.*)$/s;
const SECTION_WORD = /^(?:section|part|раздел|часть|abschnitt|teil|avsnitt|del|kapittel|bölüm|kısım)\s+(\d{1,2}|[IVXLC]{1,6})[.:)]?\s+(.+)$/iu;
const LETTER = /^([a-zа-я])\)\s+(\S.*)$/su;
const BULLET = /^[-–—•·●○■▪◦*]\s*(\S.*)$/su;

function romanValue(text: string): number {
	const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
	let total = 0;
	for (let i = 0; i < text.length; i++) {
		const value = values[text[i]!]!;
		const next = values[text[i + 1] ?? ''] ?? 0;
		total += value < next ? -value : value;
	}
	return total;
}

type Marker =
	| { kind: 'typed'; parts: number[]; label: string; text: string }
	| { kind: 'auto'; ilvl: number; label: string; text: string }
	| { kind: 'bullet'; ilvl?: number; label?: string; text: string }
	| { kind: 'none'; text: string };

function markerOf(paragraph: DocxParagraph): Marker {
	const text = paragraph.text.replace(/\s*\n\s*/g, ' ').trim();
	const numbering = paragraph.numbering;
	if (numbering) {
		if (numbering.format === 'bullet' || numbering.format === 'none') return { kind: 'bullet', ilvl: numbering.ilvl, label: numbering.label, text };
		if (/letter|russian|aiueo|iroha/i.test(numbering.format)) return { kind: 'bullet', ilvl: numbering.ilvl, label: numbering.label, text };
		return { kind: 'auto', ilvl: numbering.ilvl, label: numbering.label.replace(/[.)]$/, ''), text };
	}
	const typed = TYPED_NUMBER.exec(text);
	if (typed && (typed[2] || typed[1]!.includes('.'))) {
		const parts = typed[1]!.split('.').map(Number);
		if (parts.every((part) => part > 0 && part < 500)) return { kind: 'typed', parts, label: typed[1]!, text: typed[3]!.trim() };
	}
	const letter = LETTER.exec(text);
	if (letter) return { kind: 'bullet', label: `${letter[1]})`, text: letter[2]!.trim() };
	const bullet = BULLET.exec(text);
	if (bullet) return { kind: 'bullet', text: bullet[1]!.trim() };
	return { kind: 'none', text };
}

/** The heading text and its number: "1. General provisions", "I. Общие положения", "Section 2: Duties". */
function headingParts(paragraph: DocxParagraph): { text: string; number?: number } {
	const text = paragraph.text.replace(/\s*\n\s*/g, ' ').trim();
	const word = SECTION_WORD.exec(text);
	if (word) return { text: word[2]!.trim(), number: /^\d+$/.test(word[1]!) ? Number(word[1]) : romanValue(word[1]!.toUpperCase()) };
	const roman = ROMAN.exec(text);
	if (roman) return { text: roman[2]!.trim(), number: romanValue(roman[1]!) };
	const typed = TYPED_NUMBER.exec(text);
	if (typed && !typed[1]!.includes('.')) return { text: typed[3]!.trim(), number: Number(typed[1]) };
	if (paragraph.numbering && paragraph.numbering.format !== 'bullet') {
		const label = paragraph.numbering.label.replace(/[.)]$/, '');
		const number = /^\d+$/.test(label) ? Number(label) : /^[IVXLC]+$/i.test(label) ? romanValue(label.toUpperCase()) : undefined;
		return { text, ...(number !== undefined ? { number } : {}) };
	}
	return { text };
}

// ————— the interpreter —————

interface OpenSection {
	section: ParsedSection;
	/** How typed numbers count: "2.13" (section first) or "13" (items only). */
	style?: 'qualified' | 'local';
	/** Word list level of the section's first-level items. */
	autoBase?: number;
	/** The list level of the section heading, when the heading is in the same list as its items. */
	headingList?: { numId: string; ilvl: number };
	/** The last item at each depth (index 0 = depth 1). */
	stack: ParsedItem[];
	/** How far typed numbers are off from the items' places, after the last note about it. */
	offset?: string;
	/** Depth and list level of the last bullet or unnumbered sub-item, while a run of them lasts. */
	run?: { depth: number; ilvl?: number };
}

export function interpretDocument(content: DocxContent, recogniser: Recogniser): ParsedDocument {
	const doc: ParsedDocument = {
		titleBlock: [],
		agreed: [],
		sections: [],
		unplaced: [],
		notes: [],
		localeVotes: {},
		sheetNames: [],
		fallbackNotice: false,
		properties: content.properties,
		trackedChanges: content.trackedChanges,
		paragraphCount: allParagraphs(content).length,
	};
	const vote = (locale: string | undefined, weight: number) => {
		if (locale) doc.localeVotes[locale] = (doc.localeVotes[locale] ?? 0) + weight;
	};

	// Document number, version and fingerprint from the header and footer (and the title block, below).
	for (const line of [...content.headers, ...content.footers]) readMeta(line, doc, recogniser);

	type Phase = 'front' | 'sections' | 'agreed' | 'sheet';
	let phase = 'front' as Phase;
	let open: OpenSection | undefined;
	let expectTitle = false;
	let pendingAgreed: ParsedSignatory | undefined;

	const unplaced = (paragraph: DocxParagraph, where?: string) => {
		doc.unplaced.push({ paragraph: paragraph.index, text: paragraph.text.replace(/\s*\n\s*/g, ' ').trim(), where: where ?? whereNow() });
	};
	const whereNow = (): string => {
		if (phase === 'front') return 'before the first section';
		if (phase === 'agreed') return 'in the agreement block';
		if (phase === 'sheet') return 'in the familiarisation sheet';
		const last = open?.stack[open.stack.length - 1];
		return last ? `after ${numberPath(open!)}` : `in section ${doc.sections.length} ("${open?.section.heading}")`;
	};

	const startSection = (paragraph: DocxParagraph, kind: SectionKind, heading: string, number?: number, locale?: string) => {
		vote(locale, 3);
		const section: ParsedSection = { kind, heading, paragraph: paragraph.index, ...(number !== undefined ? { number } : {}), items: [] };
		doc.sections.push(section);
		open = {
			section,
			stack: [],
			...(paragraph.numbering && paragraph.numbering.format !== 'bullet' ? { headingList: { numId: paragraph.numbering.numId, ilvl: paragraph.numbering.ilvl } } : {}),
		};
		phase = 'sections';
	};

	/** A paragraph that starts a section, or undefined. */
	const sectionHeading = (paragraph: DocxParagraph, marker: Marker): { kind: SectionKind; heading: string; number?: number; locale?: string } | undefined => {
		if (paragraph.table) return undefined;
		const styled = paragraph.headingLevel !== undefined && paragraph.headingLevel <= 2;
		const { text, number } = headingParts(paragraph);
		if (!text) return undefined;
		const wordCount = text.split(/\s+/).length;
		const endsLikeLeadIn = /[:;]$/.test(text);
		// An item of a list, not a heading: "2.1 Duties…", or a list paragraph deeper than the heading level.
		if (marker.kind === 'typed' && marker.parts.length > 1) return undefined;
		if (marker.kind === 'bullet') return undefined;
		// In the list of the section headings: a deeper level is an item, the same level a heading.
		const sameListAsHeadings = open?.headingList && paragraph.numbering && paragraph.numbering.numId === open.headingList.numId;
		if (sameListAsHeadings && paragraph.numbering!.ilvl > open!.headingList!.ilvl) return undefined;
		const known = recogniser.kind(text);
		if (sameListAsHeadings && paragraph.numbering!.ilvl === open!.headingList!.ilvl && !endsLikeLeadIn) {
			return { kind: known?.kind ?? 'custom', heading: text, ...(number !== undefined ? { number } : {}), ...(known?.locale ? { locale: known.locale } : {}) };
		}
		// Items of another list are items, unless styled as headings.
		if (marker.kind === 'auto' && !styled && open && open.section.items.length > 0 && (!known || wordCount > 6)) return undefined;
		if (known) {
			if (endsLikeLeadIn && !styled) return undefined;
			if (!styled && wordCount > 10) return undefined;
			return { kind: known.kind, heading: text, ...(number !== undefined ? { number } : {}), ...(known.locale ? { locale: known.locale } : {}) };
		}
		// A heading the vocabulary does not know: a custom section.
		if (styled && !endsLikeLeadIn && wordCount <= 14) return { kind: 'custom', heading: text, ...(number !== undefined ? { number } : {}) };
		if (phase === 'sections' && open && !endsLikeLeadIn && wordCount <= 10 && !/[.;,]$/.test(text)) {
			const previous = open.section.number ?? doc.sections.length;
			const nextNumber = number !== undefined && number === previous + 1 && open.style === 'qualified';
			if ((nextNumber && (paragraph.bold || isShouting(text))) || (number === undefined && marker.kind === 'none' && isShouting(text) && text.length >= 4)) {
				return { kind: 'custom', heading: text, ...(number !== undefined ? { number } : {}) };
			}
		}
		return undefined;
	};

	const place = (depth: number, item: ParsedItem) => {
		const section = open!;
		const at = Math.max(1, Math.min(depth, section.stack.length + 1));
		if (at !== depth) doc.notes.push(`paragraph ${item.paragraph}: "${short(item.text)}" is numbered ${item.label ?? ''} as a level-${depth} item with no item above it; imported one level up`);
		if (at === 1) section.section.items.push(item);
		else section.stack[at - 2]!.items.push(item);
		section.stack = [...section.stack.slice(0, at - 1), item];
	};

	const placeItem = (paragraph: DocxParagraph, marker: Marker) => {
		const section = open!;
		const item = (text: string, label?: string): ParsedItem => ({ text, paragraph: paragraph.index, ...(label ? { label } : {}), items: [] });
		if (marker.kind === 'typed') {
			const sectionNumber = section.section.number ?? doc.sections.length;
			// The first numbered paragraph of a section is never a sub-item: "1.1" there means section.item.
			if (!section.style) section.style = marker.parts.length >= 2 ? 'qualified' : 'local';
			const depth = section.style === 'qualified' ? marker.parts.length - 1 : marker.parts.length;
			if (section.style === 'qualified' && marker.parts[0] !== sectionNumber) {
				doc.notes.push(`paragraph ${paragraph.index}: "${marker.label}" is in section ${doc.sections.length} ("${section.section.heading}"); imported as an item of that section`);
			}
			section.run = undefined;
			place(Math.max(1, depth), item(marker.text, marker.label));
			checkNumber(section, marker, paragraph);
			return;
		}
		if (marker.kind === 'auto') {
			if (section.autoBase === undefined) section.autoBase = section.headingList && paragraph.numbering?.numId === section.headingList.numId ? section.headingList.ilvl + 1 : marker.ilvl;
			section.run = undefined;
			place(marker.ilvl - section.autoBase + 1, item(marker.text, marker.label));
			return;
		}
		if (marker.kind === 'bullet') {
			const run = section.run;
			// A run of bullets keeps its depth (deeper or shallower by its list level); the first bullet goes under the last item.
			const depth = run
				? marker.ilvl !== undefined && run.ilvl !== undefined
					? Math.max(1, run.depth + marker.ilvl - run.ilvl)
					: run.depth
				: section.stack.length + 1;
			section.run = { depth, ...(marker.ilvl !== undefined ? { ilvl: marker.ilvl } : {}) };
			place(depth, item(marker.text, marker.label));
			return;
		}
		// An unnumbered paragraph: the intro, a sub-item under a lead-in ending in ":", or unplaced.
		const last = section.stack[section.stack.length - 1];
		if (section.section.items.length === 0) {
			if (section.section.intro === undefined) {
				section.section.intro = marker.text;
				return;
			}
			if (/:$/.test(section.section.intro)) {
				if (!section.run) doc.notes.push(`section ${doc.sections.length} ("${section.section.heading}"): its items are not numbered; Rolebook numbers them in order`);
				section.run = { depth: 1 };
				place(1, item(marker.text));
				return;
			}
			unplaced(paragraph);
			return;
		}
		if (section.run) {
			place(section.run.depth, item(marker.text));
			return;
		}
		if (last && /:\s*$/.test(last.text)) {
			section.run = { depth: section.stack.length + 1 };
			place(section.run.depth, item(marker.text));
			return;
		}
		if (!section.style && !section.autoBase && /:\s*$/.test(section.section.intro ?? '')) {
			section.run = { depth: 1 };
			place(1, item(marker.text));
			return;
		}
		unplaced(paragraph);
	};

	const checkNumber = (section: OpenSection, marker: Extract<Marker, { kind: 'typed' }>, paragraph: DocxParagraph) => {
		const position = positionPath(section);
		const typed = section.style === 'qualified' ? marker.parts.slice(1) : marker.parts;
		const offset = typed.length === position.length ? typed.map((n, i) => n - position[i]!).join(',') : 'depth';
		if (offset.split(',').every((n) => n === '0')) {
			section.offset = undefined;
			return;
		}
		// One note per run of numbers that are off in the same way (an item skipped or typed twice shifts all after it).
		if (section.offset === offset) return;
		section.offset = offset;
		const number = [doc.sections.length, ...position].join('.');
		doc.notes.push(`paragraph ${paragraph.index}: typed "${marker.label}" where item ${number} was expected; Rolebook numbers items by their place, so it becomes ${number} (and the items after it follow)`);
	};

	const readApproval = (lines: { text: string; paragraph: number }[]) => {
		const signatory: ParsedSignatory = { paragraph: lines[0]?.paragraph ?? 0 };
		for (const line of lines) {
			if (isFormLine(line.text)) continue;
			const named = printedName(line.text);
			if (named && !signatory.name) {
				signatory.name = named.name;
				if (named.before && !signatory.title && !isFormLine(named.before)) signatory.title = named.before;
			} else if (!signatory.title && line.text.trim()) signatory.title = line.text.trim();
		}
		doc.approval = signatory;
	};

	const readSignatoryLine = (text: string, paragraph: number, pending: ParsedSignatory | undefined): ParsedSignatory | undefined => {
		if (isFormLine(text)) return pending;
		const named = printedName(text);
		if (named) {
			const title = named.before && !isFormLine(named.before) ? named.before : pending?.title;
			doc.agreed.push({ ...(title ? { title } : {}), name: named.name, paragraph: pending?.paragraph ?? paragraph });
			return undefined;
		}
		if (pending?.title) doc.agreed.push(pending);
		return { title: text.replace(/_+/g, ' ').trim(), paragraph };
	};

	const blocks = content.blocks;
	for (let b = 0; b < blocks.length; b++) {
		const block = blocks[b]!;
		if (block.kind === 'table') {
			const handled = readTable(block.table);
			if (handled) continue;
		}
		const paragraphs = block.kind === 'paragraph' ? [block.paragraph] : block.table.rows.flat(2);
		for (let i = 0; i < paragraphs.length; i++) {
			const paragraph = paragraphs[i]!;
			const text = paragraph.text.replace(/\s*\n\s*/g, ' ').trim();
			if (!text) continue;
			const marker = markerOf(paragraph);

			if (recogniser.fallback.some((pattern) => pattern.test(text))) {
				doc.fallbackNotice = true;
				continue;
			}
			if (phase !== 'sections' && readMeta(text, doc, recogniser)) continue;
			if (isFormLine(text)) continue;

			const label = marker.kind === 'none' || phase !== 'sections' ? recogniser.label(text) : undefined;
			if (label && !(phase === 'sections' && marker.kind !== 'none')) {
				vote(label.locale, 1);
				if (label.kind === 'approved' && phase === 'front') {
					// The approval block: the next few lines (title, signature line with name, date line).
					const lines: { text: string; paragraph: number }[] = label.rest ? [{ text: label.rest, paragraph: paragraph.index }] : [];
					let j = i + 1;
					const source = paragraphs;
					while (j < source.length && lines.length < 4) {
						const next = source[j]!;
						if (recogniser.label(next.text) || recogniser.kind(next.text)) break;
						lines.push({ text: next.text, paragraph: next.index });
						j++;
					}
					if (block.kind === 'paragraph') {
						// Flow paragraphs: look ahead in the following blocks.
						let k = b + 1;
						while (k < blocks.length && lines.length < 4 && blocks[k]!.kind === 'paragraph') {
							const next = (blocks[k] as { kind: 'paragraph'; paragraph: DocxParagraph }).paragraph;
							if (recogniser.label(next.text) || recogniser.kind(headingParts(next).text) || approvalEnds(next)) break;
							lines.push({ text: next.text, paragraph: next.index });
							k++;
						}
						b = k - 1;
					} else i = j - 1;
					readApproval(lines);
					continue;
				}
				if (label.kind === 'jobDescription' && phase === 'front') {
					if (label.rest) doc.title = { text: label.rest, paragraph: paragraph.index, fromLabel: true };
					else expectTitle = true;
					continue;
				}
				if (label.kind === 'agreed') {
					phase = 'agreed';
					continue;
				}
				if (label.kind === 'familiarisation' || label.kind === 'acknowledgement') {
					phase = 'sheet';
					continue;
				}
			}

			if (phase === 'sheet') {
				if (/^\d+\.?$/.test(text)) continue;
				const named = printedName(text);
				if (paragraph.table && (named || /^\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}.'’-]*){1,2}$/u.test(text))) {
					doc.sheetNames.push(text);
					continue;
				}
				if (paragraph.table && paragraph.table.row === 0) continue;
				unplaced(paragraph);
				continue;
			}
			if (phase === 'agreed') {
				const heading = sectionHeading(paragraph, marker);
				if (heading) {
					startSection(paragraph, heading.kind, heading.heading, heading.number, heading.locale);
					continue;
				}
				pendingAgreed = readSignatoryLine(text, paragraph.index, pendingAgreed);
				continue;
			}

			const heading = sectionHeading(paragraph, marker);
			if (heading) {
				if (pendingAgreed) {
					doc.agreed.push(pendingAgreed);
					pendingAgreed = undefined;
				}
				startSection(paragraph, heading.kind, heading.heading, heading.number, heading.locale);
				continue;
			}

			if (phase === 'front') {
				if (recogniser.companyNames.includes(fold(text))) continue;
				if (!doc.title && (expectTitle || paragraph.styleId === 'Title' || paragraph.styleId === 'Subtitle')) {
					doc.title = { text, paragraph: paragraph.index, fromLabel: expectTitle };
					expectTitle = false;
					continue;
				}
				if (marker.kind === 'none' && text.split(/\s+/).length <= 8 && doc.title) {
					doc.titleBlock.push(text);
					continue;
				}
				unplaced(paragraph);
				continue;
			}
			placeItem(paragraph, marker);
		}
	}
	if (pendingAgreed) doc.agreed.push(pendingAgreed);

	// Letters: a tie-breaker for the language.
	const all = allParagraphs(content)
		.map((paragraph) => paragraph.text)
		.join(' ');
	const letters = all.replace(/[^\p{L}]/gu, '');
	const share = (pattern: RegExp) => (letters.match(pattern)?.length ?? 0) / Math.max(1, letters.length);
	if (share(/\p{Script=Cyrillic}/gu) > 0.3) vote('ru', 5);
	if (/[ğşıİ]/u.test(all)) vote('tr', 3);
	if (/[æø]/iu.test(all)) vote('nb', 3);
	if (/å/iu.test(all) && /[äö]/iu.test(all)) vote('sv', 3);
	if (/ß/u.test(all) || (/[äöü]/iu.test(all) && !/å/iu.test(all))) vote('de', 2);
	return doc;

	function readTable(table: DocxTable): boolean {
		const cells = table.rows.map((row) => row.map((cell) => cell.map((p) => p.text.trim()).filter(Boolean)));
		const flat = cells.flat(2);
		if (flat.length === 0) return true;
		const labelled = flat.map((text) => recogniser.label(text));
		const approvedAt = labelled.findIndex((label) => label?.kind === 'approved');
		if (approvedAt >= 0 && phase === 'front') {
			vote(labelled[approvedAt]!.locale, 1);
			const lines = table.rows.flat(2).filter((p) => p.text.trim());
			const rest = labelled[approvedAt]!.rest;
			const after = lines.slice(approvedAt + 1).map((p) => ({ text: p.text, paragraph: p.index }));
			readApproval(rest ? [{ text: rest, paragraph: lines[approvedAt]!.index }, ...after] : after);
			const others = lines.slice(0, approvedAt);
			for (const p of others) unplaced(p, 'beside the approval block');
			return true;
		}
		if (phase === 'agreed' && !labelled.some((label) => label && label.kind !== 'agreed')) {
			for (const row of table.rows) {
				const texts = row.map((cell) => cell.map((p) => p.text.trim()).filter(Boolean).join(' ')).filter(Boolean);
				const paragraph = row.flat()[0]?.index ?? 0;
				let pending: ParsedSignatory | undefined;
				for (const text of texts) pending = readSignatoryLine(text, paragraph, pending);
				if (pending?.title) doc.agreed.push(pending);
			}
			return true;
		}
		return false;
	}
}

/** A paragraph that cannot belong to an approval block in flow text: long or numbered. */
function approvalEnds(paragraph: DocxParagraph): boolean {
	return paragraph.text.split(/\s+/).length > 12 || Boolean(paragraph.numbering) || TYPED_NUMBER.test(paragraph.text);
}

/** Header, footer and title-block lines: "Document No. JD-SAL-002 · Version 1", "Fingerprint 1a2b3c4d". True when the line was one. */
function readMeta(line: string, doc: ParsedDocument, recogniser: Recogniser): boolean {
	let matched = false;
	for (const { field, pattern } of recogniser.meta) {
		const match = pattern.exec(line);
		if (!match) continue;
		if (field === 'number' && !doc.number && match[1]) doc.number = match[1];
		if (field === 'version' && doc.version === undefined && match[1]) doc.version = Number(match[1]);
		if (field === 'fingerprint' && !doc.fingerprint && match[1]) doc.fingerprint = match[1];
		matched = true;
	}
	if (!matched) return false;
	// Only a line made of meta parts is meta: "Document No. X · Version 1 · Effective from …".
	let rest = line;
	for (const { pattern } of recogniser.meta) rest = rest.replace(pattern, ' ');
	for (const name of recogniser.companyNames) if (fold(rest).startsWith(name)) rest = '';
	return fold(rest).split(' ').filter(Boolean).length <= 3;
}

function positionPath(section: OpenSection): number[] {
	const path: number[] = [];
	let list = section.section.items;
	for (const item of section.stack) {
		path.push(list.indexOf(item) + 1);
		list = item.items;
	}
	return path;
}

function numberPath(section: OpenSection): string {
	return [section.section.number ?? '', ...positionPath(section)].join('.').replace(/^\./, '');
}

function short(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export type { LabelKind };
