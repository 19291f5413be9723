/** Link-preview cards: which pages get one, what they say, and that rendering is exact and repeatable. */
import { describe, expect, it } from 'vitest';
import { loadRolebook } from '../../src/model/index.ts';
import { cardJobs, renderCard } from '../../src/og/index.ts';
import { clip, titleSize } from '../../src/og/card.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { pngSize } from '../helpers/png.ts';
import { join } from 'node:path';

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

	it('shortens long texts at a word and picks a title size that fits', () => {
		expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
		expect(clip('short', 12)).toBe('short');
		expect(titleSize('Sales lead')).toBeGreaterThan(titleSize('Менеджер по работе с ключевыми клиентами (строительство и ремонт)'));
	});
});
