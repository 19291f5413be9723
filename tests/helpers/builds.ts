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
} as const;

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
};

export const SUBPATH_BASE = '/handbook/';
