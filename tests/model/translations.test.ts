/** Translations are compared with the default language on what is published: internal items are not numbered, so they do not count. */
import { describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { makeFixture, type Edit } from '../helpers/fixture.ts';

function warnings(edits: Edit[]) {
	const fixture = makeFixture(edits);
	try {
		return loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' }).problems.filter((problem) => problem.severity === 'warning');
	} finally {
		fixture.cleanup();
	}
}

describe('item counts of a translation', () => {
	it('an internal item in English only is not a missing translation (and translating it would publish it)', () => {
		expect(warnings([{ file: 'content/roles/sales-lead/en.mdx', replace: ['      - text: Coaches the reps.', '      - text: HR note on pay.\n        internal: true\n      - text: Coaches the reps.'] }])).toEqual([]);
	});

	it('a published item missing in a translation is still reported', () => {
		const found = warnings([{ file: 'content/roles/sales-lead/en.mdx', replace: ['      - text: Coaches the reps.', '      - text: Plans the week.\n      - text: Coaches the reps.'] }]);
		expect(found).toContainEqual(expect.objectContaining({ file: 'content/roles/sales-lead/ru.mdx', message: expect.stringContaining('in ru but') }));
	});
});
