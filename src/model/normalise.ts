/**
 * Turns validated raw content into the one Role model: references resolved, sections and
 * items numbered with stable anchors, placeholders filled, internal items removed.
 */
import { createHash } from 'node:crypto';
import { VERSIONS_FOLDER, type RawContent, type RawRoleVersion } from './load.ts';
import { isClauseRef, type ItemEntryData, type SectionKind, type TemplateData } from './schema/index.ts';
import type { Chapter, Clause, Company, Family, Holder, Item, PartyRef, Position, Role, RoleText, Rolebook, Section, Signatory, UiStrings } from './types.ts';
import { clauseDateOf, textFingerprint, wordingIndexOn, wordingsOf } from './clauses.ts';
import { localized } from './localize.ts';
import { fillPlaceholders } from './placeholders.ts';
import type { CONTENT_PLACEHOLDERS } from './rules/text.ts';
import { normaliseOpenings } from './normalise-openings.ts';

/** Prefix of item anchors per section kind: duties → "duty-2-13". */
export const ITEM_ANCHOR_PREFIX: Record<Exclude<SectionKind, 'custom'>, string> = {
	'general-provisions': 'provision',
	'main-tasks': 'task',
	duties: 'duty',
	rights: 'right',
	responsibility: 'responsibility',
	'performance-criteria': 'criterion',
	'trade-secrets': 'secret',
	'working-conditions': 'condition',
};

export interface NormaliseOptions {
	/** Keep items marked `internal` (HR tools only; never for public output). */
	includeInternal: boolean;
}

/** Assumes `validateContent` found no errors: every reference resolves. */
export function normalise(raw: RawContent, options: NormaliseOptions): Rolebook {
	const companyData = raw.company!.data;
	const epoch = textsEpoch(raw, options);
	const positions: Position[] = companyData.positions.map((position) => ({ ...position }));
	const positionById = new Map(positions.map((position) => [position.id, position]));
	const signatories: Signatory[] = companyData.signatories.map((signatory) => ({
		id: signatory.id,
		position: positionById.get(signatory.position)!,
		name: signatory.name,
	}));
	const signatoryById = new Map(signatories.map((signatory) => [signatory.id, signatory]));
	const company: Company = {
		name: companyData.name,
		jurisdiction: companyData.jurisdiction,
		defaultLocale: companyData.locales.default,
		locales: companyData.locales.configured,
		site: companyData.site,
		...(companyData.website ? { website: companyData.website } : {}),
		...(companyData.logo ? { logo: companyData.logo } : {}),
		defaultTemplate: companyData.defaultTemplate,
		departments: companyData.departments,
		positions,
		signatories,
	};

	const strings: Record<string, UiStrings> = {};
	for (const entry of raw.strings) {
		if (company.locales.includes(entry.locale)) strings[entry.locale] = entry.strings as UiStrings;
	}

	const party = (id: string): PartyRef => {
		const position = positionById.get(id);
		return position ? { kind: 'position', id, position } : { kind: 'role', id };
	};

	const clauses: Clause[] = raw.clauses
		.filter((entry) => entry.clause)
		.map(({ id, clause }) => ({ id, file: clause!.source.file, title: clause!.data.title, ...(clause!.data.topic ? { topic: clause!.data.topic } : {}), wordings: wordingsOf(clause!.data) }));
	const clauseById = new Map(clauses.map((clause) => [clause.id, clause]));

	const buildRole = (rawRole: RawRoleVersion, folderVersion?: number): Role => {
		const facts = rawRole.facts!.data;
		// A version shows each clause in the wording in force when it took effect (a draft: the newest).
		const clauseDate = clauseDateOf(facts.document);
		const texts: Record<string, RoleText> = {};
		for (const [locale, parsed] of rawRole.texts) {
			const inputs = [epoch, parsed.source.file, parsed.source.body, rawRole.id, folderVersion, facts.document.number, facts.document.version, clauseDate];
			const built = builtTexts.get(parsed.data);
			if (built && built.inputs.every((input, index) => input === inputs[index])) {
				texts[locale] = built.text;
				continue;
			}
			const values = {
				jurisdiction: localized(company.jurisdiction.phrase, locale, company.defaultLocale).value,
				company: localized(company.name, locale, company.defaultLocale).value,
			} satisfies Record<(typeof CONTENT_PLACEHOLDERS)[number], string>;
			const fill = (text: string) => fillPlaceholders(text, values);
			const data = parsed.data;
			const sections: Section[] = data.sections.map((section, index) => {
				const number = index + 1;
				const anchor = section.kind === 'custom' ? section.id! : section.kind;
				const prefix = section.kind === 'custom' ? section.id! : ITEM_ANCHOR_PREFIX[section.kind];
				const anchorOf = (itemNumber: string) => `${prefix}-${itemNumber.replaceAll('.', '-')}`;
				const numberItems = (entries: ItemEntryData[], parent: string): Item[] =>
					entries
						.filter((entry) => options.includeInternal || isClauseRef(entry) || !entry.internal)
						.map((entry, itemIndex) => {
							const itemNumber = `${parent}.${itemIndex + 1}`;
							if (isClauseRef(entry)) {
								// The clause inline: its text (or the lead-in given here) and its sub-items, numbered as this item.
								const clause = clauseById.get(entry.clause)!;
								const wording = clause.wordings[wordingIndexOn(clause.wordings, clauseDate)]!;
								const inLocale = (text: Record<string, string>) => localized(text, locale, company.defaultLocale).value;
								const topic = entry.topic ?? (section.kind === 'general-provisions' ? clause.topic : undefined);
								return {
									number: itemNumber,
									anchor: anchorOf(itemNumber),
									text: fill(entry.text ?? inLocale(wording.text ?? {})),
									...(topic ? { topic } : {}),
									clause: clause.id,
									items: wording.items.map((sub, subIndex) => ({ number: `${itemNumber}.${subIndex + 1}`, anchor: anchorOf(`${itemNumber}.${subIndex + 1}`), text: fill(inLocale(sub)), items: [] })),
								};
							}
							return {
								number: itemNumber,
								anchor: anchorOf(itemNumber),
								text: fill(entry.text),
								...(entry.topic ? { topic: entry.topic } : {}),
								...(entry.target ? { target: entry.target } : {}),
								items: numberItems(entry.items, itemNumber),
							};
						});
				const heading = section.title ? fill(section.title) : (strings[locale]?.[`section.${section.kind}`] ?? section.kind);
				return {
					kind: section.kind,
					number,
					anchor,
					heading,
					...(section.intro ? { intro: fill(section.intro) } : {}),
					items: numberItems(section.items, String(number)),
				};
			});
			const text: Omit<RoleText, 'fingerprint' | 'textFingerprint'> = {
				locale,
				file: parsed.source.file,
				bodyId: [rawRole.id, ...(folderVersion === undefined ? [] : [VERSIONS_FOLDER, String(folderVersion)]), locale].join('/'),
				title: fill(data.title),
				altTitles: data.altTitles.map(fill),
				summary: fill(data.summary),
				...(data.translates !== undefined ? { translates: data.translates } : {}),
				sections,
				body: parsed.source.body,
			};
			texts[locale] = { ...text, fingerprint: fingerprint(rawRole.id, facts.document.number, facts.document.version, text), textFingerprint: textFingerprint(data) };
			builtTexts.set(parsed.data, { inputs, text: texts[locale] });
		}

		return {
			id: rawRole.id,
			dir: rawRole.dir,
			department: company.departments.find((department) => department.id === facts.department)!,
			category: facts.category,
			reportsTo: party(facts.reportsTo),
			...(facts.substitute ? { substitute: party(facts.substitute) } : {}),
			appointment: {
				by: party(facts.appointment.by),
				...(facts.appointment.recommendedBy ? { recommendedBy: party(facts.appointment.recommendedBy) } : {}),
			},
			qualification: facts.qualification,
			...(facts.certification ? { certification: facts.certification } : {}),
			template: facts.template ?? company.defaultTemplate,
			document: {
				number: facts.document.number,
				version: facts.document.version,
				status: facts.document.status,
				...(facts.document.effective ? { effective: facts.document.effective } : {}),
				...(facts.document.reviewBy ? { reviewBy: facts.document.reviewBy } : {}),
				...(facts.document.approvedBy ? { approvedBy: signatoryById.get(facts.document.approvedBy)! } : {}),
				agreedWith: facts.document.agreedWith.map((id) => signatoryById.get(id)!),
				...(facts.document.changeSummary ? { changeSummary: facts.document.changeSummary } : {}),
				...(facts.document.replacedBy ? { replacedBy: facts.document.replacedBy } : {}),
				...(facts.document.clauseFingerprints ? { clauseFingerprints: facts.document.clauseFingerprints } : {}),
				...(facts.document.textFingerprints ? { textFingerprints: facts.document.textFingerprints } : {}),
			},
			formerIds: facts.formerIds,
			history: [],
			texts,
		};
	};
	const roles: Role[] = raw.roles.map((rawRole) => ({ ...buildRole(rawRole), history: rawRole.history.map((snapshot) => buildRole(snapshot, snapshot.folderVersion)) }));

	const holders: Holder[] = (raw.signOffs?.data.holders ?? []).map((holder) => ({
		name: typeof holder.name === 'string' ? { [company.defaultLocale]: holder.name } : holder.name,
		role: holder.role,
		signed: holder.signed,
	}));

	const chapterBySlug = new Map<string, Chapter>();
	const sortedChapters = [...raw.chapters].sort((a, b) => (a.locale === company.defaultLocale ? -1 : 0) - (b.locale === company.defaultLocale ? -1 : 0));
	for (const { locale, slug, chapter } of sortedChapters) {
		const existing = chapterBySlug.get(slug);
		const text = { locale, file: chapter.source.file, bodyId: `${locale}/${slug}`, title: chapter.data.title, summary: chapter.data.summary, body: chapter.source.body };
		if (existing) existing.texts[locale] = text;
		else chapterBySlug.set(slug, { slug, order: chapter.data.order, roles: chapter.data.roles, draft: chapter.data.draft, texts: { [locale]: text } });
	}
	const chapters = [...chapterBySlug.values()].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));

	const templates: Record<string, TemplateData> = {};
	for (const [id, template] of [...raw.templates].sort(([a], [b]) => a.localeCompare(b))) templates[id] = template.data;

	const families: Family[] = raw.families
		.filter((entry) => entry.family)
		.map(({ id, family }) => ({
			id,
			file: family!.source.file,
			title: family!.data.title,
			...(family!.data.summary ? { summary: family!.data.summary } : {}),
			levels: family!.data.levels.map((level, index) => ({
				id: level.id ?? level.role ?? level.position!,
				number: index + 1,
				...(level.role ? { role: level.role } : {}),
				...(level.position ? { position: positionById.get(level.position)! } : {}),
				...(level.title ? { title: level.title } : {}),
				...(level.summary ? { summary: level.summary } : {}),
				grade: level.grade,
				expectations: level.expectations,
				// Internal pay bands never enter the model a build renders from.
				...(level.band && (level.band.public || options.includeInternal) ? { band: { ...level.band } } : {}),
			})),
		}));

	return {
		company,
		roles: roles.sort((a, b) => a.id.localeCompare(b.id)),
		chapters,
		strings,
		holders,
		templates,
		openings: normaliseOpenings(raw),
		clauses,
		families,
	};
}

/**
 * Role texts built by earlier calls, by their validated data. A long-running process (the dev
 * server) normalises again after every save; the loader keeps the same data object for a file
 * that has not changed (load.ts), so a text is numbered, filled and fingerprinted again only
 * when its file changed, or anything else it is built from: its role's document facts (the
 * inputs listed where it is kept) and the content every text reads (`textsEpoch`).
 */
const builtTexts = new WeakMap<object, { inputs: unknown[]; text: RoleText }>();
let lastShared: unknown[] = [];
let sharedEpoch = 0;

/** Changes when what every role text reads changes: the company, the UI strings, the clause library, the options. */
function textsEpoch(raw: RawContent, options: NormaliseOptions): number {
	const shared = [raw.company?.data, options.includeInternal, ...raw.strings.flatMap((entry) => [entry.locale, entry.strings]), ...raw.clauses.flatMap((entry) => [entry.id, entry.clause?.data])];
	if (shared.length !== lastShared.length || shared.some((value, index) => value !== lastShared[index])) {
		lastShared = shared;
		sharedEpoch++;
	}
	return sharedEpoch;
}

/**
 * Eight hex digits of a SHA-256 over the document identity and its text. Printed on every
 * PDF page and shown on the site, so a signed paper can be matched to the exact wording.
 */
function fingerprint(id: string, number: string, version: number, text: Omit<RoleText, 'fingerprint' | 'textFingerprint' | 'file' | 'bodyId' | 'body'>): string {
	// Where an item's words come from (a library clause or the text itself) is not part of the wording.
	const canonical = JSON.stringify({ id, number, version, locale: text.locale, title: text.title, sections: text.sections }, (key, value: unknown) => (key === 'clause' ? undefined : value));
	return createHash('sha256').update(canonical).digest('hex').slice(0, 8);
}
