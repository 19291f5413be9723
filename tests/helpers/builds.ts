/** The site builds that build-output and browser tests inspect (made by tests/site/global-setup.ts). */
import { join } from 'node:path';
import { PROJECT_ROOT, type Edit } from './fixture.ts';

export const BUILDS_DIR = join(PROJECT_ROOT, '.rolebook/test-builds');

/** Unique strings planted in content that must never be published. */
export const SECRET_MARKERS = {
	draftRole: 'DRAFTROLEMARKER7F3A',
	draftChapter: 'DRAFTCHAPTERMARKER2C9E',
	internalItem: 'INTERNALITEMMARKER5D1B',
	internalNote: 'INTERNALNOTEMARKER8E4F',
	draftOpening: 'DRAFTOPENINGMARKER4A7C',
	openingInternal: 'OPENINGINTERNALMARKER9B2D',
	familyInternal: 'FAMILYINTERNALMARKER6C3E',
} as const;

/**
 * An internal pay band's figures, planted on a published level: no output may contain them in
 * any notation (`731947`, `731 947`, `731,947`, `731.947`, with narrow or non-breaking spaces).
 * The midpoint is the default, halfway.
 */
export const SECRET_BAND = { min: 731947, max: 826153, midpoint: 779050 } as const;

/** A figure as any locale might write it: digits in groups of three with any separator (or none). */
export function amountPattern(amount: number): RegExp {
	const digits = String(amount);
	const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ').split(' ');
	return new RegExp(`(?<!\\d)${groups.join(`[\\s\u00a0\u202f,.'’]?`)}(?!\\d)`);
}

/** "Today" for every test build (ROLEBOOK_TODAY), so open and closed openings never depend on the clock. */
export const TEST_TODAY = '2026-11-25';

/** The base fixture with a draft role, a draft chapter and internal-only fields carrying the markers. */
export const PRIVACY_FIXTURE_EDITS: Edit[] = [
	{ file: 'content/roles/sales-rep/en.mdx', replace: ['Calls, offers, contracts.', `Calls, offers, contracts. ${SECRET_MARKERS.draftRole}`] },
	{
		file: 'content/roles/sales-lead/en.mdx',
		replace: ['      - text: Coaches the reps.', `      - text: Reviews pay of ${SECRET_MARKERS.internalItem}.\n        internal: true\n      - text: Coaches the reps.`],
	},
	{ file: 'content/roles/sales-lead/role.yaml', replace: ['department: sales', `department: sales\ninternal:\n  notes: ${SECRET_MARKERS.internalNote}`] },
	{
		file: 'content/handbook/en/secret-plans.mdx',
		write: `---\ntitle: Secret plans\norder: 2\nsummary: Not yet.\ndraft: true\n---\n\n${SECRET_MARKERS.draftChapter}\n`,
	},
	// A draft opening for the draft role, and an open opening's HR-only notes.
	{
		file: 'content/openings/sales-rep-secret.yaml',
		write: `role: sales-rep\nlocales: [en]\ndescription: { en: "Hiring soon. ${SECRET_MARKERS.draftOpening}" }\nemploymentType: full-time\nlocation: { type: remote, applicantCountries: [RU] }\nsalary: { min: 1000, currency: RUB }\ndatePosted: 2026-05-01\nvalidThrough: 2026-12-31\napply: { email: hr@example.com }\ndraft: true\n`,
	},
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['reference: VAC-1', `reference: VAC-1\ninternal:\n  budget: ${SECRET_MARKERS.openingInternal}`] },
	// An internal pay band on a published level (the director's), and a family's HR notes.
	{ file: 'content/families/sales.yaml', replace: ['band: { min: 120000, max: 200000, currency: RUB }', `band: { min: ${SECRET_BAND.min}, max: ${SECRET_BAND.max}, currency: RUB }`] },
	{ file: 'content/families/sales.yaml', replace: ['levels:\n', `internal:\n  notes: ${SECRET_MARKERS.familyInternal}\nlevels:\n`] },
];

export const builds = {
	/** The shipped content, served at `/`. */
	shipped: join(BUILDS_DIR, 'shipped'),
	/** The shipped content deployed under `/handbook/`. */
	subpath: join(BUILDS_DIR, 'subpath'),
	/** The privacy fixture, public build. */
	fixturePublic: join(BUILDS_DIR, 'fixture-public'),
	/** The privacy fixture, preview build. */
	fixturePreview: join(BUILDS_DIR, 'fixture-preview'),
	/** The privacy fixture, public, built by `astro build` alone (no CLI). */
	fixtureAstro: join(BUILDS_DIR, 'fixture-astro'),
	/** The base fixture with markup and script-like text in every text field (HOSTILE_FIXTURE_EDITS), public build. */
	hostile: join(BUILDS_DIR, 'hostile'),
};

export const SUBPATH_BASE = '/handbook/';

/**
 * Markup and script-like text that must come out of every renderer as inert text: closing a
 * script or JSON-LD block, breaking out of an attribute, template syntax, a script URL written
 * as words. Each planted copy starts with its field's tag (`HX-title`), so a test can find it.
 */
export const HOSTILE_PAYLOAD = `</script><script>alert(1)</script> "><img src=x onerror=alert(1)> '><svg onload=alert(1)> javascript:alert(1) <!-- ]]> &amp; ) >> /S /JavaScript /JS (app.alert(1)) \\ \\u2028 x`;

/**
 * Template syntax, planted where texts have no placeholders (role and chapter texts reject an
 * unknown `{name}` in check, so it cannot reach their output).
 */
export const TEMPLATE_SYNTAX = '{{constructor}} ${constructor} {{__proto__}}';

/** Fields whose texts are checked for placeholders, so they carry the payload without template syntax. */
const PLACEHOLDER_FIELDS = new Set(['role-title', 'alt-title', 'summary', 'intro', 'section-title', 'item', 'sub-item', 'chapter-title', 'chapter-summary', 'clause', 'job-family', 'expectation']);

/** The planted text of one field: its tag, then the payload. */
export const hostile = (field: string) => `HX-${field} ${HOSTILE_PAYLOAD}${PLACEHOLDER_FIELDS.has(field) ? '' : ` ${TEMPLATE_SYNTAX}`}`;

/** Fields of the hostile build, by tag. */
export const HOSTILE_FIELDS = [
	'company',
	'jurisdiction',
	'department',
	'position',
	'family',
	'given',
	'role-title',
	'alt-title',
	'summary',
	'intro',
	'section-title',
	'item',
	'sub-item',
	'document-number',
	'change-summary',
	'chapter-title',
	'chapter-summary',
	'opening-title',
	'description',
	'requirement',
	'reference',
	'city',
	'street',
	'clause',
	'job-family',
	'expectation',
] as const;

/** A YAML scalar holding `text` exactly (JSON strings are YAML double-quoted scalars). */
const yaml = (text: string) => JSON.stringify(text);

/**
 * The base fixture with hostile text in every text field that reaches a page, a feed, JSON-LD,
 * the sitemap, the search index, a link-preview card or a PDF, and legal URLs with characters
 * that need escaping (`&`, `'`) in the fields that become links.
 */
export const HOSTILE_FIXTURE_EDITS: Edit[] = [
	{ file: 'content/company.yaml', replace: ['en: Example Trading LLC', `en: ${yaml(hostile('company'))}`] },
	{ file: 'content/company.yaml', replace: ['en: the Russian Federation', `en: ${yaml(hostile('jurisdiction'))}`] },
	{ file: 'content/company.yaml', replace: ['name: { en: Sales, ru: Продажи }', `name: { en: ${yaml(hostile('department'))}, ru: Продажи }`] },
	{ file: 'content/company.yaml', replace: ['title: { en: Director, ru: Директор }', `title: { en: ${yaml(hostile('position'))}, ru: Директор }`] },
	{ file: 'content/company.yaml', replace: ['en: { family: Smith, given: Jane }', `en: { family: ${yaml(hostile('family'))}, given: ${yaml(hostile('given'))} }`] },
	{
		file: 'content/company.yaml',
		replace: [
			'  url: https://handbook.example.com',
			"  url: https://handbook.example.com\n  editUrl: https://git.example.com/edit/{path}?ref=main&x='y'\nwebsite: https://www.example.com/?a=1&b='2'",
		],
	},
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['title: Sales lead', `title: ${yaml(hostile('role-title'))}`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['altTitles: [Head of sales]', `altTitles: [${yaml(hostile('alt-title'))}]`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['summary: Leads the sales reps.', `summary: ${yaml(hostile('summary'))}`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['intro: "The sales lead:"', `intro: ${yaml(hostile('intro'))}`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['  - kind: rights\n', `  - kind: rights\n    title: ${yaml(hostile('section-title'))}\n`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['      - text: Plans sales.', `      - text: ${yaml(hostile('item'))}`] },
	{ file: 'content/roles/sales-lead/en.mdx', replace: ['          - text: weekly;', `          - text: ${yaml(hostile('sub-item'))}`] },
	{ file: 'content/roles/sales-lead/role.yaml', replace: ['number: JD-1', `number: ${yaml(hostile('document-number'))}`] },
	{ file: 'content/roles/sales-lead/versions/1/role.yaml', replace: ['number: JD-1', `number: ${yaml(hostile('document-number'))}`] },
	{ file: 'content/roles/sales-lead/role.yaml', replace: ['en: Weekly reporting dropped; coaching on calls added.', `en: ${yaml(hostile('change-summary'))}`] },
	{ file: 'content/handbook/en/welcome.mdx', replace: ['title: Welcome', `title: ${yaml(hostile('chapter-title'))}`] },
	{ file: 'content/handbook/en/welcome.mdx', replace: ['summary: First steps.', `summary: ${yaml(hostile('chapter-summary'))}`] },
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['locales: [en, ru]', `locales: [en, ru]\ntitle: { en: ${yaml(hostile('opening-title'))}, ru: Руководитель продаж }`] },
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['    We are looking for a sales lead for our Moscow office.', `    ${hostile('description')}`] },
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['  - en: At least 3 years in B2B sales.', `  - en: ${yaml(hostile('requirement'))}`] },
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['reference: VAC-1', `reference: ${yaml(hostile('reference'))}`] },
	{
		file: 'content/openings/sales-lead-moscow.yaml',
		replace: ['    city: { en: Moscow, ru: Москва }', `    street: { en: ${yaml(hostile('street'))}, ru: ул. Лесная }\n    city: { en: ${yaml(hostile('city'))}, ru: Москва }`],
	},
	{ file: 'content/openings/sales-lead-moscow.yaml', replace: ['  url: https://jobs.example.com/apply/sales-lead', "  url: https://jobs.example.com/apply?id=1&src='x'"] },
	{ file: 'content/clauses/labour-law.yaml', replace: ['  en: Within the limits set by the labour law of {jurisdiction}.', `  en: ${yaml(hostile('clause'))}`] },
	{ file: 'content/families/sales.yaml', replace: ['title: { en: Sales, ru: Продажи }', `title: { en: ${yaml(hostile('job-family'))}, ru: Продажи }`] },
	{ file: 'content/families/sales.yaml', replace: ['      - { en: Leads the reps to the team\'s plan. }', `      - { en: ${yaml(hostile('expectation'))} }`] },
];
