// The pure helpers of scripts/bench-scale.ts: parsing build logs, the Starlight pages, the dev-server edits.
import { describe, expect, it } from 'vitest';
import {
	chapterMarkdown,
	escapeMarkdown,
	median,
	parseAstroDuration,
	parsePhases,
	roleMarkdown,
	rolebookCaches,
	shiftDate,
	shortCommand,
	withEffectiveDate,
	withTitleSuffix,
} from '../../scripts/bench-scale.ts';
import type { Item, Section } from '../../src/model/index.ts';

describe('build logs', () => {
	it("reads Astro's duration formats", () => {
		expect(parseAstroDuration('850ms')).toBe(850);
		expect(parseAstroDuration('80.12s')).toBeCloseTo(80_120);
		expect(parseAstroDuration('1m 20s')).toBe(80_000);
		expect(parseAstroDuration('soon')).toBeUndefined();
	});

	it('finds the phases a Rolebook build prints', () => {
		const log = [
			'12:22:36 [build] 5978 page(s) built in 1m 20s',
			'\u001b[32m12:22:36 [build] Complete!\u001b[39m',
			'✓ 5940 PDF job descriptions (5940 rendered on 2 threads, 0 unchanged from the cache) in 38.1 s.',
			'✓ 3000 link-preview images (3000 rendered, 15 ms each on 2 threads, 0 unchanged from the cache) in 53.0 s.',
			'✓ Site built in /tmp/out.',
		].join('\n');
		expect(parsePhases(log).map(({ name, ms, count }) => ({ name, ms, count }))).toEqual([
			{ name: 'Astro', ms: 80_000, count: 5978 },
			{ name: 'PDF job descriptions', ms: 38_100, count: 5940 },
			{ name: 'link-preview images', ms: 53_000, count: 3000 },
		]);
	});

	it('names processes briefly', () => {
		expect(shortCommand(`${process.execPath} /p/bin/rolebook.js build --content c --out o`, '/p')).toBe('node bin/rolebook.js build');
		expect(shortCommand('node /p/node_modules/astro/bin/astro.mjs build', '/p')).toBe('astro build');
		expect(shortCommand('/p/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service', '/p')).toBe('pagefind_extended');
	});

	it('takes the middle value', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
	});

	it('names the content store of the content folder as astro.config.mjs does', () => {
		const caches = rolebookCaches('/corpus');
		expect(caches).toEqual(expect.arrayContaining(['.rolebook/render-cache', '.rolebook/workers']));
		expect(caches.at(-1)).toMatch(/^node_modules\/\.astro\/content-[0-9a-f]{12}$/);
	});
});

describe('Starlight pages', () => {
	const item = (number: string, text: string, items: Item[] = []): Item => ({ number, anchor: `duty-${number}`, text, items });
	const section: Section = { kind: 'duties', number: 2, anchor: 'duties', heading: 'Duties', items: [item('2.1', 'Call *new* clients', [item('2.1.1', 'in <CRM>')])] };

	it('shows the numbered sections, items and body as the role page does', () => {
		const page = roleMarkdown({ title: 'Manager: "KAM"', summary: 'Sells.', sections: [section], body: '\nThe body.\n' });
		expect(page).toBe(
			['---\ntitle: "Manager: \\"KAM\\""\ndescription: "Sells."\n---', 'Sells.', '## 2. Duties', '2.1. Call \\*new\\* clients', '2.1.1. in \\<CRM\\>', 'The body.'].join('\n\n') + '\n',
		);
	});

	it('writes chapters with their summary and body', () => {
		expect(chapterMarkdown({ title: 'Pay', summary: 'How pay works', body: '## Salary\n\nText.' })).toContain('How pay works\n\n## Salary\n\nText.\n');
	});

	it('escapes Markdown markup in plain text', () => {
		expect(escapeMarkdown('a_b [c] `d` \\ ~e~')).toBe('a\\_b \\[c\\] \\`d\\` \\\\ \\~e\\~');
	});
});

describe('dev-server edits', () => {
	it('adds to a plain or quoted title and keeps the rest', () => {
		expect(withTitleSuffix('---\ntitle: Sales manager 1\nsummary: x\n---\n\nBody\n', 'X1')).toBe('---\ntitle: Sales manager 1 X1\nsummary: x\n---\n\nBody\n');
		expect(withTitleSuffix('---\r\ntitle: "Sales: lead"\r\n---\r\nBody', 'X1')).toBe('---\r\ntitle: "Sales: lead X1"\r\n---\r\nBody');
		expect(() => withTitleSuffix('Body only', 'X1')).toThrow('no front matter');
	});

	it('changes the effective date of role.yaml', () => {
		const yaml = 'document:\n  number: JD-1\n  effective: 2026-03-02\n  approvedBy: volkova\n';
		expect(withEffectiveDate(yaml, '2026-02-17')).toBe(yaml.replace('2026-03-02', '2026-02-17'));
		expect(withEffectiveDate("document:\n  effective: '2026-03-02'\n", '2026-02-17')).toBe("document:\n  effective: '2026-02-17'\n");
		expect(() => withEffectiveDate('document: {}\n', '2026-02-17')).toThrow();
		expect(shiftDate('2026-03-02', -13)).toBe('2026-02-17');
	});
});
