/**
 * Step two of an import: the parsed document → a role text (title, sections with topics and
 * targets) and the facts of role.yaml, resolved against the company profile and the other
 * roles (approver and agreeing signatories, department, who appoints, reporting line,
 * substitute, education, years of experience, certification). Whatever cannot be found gets a
 * valid placeholder and a TODO note, so the draft passes `rolebook check` and says what to review.
 */
import { localized, shortName, type Item, type Role, type Rolebook, type Signatory } from '../../model/index.ts';
import { REQUIRED_SECTION_KINDS, type ItemInput, type SectionKind, type TargetData } from '../../model/schema/index.ts';
import type { ParsedDocument, ParsedItem, ParsedSignatory } from './structure.ts';
import { capitalise, cueIndex, findPhrase, fold, hasCue, kebabId, numberOf, unshout, words } from './text.ts';
import {
	CATEGORY_ANCHORS,
	CATEGORY_CUES,
	DUE_DAY_PATTERNS,
	EDUCATION_CUES,
	MEASURES,
	MINIMUM_CUES,
	MONTH_WORDS,
	NO_EXPERIENCE_CUES,
	PERIOD_CUES,
	RECOMMENDATION_CUES,
	TOPIC_CUES,
	YEAR_WORDS,
} from './vocabulary.ts';

export interface SectionInput {
	kind: SectionKind;
	title?: string;
	id?: string;
	intro?: string;
	items: ItemInput[];
}

export interface TextInput {
	title: string;
	sections: SectionInput[];
}

export interface FactsInput {
	department: string;
	category: string;
	reportsTo: string;
	substitute?: string;
	appointment: { by: string; recommendedBy?: string };
	qualification: { education: string[]; experienceYears: number };
	certification?: { everyMonths: number };
	document: { number?: string; version: number; status: 'draft'; approvedBy?: string; agreedWith: string[] };
}

/** A fact left for a person: the role.yaml path and what to do. */
export interface Todo {
	path: string[];
	note: string;
}

export interface ImportedText {
	locale: string;
	text: TextInput;
	facts: FactsInput;
	todos: Todo[];
	notes: string[];
}

export interface ImportContext {
	rolebook: Rolebook;
	locale: string;
	/** The role this document is a text of, when it already exists (a translation, or a replacement). */
	role?: Role;
	/** Id the new role will get (excluded from reporting lines and substitutes). */
	id?: string;
}

type Topic = NonNullable<ItemInput['topic']>;

export function buildImport(parsed: ParsedDocument, context: ImportContext): ImportedText {
	const { rolebook, locale } = context;
	const { company } = rolebook;
	const notes: string[] = [];
	const todos: Todo[] = [];

	// ————— placeholders back: the company's name and jurisdiction phrase as {company} and {jurisdiction} —————
	const companyName = localized(company.name, locale, company.defaultLocale).value;
	const jurisdiction = localized(company.jurisdiction.phrase, locale, company.defaultLocale).value;
	let bracesReplaced = 0;
	const clean = (text: string): string => {
		let value = text.replace(/\s+/g, ' ').trim();
		if (/[{}]/.test(value)) {
			bracesReplaced++;
			value = value.replace(/\{/g, '(').replace(/\}/g, ')');
		}
		if (jurisdiction) value = value.split(jurisdiction).join('{jurisdiction}');
		if (companyName) value = value.split(companyName).join('{company}');
		return value;
	};

	// ————— title —————
	const jobDescriptionLabels = Object.values(rolebook.strings).map((strings) => strings['pdf.jobDescription']).filter(Boolean) as string[];
	let title = parsed.title?.text;
	if (!title && parsed.properties.title) {
		title = parsed.properties.title;
		for (const label of jobDescriptionLabels) if (title.toLowerCase().startsWith(`${label.toLowerCase()}:`)) title = title.slice(label.length + 1).trim();
	}
	if (!title) {
		title = context.role ? localized(Object.fromEntries(Object.entries(context.role.texts).map(([l, t]) => [l, t.title])), locale, company.defaultLocale).value : 'TODO: title';
		notes.push('no title found in the document (the paragraph after "Job description"): write the title');
	}
	title = unshout(title, locale);
	// "JOB DESCRIPTION OF THE WAREHOUSE MANAGER": no article in a title.
	if (parsed.title?.fromLabel && locale === 'en') title = title.replace(/^(?:the|a|an)\s+/i, '');
	if (parsed.title?.fromLabel && locale === 'ru') {
		// "Должностная инструкция менеджера по закупкам": the title follows in the genitive.
		const nominative = russianNominative(title);
		notes.push(nominative !== title ? `the title "${title}" follows "Должностная инструкция" in the genitive: imported as "${capitalise(nominative, locale)}"; check it` : `the title "${title}" was taken from the line after "Должностная инструкция": check its grammatical case`);
		title = nominative;
	}
	title = capitalise(title, locale);

	// ————— sections —————
	const usedKinds = new Set<string>();
	const sections: SectionInput[] = parsed.sections.map((section, index) => {
		let kind = section.kind;
		if (kind !== 'custom' && usedKinds.has(kind)) {
			notes.push(`section ${index + 1} ("${section.heading}") is a second "${kind}" section: imported as a custom section; merge it or choose another kind`);
			kind = 'custom';
		}
		usedKinds.add(kind);
		const heading = unshout(section.heading, locale);
		const defaultHeading = kind === 'custom' ? undefined : rolebook.strings[locale]?.[`section.${kind}`];
		const own: SectionInput = { kind, items: [] };
		if (kind === 'custom') {
			own.title = clean(heading);
			own.id = uniqueId(kebabId(heading, 40) || `section-${index + 1}`, parsed.sections.map((_, i) => (i < index ? kebabId(parsed.sections[i]!.heading, 40) : '')));
		} else if (!defaultHeading || fold(defaultHeading) !== fold(heading)) {
			own.title = clean(heading);
		}
		if (section.intro) own.intro = clean(section.intro);
		const toItem = (item: ParsedItem): ItemInput => ({ text: clean(item.text), ...(item.items.length > 0 ? { items: item.items.map(toItem) } : {}) });
		own.items = section.items.map(toItem);
		if (own.items.length === 0) {
			own.items = [{ text: `TODO: no items were found under "${section.heading}" (paragraph ${section.paragraph}); write them or remove the section` }];
			notes.push(`section ${index + 1} ("${section.heading}", paragraph ${section.paragraph}) has no items: a TODO item was added`);
		}
		return own;
	});
	for (const kind of REQUIRED_SECTION_KINDS) {
		if (!sections.some((section) => section.kind === kind)) {
			sections.push({ kind, items: [{ text: `TODO: the document has no "${rolebook.strings[locale]?.[`section.${kind}`] ?? kind}" section; write it` }] });
			notes.push(`no "${kind}" section found: one with a TODO item was added (every job description needs general-provisions, duties, rights and responsibility)`);
		}
	}
	if (bracesReplaced > 0) notes.push(`${bracesReplaced} text(s) had "{" or "}", which role texts use for placeholders: replaced with "(" and ")"`);

	// ————— topics and targets: copied from the default-language text of an existing role, else recognised —————
	const reference = context.role && locale !== company.defaultLocale ? context.role.texts[company.defaultLocale] : undefined;
	const sameShape = reference && reference.sections.map((s) => s.kind).join() === sections.map((s) => s.kind).join();
	if (reference && sameShape) {
		sections.forEach((section, index) => copyFacts(section.items, reference.sections[index]!.items));
	} else {
		const general = sections.find((section) => section.kind === 'general-provisions');
		if (general) assignTopics(general.items);
		for (const section of sections) {
			if (['general-provisions', 'rights', 'responsibility'].includes(section.kind)) continue;
			const visit = (items: ItemInput[]) => {
				for (const item of items) {
					const target = findTarget(item.text);
					if (target) {
						item.target = target.target;
						if (target.guessed) notes.push(`target in "${short(item.text)}": the measure "${target.target.measure}" is a guess; check it (README "items[]")`);
					}
					if (item.items) visit(item.items);
				}
			};
			visit(section.items);
		}
	}

	// ————— facts —————
	const ownPhrases = [title, ...(context.role ? Object.values(context.role.texts).map((text) => text.title) : [])].map(words);
	const parties = partyCandidates(rolebook, context.role?.id ?? context.id);
	const topicItem = (topic: Topic) => sections.find((s) => s.kind === 'general-provisions')?.items.find((item) => item.topic === topic)?.text;
	const todo = (path: string[], note: string) => todos.push({ path, note });

	const categoryText = topicItem('category');
	const category = categoryText ? categoryOf(categoryText, ownPhrases) : undefined;
	if (!category) todo(['category'], categoryText ? `the category clause "${short(categoryText)}" names no known category: set specialist, manager, performer or technical` : 'no category clause found: set specialist, manager, performer or technical');

	const appointmentText = topicItem('appointment');
	const appointment = appointmentText ? appointmentOf(appointmentText, parties, ownPhrases) : {};
	const reportingText = topicItem('reporting');
	const reportsTo = reportingText ? findParties(reportingText, parties, ownPhrases)[0] : undefined;
	const substitutionText = topicItem('substitution');
	const substitute = substitutionText ? findParties(substitutionText, parties, ownPhrases)[0] : undefined;
	const qualificationText = topicItem('qualification');
	const education = qualificationText ? educationOf(qualificationText) : [];
	const experience = qualificationText ? experienceOf(qualificationText) : undefined;
	const certificationText = topicItem('certification');
	const everyMonths = certificationText ? monthsOf(certificationText) : undefined;

	const department = departmentOf(parsed, title, rolebook, reportsTo ? parties.find((p) => p.id === reportsTo)?.department : undefined);
	const fallbackPosition = company.positions.find((position) => position.department === department?.id)?.id ?? company.positions[0]?.id ?? rolebook.roles[0]?.id ?? 'TODO';
	if (!department) todo(['department'], `department not found in the document (the line under the title): set one of ${company.departments.map((d) => d.id).join(', ')}`);
	if (!appointment.by) todo(['appointment', 'by'], appointmentText ? `who appoints is not a known position or role in "${short(appointmentText)}"` : 'no appointment clause found: who appoints and dismisses');
	if (!reportsTo) todo(['reportsTo'], reportingText ? `the manager in "${short(reportingText)}" is not a known position or role` : 'no reporting clause found: whom the role reports to');
	if (substitutionText && !substitute) todo(['substitute'], `the substitute in "${short(substitutionText)}" is not a known position or role (omitted = "a person appointed by order")`);
	if (education.length === 0) todo(['qualification', 'education'], qualificationText ? `no education level found in "${short(qualificationText)}"` : 'no qualification clause found');
	if (experience === undefined) todo(['qualification', 'experienceYears'], qualificationText ? `no years of experience found in "${short(qualificationText)}"` : 'no qualification clause found');

	const approver = parsed.approval ? signatoryOf(parsed.approval, rolebook) : undefined;
	if (parsed.approval && !approver) {
		todo(['document', 'approvedBy'], `the approval block names ${describe(parsed.approval)}, who is not a signatory of content/company.yaml: add them there, then set approvedBy`);
	} else if (!parsed.approval) todo(['document', 'approvedBy'], 'no approval block found: set approvedBy before approving');
	const agreedWith: string[] = [];
	for (const line of parsed.agreed) {
		const who = signatoryOf(line, rolebook);
		if (who && !agreedWith.includes(who.id) && who.id !== approver?.id) agreedWith.push(who.id);
		else if (!who) todo(['document', 'agreedWith'], `the agreement block names ${describe(line)}, who is not a signatory of content/company.yaml`);
	}

	const facts: FactsInput = {
		department: department?.id ?? company.departments[0]?.id ?? 'TODO',
		category: category ?? 'specialist',
		reportsTo: reportsTo ?? fallbackPosition,
		...(substitute ? { substitute } : {}),
		appointment: { by: appointment.by ?? company.signatories[0]?.position.id ?? fallbackPosition, ...(appointment.recommendedBy ? { recommendedBy: appointment.recommendedBy } : {}) },
		qualification: { education: education.length > 0 ? education : ['higher'], experienceYears: experience ?? 1 },
		...(everyMonths ? { certification: { everyMonths } } : {}),
		document: {
			...(parsed.number ? { number: parsed.number } : {}),
			version: parsed.version ?? 1,
			status: 'draft',
			...(approver ? { approvedBy: approver.id } : {}),
			agreedWith,
		},
	};
	return { locale, text: { title: clean(title), sections }, facts, todos, notes };
}

/** The first word of a genitive Russian job title back in the nominative: "менеджера" → "менеджер", "руководителя" → "руководитель". */
function russianNominative(title: string): string {
	const [first, ...rest] = title.split(' ');
	if (!first || first !== first.toLocaleLowerCase('ru')) return title;
	let word = first;
	if (/[бвгджзклмнпрстфхцчшщ]а$/u.test(word)) word = word.slice(0, -1);
	else if (/[лт]я$/u.test(word)) word = `${word.slice(0, -1)}ь`;
	return [word, ...rest].join(' ');
}

function short(text: string): string {
	return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

function uniqueId(id: string, taken: string[]): string {
	if (!taken.includes(id)) return id;
	for (let n = 2; ; n++) if (!taken.includes(`${id}-${n}`)) return `${id}-${n}`;
}

/** Topics and targets from the default-language text, item by item, where the lists line up. */
function copyFacts(items: ItemInput[], reference: readonly Item[]): void {
	items.forEach((item, index) => {
		const source = reference[index];
		if (!source) return;
		if (source.topic) item.topic = source.topic;
		if (source.target) item.target = { ...source.target };
		if (item.items && source.items.length > 0) copyFacts(item.items, source.items);
	});
}

/** Which fact each general-provisions clause states; each topic once, the first clause that cues it. */
function assignTopics(items: ItemInput[]): void {
	const used = new Set<Topic>();
	for (const item of items) {
		const folded = fold(item.text);
		for (const [topic, cues] of TOPIC_CUES) {
			if (used.has(topic)) continue;
			if (cues.some((cue) => hasCue(folded, cue))) {
				item.topic = topic;
				used.add(topic);
				break;
			}
		}
	}
}

/** "at least 30 calls a day" → { measure: calls, min: 30, per: day }; "a report by the 3rd of each month" → dueDay 3. */
export function findTarget(text: string): { target: TargetData; guessed: boolean } | undefined {
	const folded = fold(text);
	const tokens = folded.split(' ');
	const period = PERIOD_CUES.find(([, cues]) => cues.some((cue) => hasCue(folded, cue)))?.[0];
	const lower = text.toLowerCase();
	const due = DUE_DAY_PATTERNS.map((pattern) => pattern.exec(lower)).find(Boolean);
	const measureOf = (): { measure: string; guessed: boolean } | undefined => {
		const known = MEASURES.find(([, sets]) => sets.every((set) => set.some((cue) => hasCue(folded, cue))))?.[0];
		return known ? { measure: known, guessed: false } : undefined;
	};
	if (due && (period === 'month' || /month|месяц|monat|maned|manad|ay/.test(folded))) {
		const dueDay = Number(due[1]);
		const measure = measureOf()?.measure ?? 'report';
		if (dueDay >= 1 && dueDay <= 31) return { target: { measure, per: 'month', dueDay }, guessed: measure !== 'report' && !measureOf() };
	}
	const at = cueIndex(folded, MINIMUM_CUES);
	if (at < 0 || !period) return undefined;
	// The number right after the cue ("не менее 30", "at least once", "не реже 1 раза", "mindestens einmal").
	const before = folded.slice(0, at).trim();
	const start = before ? before.split(' ').length : 0;
	const cueLength = MINIMUM_CUES.map((cue) => fold(cue)).find((cue) => folded.slice(at).trimStart().startsWith(cue))?.split(' ').length ?? 1;
	let index = start + cueLength;
	if (tokens[index] === 'чем' || tokens[index] === 'than' || tokens[index] === 'of') index++;
	const min = numberOf(tokens[index]);
	if (min === undefined || min <= 0) return undefined;
	const known = measureOf();
	if (known) return { target: { measure: known.measure, min, per: period }, guessed: false };
	// A measure the vocabulary does not know: the next word after the number, as an id.
	let next = index + 1;
	while (tokens[next] && ['more', 'new', 'commercial', 'раз', 'раза', 'times', 'mal'].includes(tokens[next]!)) next++;
	const word = tokens[next];
	if (!word) return undefined;
	const measure = kebabId(word, 30);
	return measure ? { target: { measure, min, per: period }, guessed: true } : undefined;
}

// ————— parties: positions and roles named in a clause —————

interface Party {
	id: string;
	phrases: string[][];
	department?: string;
}

function partyCandidates(rolebook: Rolebook, exclude: string | undefined): Party[] {
	const parties: Party[] = rolebook.company.positions.map((position) => ({
		id: position.id,
		phrases: Object.values(position.title).map(words),
		...(position.department ? { department: position.department } : {}),
	}));
	for (const role of rolebook.roles) {
		if (role.id === exclude) continue;
		parties.push({ id: role.id, phrases: Object.values(role.texts).flatMap((text) => [text.title, ...text.altTitles]).map(words), department: role.department.id });
	}
	return parties;
}

/** Parties named in the text, in order; overlapping names resolve to the longest; the role's own title is never a party. */
function findParties(text: string, parties: readonly Party[], own: readonly string[][], from = 0): string[] {
	const tokens = words(text);
	const blocked = new Set<number>();
	for (const phrase of own) for (const start of findPhrase(tokens, phrase)) for (let i = 0; i < phrase.length; i++) blocked.add(start + i);
	const spans: { start: number; end: number; id: string }[] = [];
	for (const party of parties) {
		for (const phrase of party.phrases) {
			if (phrase.length === 0) continue;
			for (const start of findPhrase(tokens, phrase)) {
				const end = start + phrase.length;
				if (start < from) continue;
				if (Array.from({ length: phrase.length }, (_, i) => start + i).some((i) => blocked.has(i))) continue;
				spans.push({ start, end, id: party.id });
			}
		}
	}
	spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const chosen: typeof spans = [];
	for (const span of spans) if (!chosen.some((c) => span.start < c.end && c.start < span.end)) chosen.push(span);
	return chosen.sort((a, b) => a.start - b.start).map((span) => span.id);
}

function appointmentOf(text: string, parties: readonly Party[], own: readonly string[][]): { by?: string; recommendedBy?: string } {
	const folded = fold(text);
	const cueAt = cueIndex(folded, RECOMMENDATION_CUES);
	const cueToken = cueAt < 0 ? Infinity : folded.slice(0, cueAt).trim().split(' ').filter(Boolean).length;
	const tokens = words(text);
	const ordered = findParties(text, parties, own);
	// Position of each found party: search again to know which come after the cue.
	const after = cueAt < 0 ? [] : findParties(tokens.slice(cueToken).join(' '), parties, own);
	const before = cueAt < 0 ? ordered : findParties(tokens.slice(0, cueToken).join(' '), parties, own);
	return { ...(before[0] ? { by: before[0] } : {}), ...(after[0] ? { recommendedBy: after[0] } : {}) };
}

function categoryOf(text: string, own: readonly string[][]): string | undefined {
	let folded = fold(text);
	const anchor = cueIndex(folded, CATEGORY_ANCHORS);
	if (anchor >= 0) folded = folded.slice(anchor);
	else for (const phrase of own) if (phrase.length > 0) folded = folded.replace(phrase.join(' '), ' ');
	return CATEGORY_CUES.find(([, cues]) => cues.some((cue) => hasCue(folded, cue)))?.[0];
}

function educationOf(text: string): string[] {
	let folded = fold(text);
	const found: string[] = [];
	for (const [level, cues] of EDUCATION_CUES) {
		const cue = cues.find((c) => hasCue(folded, c));
		if (cue) {
			found.push(level);
			// "secondary vocational" must not count as "secondary" too.
			const stem = fold(cue.replace(/\*$/, ''));
			folded = ` ${folded} `.replace(new RegExp(` ${stem}\\S*`, 'g'), ' ').trim();
		}
	}
	const order = ['secondary', 'secondary-vocational', 'higher'];
	return found.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function experienceOf(text: string): number | undefined {
	const folded = fold(text);
	if (NO_EXPERIENCE_CUES.some((cue) => hasCue(folded, cue))) return 0;
	const tokens = folded.split(' ');
	for (let i = 0; i < tokens.length; i++) {
		if (!YEAR_WORDS.includes(tokens[i]!)) continue;
		for (const back of [1, 2]) {
			const value = numberOf(tokens[i - back]);
			if (value !== undefined) return value;
		}
	}
	return undefined;
}

function monthsOf(text: string): number | undefined {
	const tokens = fold(text).split(' ');
	for (let i = 0; i < tokens.length; i++) {
		if (MONTH_WORDS.includes(tokens[i]!)) {
			const value = numberOf(tokens[i - 1]);
			if (value !== undefined) return value;
		}
		if (YEAR_WORDS.includes(tokens[i]!)) {
			const value = numberOf(tokens[i - 1]);
			if (value !== undefined) return value * 12;
			return 12;
		}
	}
	if (/annual|ежегодно|jahrlich|arlig/.test(tokens.join(' '))) return 12;
	return undefined;
}

function departmentOf(parsed: ParsedDocument, title: string, rolebook: Rolebook, reportsToDepartment: string | undefined) {
	const departments = rolebook.company.departments;
	const lines = [...parsed.titleBlock, title];
	for (const line of lines) {
		const folded = fold(line);
		const exact = departments.find((department) => Object.values(department.name).some((name) => fold(name) === folded));
		if (exact) return exact;
	}
	for (const line of lines) {
		const tokens = words(line);
		const found = departments
			.map((department) => ({ department, length: Math.max(0, ...Object.values(department.name).map((name) => (findPhrase(tokens, words(name)).length > 0 ? words(name).length : 0))) }))
			.filter((entry) => entry.length > 0)
			.sort((a, b) => b.length - a.length)[0];
		if (found) return found.department;
	}
	return reportsToDepartment ? departments.find((department) => department.id === reportsToDepartment) : undefined;
}

/** A signatory of the company by the printed name ("Volkova A.S." in any of their languages), else by title if only one holds it. */
function signatoryOf(line: ParsedSignatory, rolebook: Rolebook): Signatory | undefined {
	const { signatories } = rolebook.company;
	if (line.name) {
		const key = fold(`${line.name.family} ${line.name.initials.join(' ')}`).replace(/ /g, '');
		const byName = signatories.find((signatory) => Object.values(signatory.name).some((name) => fold(shortName(name)).replace(/ /g, '') === key));
		if (byName) return byName;
		const byFamily = signatories.filter((signatory) => Object.values(signatory.name).some((name) => fold(name.family) === fold(line.name!.family)));
		if (byFamily.length === 1) return byFamily[0];
		return undefined;
	}
	if (line.title) {
		const tokens = words(line.title);
		const byTitle = signatories.filter((signatory) => Object.values(signatory.position.title).some((title) => words(title).join(' ') === tokens.join(' ')));
		if (byTitle.length === 1) return byTitle[0];
	}
	return undefined;
}

function describe(line: ParsedSignatory): string {
	return [line.name ? `"${line.name.text}"` : undefined, line.title ? `(${line.title})` : undefined].filter(Boolean).join(' ') || 'someone';
}
