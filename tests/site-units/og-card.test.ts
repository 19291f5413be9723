/** Link-preview cards: which pages get one, what they say, and that rendering is exact and repeatable. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dejavu } from '../../src/fonts/dejavu.ts';
import { loadRolebook } from '../../src/model/index.ts';
import { cardJobs, renderCard } from '../../src/og/index.ts';
import { clip, titleSize } from '../../src/og/card.ts';
import { cardLayout } from '../../src/og/layout.ts';
import { breakLines, textWidth } from '../../src/og/text.ts';
import { REFERENCE_CARDS } from '../fixtures/og/cards.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { decodePng, imageDifference, pngSize } from '../helpers/png.ts';

const { rolebook } = loadRolebook({ today: '2026-11-25' });
const options = { preview: false, today: '2026-11-25', publicDir: join(PROJECT_ROOT, 'public') };

describe('cardJobs', () => {
	const jobs = cardJobs(rolebook!, options);

	it('makes one card per role, chapter and opening page in every locale', () => {
		const { company, roles, chapters, openings } = rolebook!;
		expect(jobs).toHaveLength(company.locales.length * (roles.length + chapters.length + openings.length));
		expect(new Set(jobs.map((job) => job.file)).size).toBe(jobs.length);
		expect(jobs.map((job) => job.file)).toContain('og/ru/roles/key-account-manager.png');
	});

	it('says it in the page language, with the company logo and a Closed badge on closed openings', () => {
		const kam = jobs.find((job) => job.file === 'og/ru/roles/key-account-manager.png')!.card;
		expect(kam).toMatchObject({ lang: 'ru', title: 'Менеджер по работе с ключевыми клиентами', company: 'ООО «Торговый дом Люмен»', kicker: 'Должность · Отдел продаж' });
		expect(kam.logo).toMatch(/^data:image\/png;base64,/);
		const closed = jobs.find((job) => job.file === 'og/de/openings/client-manager-saint-petersburg.png')!.card;
		expect(closed.badge).toBe('Geschlossen');
		// Intl puts narrow no-break spaces in Russian numbers.
		expect(jobs.find((job) => job.file === 'og/ru/openings/client-search-manager-moscow.png')!.card.subtitle!.replace(/\s/g, ' ')).toBe('Москва, Россия · 45 000–90 000 ₽ в месяц');
	});

	it('lists every text a card shows for the glyph check, as it is drawn, with the field it comes from', () => {
		for (const job of jobs) {
			const parts = new Map(job.texts.map((text) => [text.part, text]));
			for (const part of ['company', 'site', 'host', 'kicker', 'title', 'subtitle', 'badge'] as const) {
				const shown = job.card[part];
				if (shown !== undefined) expect(parts.get(part)?.text, `${job.file} ${part}`).toBe(shown);
			}
			for (const text of job.texts) expect(text.sources.length, `${job.file} ${text.part}`).toBeGreaterThan(0);
		}
		const kam = jobs.find((job) => job.file === 'og/ru/roles/key-account-manager.png')!;
		expect(kam.texts.find((text) => text.part === 'title')!.sources).toEqual([{ file: 'content/roles/key-account-manager/ru.mdx', field: 'title', text: kam.card.title }]);
		// An open opening's badge is checked too: it appears when the opening closes, with no change to the content.
		const open = jobs.find((job) => job.file === 'og/de/openings/client-search-manager-moscow.png')!;
		expect(open.card.badge).toBeUndefined();
		expect(open.texts.find((text) => text.part === 'badge')).toMatchObject({ text: 'Geschlossen', sources: [{ file: 'src/i18n/strings/de.json', field: 'opening.closedBadge' }] });
	});
});

describe('renderCard', () => {
	const card = { lang: 'tr', kicker: 'İş ilanı · Satış', title: 'Менеджер · Kundenbetreuer · Müşteri temsilcisi ğşıİ æøå', company: 'ООО «Торговый дом Люмен»', site: 'El kitabı', host: 'handbook.example.com' };

	it('draws a 1200×630 PNG, byte-identical every time', async () => {
		const first = await renderCard(card);
		expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
		expect(Buffer.from(await renderCard(card)).equals(Buffer.from(first))).toBe(true);
		expect(Buffer.from(await renderCard({ ...card, title: 'Other' })).equals(Buffer.from(first))).toBe(false);
	});

	it('gives the same bytes whatever was drawn before it (glyphs are kept between cards)', async () => {
		const alone = Buffer.from(await renderCard(REFERENCE_CARDS['de-long-texts']!));
		for (const other of Object.values(REFERENCE_CARDS)) await renderCard(other);
		expect(Buffer.from(await renderCard(REFERENCE_CARDS['de-long-texts']!)).equals(alone)).toBe(true);
	});

	it('shortens long texts at a word and picks a title size that fits', () => {
		expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
		expect(clip('short', 12)).toBe('short');
		expect(titleSize('Sales lead')).toBeGreaterThan(titleSize('Менеджер по работе с ключевыми клиентами (строительство и ремонт)'));
	});
});

// Regenerate with UPDATE_CARD_IMAGES=1 only when the design changes on purpose, and look at the images.
describe('renderCard against the reference images (tests/fixtures/og)', () => {
	for (const [name, card] of Object.entries(REFERENCE_CARDS)) {
		it(`draws ${name} as the reference shows it`, async () => {
			const file = join(PROJECT_ROOT, 'tests/fixtures/og', `${name}.png`);
			const png = await renderCard(card);
			if (process.env.UPDATE_CARD_IMAGES) writeFileSync(file, png);
			const difference = imageDifference(decodePng(png), decodePng(readFileSync(file)));
			// Measured: mean ≤ 0.26 and at most 3 far pixels per million (glyph edges up to an eighth
			// of a pixel apart). One text moved by a pixel gives over 1,200 per million.
			expect(difference.mean, name).toBeLessThan(0.4);
			expect(difference.farPixels, name).toBeLessThan(100e-6);
		});
	}
});

describe('cardLayout', () => {
	const layout = (name: string) => cardLayout(REFERENCE_CARDS[name]!);
	const text = (name: string, part: string) => layout(name).texts.find((run) => run.part === part)!;
	const lines = (name: string, part: string) => new Set(text(name, part).glyphs.map((glyph) => glyph.y)).size;

	it('puts every glyph on a whole-pixel baseline inside the card', () => {
		for (const name of Object.keys(REFERENCE_CARDS)) {
			for (const run of layout(name).texts.filter((run) => run.part !== 'title' || name !== 'de-long-texts')) {
				for (const glyph of run.glyphs) {
					expect(Number.isInteger(glyph.y), `${name} ${run.part}`).toBe(true);
					expect(glyph.x, `${name} ${run.part}`).toBeGreaterThanOrEqual(88);
					expect(glyph.x, `${name} ${run.part}`).toBeLessThan(1128);
					expect(glyph.y, `${name} ${run.part}`).toBeLessThan(582);
				}
			}
		}
	});

	it('wraps the title and kicker at the text width, and lets a word wider than the card overflow whole', () => {
		expect(lines('en-wrapped-title', 'title')).toBe(3);
		expect(lines('de-long-texts', 'kicker')).toBe(2);
		expect(lines('de-long-texts', 'title')).toBe(1);
		expect(Math.max(...text('de-long-texts', 'title').glyphs.map((glyph) => glyph.x))).toBeGreaterThan(1200);
	});

	it('right-aligns the badge and the host, and leaves the company the room between logo and badge', () => {
		const de = layout('de-long-texts');
		const badge = de.rects.find((rect) => rect.color === 0xe4572e)!;
		expect(badge.x + badge.width).toBe(1128);
		expect(badge.radius).toBe(badge.height / 2);
		expect(Math.max(...text('de-long-texts', 'company').glyphs.map((glyph) => glyph.x))).toBeLessThan(badge.x);
		const host = text('en-chapter-kerning', 'host').glyphs;
		expect(host[0]!.x + textWidth('handbook.lumen-trade.example', { face: 'regular', size: 22 })).toBeCloseTo(1128, -1);
		expect(layout('ru-role-logo').logo).toMatchObject({ x: 88, y: 56, size: 72 });
		expect(text('ru-role-logo', 'company').glyphs[0]!.x).toBeGreaterThanOrEqual(88 + 72 + 24);
	});

	it('upper-cases the kicker by the language of the card (Turkish i → İ)', () => {
		const glyph = (char: string) => dejavu('regular').font.glyphForCodePoint(char.codePointAt(0)!).id;
		const ids = (lang: string) => cardLayout({ ...REFERENCE_CARDS['en-chapter-kerning']!, lang, kicker: 'iş' }).texts.find((run) => run.part === 'kicker')!.glyphs.map((g) => g.id);
		expect(ids('tr')[0]).toBe(glyph('İ'));
		expect(ids('en')[0]).toBe(glyph('I'));
	});
});

describe('breakLines', () => {
	const style = { face: 'regular' as const, size: 20 };
	const texts = (text: string, width: number) => breakLines(text, width, style).map((line) => line.runs.map((run) => run.text).join(''));

	it('fills each line greedily at the Unicode break opportunities; trailing spaces do not count', () => {
		const width = textWidth('alpha beta', style);
		expect(texts('alpha beta gamma', width)).toEqual(['alpha beta ', 'gamma']);
		expect(texts('alpha beta gamma', width - 0.5)[0]).toBe('alpha ');
	});

	it('keeps a word wider than the line whole, and draws a hyphenated or slashed word as one run', () => {
		expect(texts('a Kundenbetreuungsmanagerin b', 50)).toEqual(['a ', 'Kundenbetreuungsmanagerin ', 'b']);
		const [line] = breakLines('e-commerce/marketplaces now', 1000, style);
		expect(line!.runs.map((run) => run.text)).toEqual(['e-commerce/marketplaces ', 'now']);
		expect(line!.runs[1]!.x).toBeCloseTo(textWidth('e-commerce/marketplaces ', style), 6);
	});
});
