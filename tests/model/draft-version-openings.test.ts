/**
 * While version n+1 of a role is drafted, everything public that names the role — opening
 * pages, their job-posting data, the openings feed, link-preview cards — shows version n, the
 * version in force, never the draft's title or facts (found by a QA audit: they showed the draft).
 */
import { describe, expect, it } from 'vitest';
import { cardArtefacts } from '../../src/build/artefacts.ts';
import { loadRolebook, localizeOpening } from '../../src/model/index.ts';
import { openingsFeed } from '../../src/site/feeds.ts';
import { jobPostingJsonLd } from '../../src/site/structured-data.ts';
import { makeFixture } from '../helpers/fixture.ts';

const DRAFT = 'DRAFTV2TITLEMARKER';

function draftSecondVersion() {
	const fixture = makeFixture([
		{ file: 'content/roles/sales-lead/role.yaml', replace: ['  status: approved\n  effective: 2026-01-01\n  reviewBy: 2030-01-01\n  approvedBy: boss', '  status: draft'] },
		{ file: 'content/sign-offs.yaml', replace: ['      - { version: 2, date: 2026-01-15 }\n', ''] },
		{ file: 'content/roles/sales-lead/role.yaml', replace: ['experienceYears: 3', 'experienceYears: 9'] },
		{ file: 'content/roles/sales-lead/en.mdx', replace: ['title: Sales lead', `title: ${DRAFT}`] },
	]);
	try {
		const { rolebook, problems } = loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
		if (!rolebook) throw new Error(JSON.stringify(problems.filter((problem) => problem.severity === 'error')));
		return { rolebook, publicDir: `${fixture.root}/public` };
	} finally {
		fixture.cleanup();
	}
}

describe('openings of a role whose next version is a draft', () => {
	const { rolebook, publicDir } = draftSecondVersion();
	const opening = rolebook.openings.find((candidate) => candidate.id === 'sales-lead-moscow')!;

	it('name the version in force on the page and in its job-posting data', () => {
		const view = localizeOpening(rolebook, opening, 'en', { preview: false });
		expect(view.roleTitle).toBe('Sales lead');
		expect(view.role.document.version).toBe(1);
		const posting = JSON.stringify(jobPostingJsonLd(rolebook, view, { page: 'https://x.example/en/openings/a/', role: 'https://x.example/en/roles/sales-lead/' }));
		expect(posting).not.toContain(DRAFT);
		expect(posting).toContain('"monthsOfExperience":36');
	});

	it('never leak the draft into the openings feed or the cards', () => {
		const feed = JSON.stringify(openingsFeed(rolebook, 'en', { site: 'https://x.example/', today: '2026-06-01' }));
		expect(feed).toContain('sales-lead-moscow');
		expect(feed).not.toContain(DRAFT);
		expect(feed).not.toContain('"experienceYears":9');
		const cards = JSON.stringify(cardArtefacts(rolebook, { preview: false, today: '2026-06-01' }, publicDir));
		expect(cards).not.toContain(DRAFT);
	});

	it('show the draft in a preview build', () => {
		expect(localizeOpening(rolebook, opening, 'en', { preview: true }).roleTitle).toBe(DRAFT);
	});
});
