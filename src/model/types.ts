/**
 * The normalised model every renderer consumes: Astro pages, the PDF renderer, feeds and
 * the CLI. Ids are resolved to objects, numbers and anchors are assigned, placeholders are
 * filled in. Nothing downstream reads content files itself.
 */
import type { LocalizedText, PersonName, TargetData } from './schema/index.ts';
import type { DOCUMENT_STATUSES, EDUCATION_LEVELS, PROVISION_TOPICS, ROLE_CATEGORIES, SectionKind, TemplateData } from './schema/index.ts';
import type { EmploymentType, SALARY_PERIODS, WORKPLACE_TYPES } from './schema/index.ts';

export type Locale = string;

export interface Department {
	id: string;
	name: LocalizedText;
}

export interface Position {
	id: string;
	title: LocalizedText;
	department?: string;
	reportsTo?: string;
}

export interface Signatory {
	id: string;
	position: Position;
	name: Record<Locale, PersonName>;
}

export interface Company {
	name: LocalizedText;
	jurisdiction: { country: string; phrase: LocalizedText };
	defaultLocale: Locale;
	locales: Locale[];
	site: { url: string; editUrl?: string };
	/** The company's own website. */
	website?: string;
	/** Logo: a path in public/ or a full URL. */
	logo?: string;
	defaultTemplate: string;
	departments: Department[];
	positions: Position[];
	signatories: Signatory[];
}

/** Who a reference points at: another role of the handbook, or a position of the company. */
export type PartyRef = { kind: 'role'; id: string } | { kind: 'position'; id: string; position: Position };

export interface Item {
	/** "2.13", "3.1.4". */
	number: string;
	/** Stable anchor, e.g. "duty-2-13". */
	anchor: string;
	text: string;
	topic?: (typeof PROVISION_TOPICS)[number];
	target?: TargetData;
	/** Id of the library clause this item shows (content/clauses/<id>.yaml), when it is one. */
	clause?: string;
	items: Item[];
}

export interface Section {
	kind: SectionKind;
	/** 1-based section number. */
	number: number;
	/** Anchor of the section, e.g. "duties". */
	anchor: string;
	/** Heading in this locale (the content's override or the UI string for the kind). */
	heading: string;
	intro?: string;
	items: Item[];
}

export interface RoleText {
	locale: Locale;
	/** Source file, relative to the project root. */
	file: string;
	/** Id of the MDX body in its content folder: `<role>/<locale>`, or `<role>/versions/<n>/<locale>` for a past version. */
	bodyId: string;
	title: string;
	altTitles: string[];
	summary: string;
	translates?: number;
	sections: Section[];
	/** Raw MDX body; Astro compiles it for the web page. */
	body: string;
	/** Short hash of the text and document identity, printed on the PDF to match paper to version. */
	fingerprint: string;	/**
	 * What `rolebook approve` records of this text (`document.textFingerprints`): the fingerprint of
	 * what the signed document prints from the file, as it writes it (`textFingerprint` in clauses.ts).
	 */
	textFingerprint: string;
}

export interface Role {
	id: string;
	/** Folder of the role, relative to the project root. */
	dir: string;
	department: Department;
	category: (typeof ROLE_CATEGORIES)[number];
	reportsTo: PartyRef;
	substitute?: PartyRef;
	appointment: { by: PartyRef; recommendedBy?: PartyRef };
	qualification: { education: (typeof EDUCATION_LEVELS)[number][]; experienceYears: number };
	certification?: { everyMonths: number };
	template: string;
	document: {
		number: string;
		version: number;
		status: (typeof DOCUMENT_STATUSES)[number];
		effective?: string;
		reviewBy?: string;
		approvedBy?: Signatory;
		agreedWith: Signatory[];
		/** What changed in this version, per locale. */
		changeSummary?: LocalizedText;
		/** For a retired role: the role that replaces it. */
		replacedBy?: string;
		/** The clause wordings this version was approved with, when recorded (`rolebook approve`). */
		clauseFingerprints?: ClauseFingerprints;
		/** The texts this version was approved with, per locale, when recorded (`rolebook approve`). */
		textFingerprints?: TextFingerprints;
	};
	/** Ids the role had before; their URLs lead to it. */
	formerIds: string[];
	/** Frozen past versions (content/roles/<id>/versions/<n>/), oldest first; empty on a past version itself. */
	history: Role[];
	/** Translations present, keyed by locale; the default locale is always present. */
	texts: Record<Locale, RoleText>;
}

export interface ChapterText {
	locale: Locale;
	file: string;
	/** Id of the MDX body in the handbook folder: `<locale>/<slug>`. */
	bodyId: string;
	title: string;
	summary: string;
	body: string;
}

export interface Chapter {
	slug: string;
	order: number;
	/** Role ids the chapter is for; empty means everyone. */
	roles: string[];
	draft: boolean;
	texts: Record<Locale, ChapterText>;
}

export type UiStrings = Record<string, string>;

export interface Rolebook {
	company: Company;
	/** All roles, drafts included, sorted by id. What a build shows is decided in publication.ts. */
	roles: Role[];
	/** Chapters sorted by order. */
	chapters: Chapter[];
	/** UI strings per configured locale. */
	strings: Record<Locale, UiStrings>;
	/** Who holds which role and which versions they signed (content/sign-offs.yaml). */
	holders: Holder[];
	/** PDF templates (`templates/<id>.yaml`) by id. */
	templates: Record<string, TemplateData>;
	/** Openings (vacancies), drafts and closed ones included, sorted by id. What a build shows is decided in publication.ts. */
	openings: Opening[];
	/** The clause library (content/clauses/), sorted by id. Role texts show clauses inline: their items carry `clause`. */
	clauses: Clause[];
	/** Job families (content/families/), sorted by id. What a build shows is decided in publication.ts. */
	families: Family[];
}

/** A clause of the library, with its wordings. */
export interface Clause {
	id: string;
	/** Source file, relative to the project root. */
	file: string;
	/** What the clause is, for HR. */
	title: LocalizedText;
	topic?: (typeof PROVISION_TOPICS)[number];
	/** Newest (the current wording) first. */
	wordings: ClauseWording[];
}

/**
 * Per clause id, per locale: the fingerprint of the wording a role version was approved with
 * (`document.clauseFingerprints` in role.yaml; see `wordingFingerprint` in clauses.ts).
 */
export type ClauseFingerprints = Record<string, Record<Locale, string>>;

/**
 * Per locale: the fingerprint of the role text a version was approved with (`document.textFingerprints`
 * in role.yaml; see `textFingerprint` in clauses.ts).
 */
export type TextFingerprints = Record<Locale, string>;

/** What a clause says in one of its wordings; placeholders not yet filled. */
export interface ClauseWording {
	/** The date it applies from; absent on the oldest (or only) wording. */
	since?: string;
	/** Absent for a list clause: the role's item gives the lead-in. */
	text?: LocalizedText;
	items: LocalizedText[];
}

/** A pay band. Internal bands are not in the model (unless loaded with includeInternal); publication.ts decides what is shown. */
export interface PayBand {
	min: number;
	midpoint: number;
	max: number;
	currency: string;
	period: (typeof SALARY_PERIODS)[number];
	public: boolean;
}

/** One rung of a family's ladder. */
export interface Level {
	/** Anchor id (`#level-<id>`): the role's id, the position's, or the level's own. */
	id: string;
	/** 1 for the entry level. */
	number: number;
	/** The role at this level, if it has one. */
	role?: string;
	/** A company position at this level, for a level without a role of its own. */
	position?: Position;
	/** The level's own name; absent = the role's (or position's) title. */
	title?: LocalizedText;
	summary?: LocalizedText;
	grade: number;
	expectations: LocalizedText[];
	band?: PayBand;
}

/** A job family: roles of one line of work as a career ladder. */
export interface Family {
	id: string;
	file: string;
	title: LocalizedText;
	summary?: LocalizedText;
	/** From the entry level up. */
	levels: Level[];
}

/** A person holding a role, by name only, with the familiarisation sheets they signed. */
export interface Holder {
	/** The name per locale (a plain name in content applies to every locale). */
	name: LocalizedText;
	role: string;
	signed: { version: number; date: string }[];
}

/** A role's text in one locale, falling back to the default locale when not translated. */
export interface LocalizedRole {
	role: Role;
	locale: Locale;
	text: RoleText;
	/** True when `text` is the default locale's, shown because this locale has no translation. */
	fallback: boolean;
}

/** A vacancy for one role (content/openings/<id>.yaml), without its internal notes. */
export interface Opening {
	id: string;
	/** Source file, relative to the project root. */
	file: string;
	/** Id of the role (always an approved role, unless the opening is a draft). */
	role: string;
	/** Languages the vacancy is advertised in; the default locale first. */
	locales: Locale[];
	draft: boolean;
	/** The vacancy's reference for job boards (default: the id). */
	reference: string;
	/** Posting title per locale; absent = the role's title. */
	title?: LocalizedText;
	description: LocalizedText;
	requirements: LocalizedText[];
	/** Years of experience asked for, when the vacancy differs from the role. */
	experienceYears?: number;
	employmentType: EmploymentType[];
	location: {
		type: (typeof WORKPLACE_TYPES)[number];
		address?: { street?: LocalizedText; city: LocalizedText; region?: LocalizedText; postalCode?: string; country: string };
		applicantCountries: string[];
	};
	salary: { kind: 'by-agreement' } | { kind: 'range'; min?: number; max?: number; currency: string; period: (typeof SALARY_PERIODS)[number] };
	/** YYYY-MM-DD. */
	datePosted: string;
	/** Last day applications are accepted, YYYY-MM-DD; closed from the next day. */
	validThrough: string;
	apply: { url?: string; email?: string; direct: boolean };
}
