/**
 * One link-preview image: a card laid out with satori (flexbox → SVG, text drawn as outlines
 * from the embedded DejaVu Sans, so any script the font covers — Latin, Cyrillic, Turkish,
 * Nordic letters — looks the same everywhere) and rasterised with resvg to a 1200×630 PNG.
 * No system fonts are read, so the same card always gives the same bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { dejavu, FONT_FAMILY, type FaceName } from '../fonts/dejavu.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';

/** What a card says; every text is already in the page's language. */
export interface CardContent {
	/** Language of the texts (BCP 47), for line breaking. */
	lang: string;
	/** Small line above the title: "Role · Sales department", "Job opening · …". */
	kicker: string;
	title: string;
	/** One line under the title: a summary, or place and salary of an opening. */
	subtitle?: string;
	/** A label in the corner, e.g. "Closed". */
	badge?: string;
	/** Company name, top left. */
	company: string;
	/** Under the company name: "Handbook". */
	site: string;
	/** Host name shown bottom right, e.g. "handbook.lumen-trade.example". */
	host: string;
	/** Logo as a data: URI (PNG or SVG), optional. */
	logo?: string;
}

/** The texts of a card (the logo is an image). */
export type CardPart = 'company' | 'site' | 'host' | 'kicker' | 'title' | 'subtitle' | 'badge';

/** The face each text is drawn in. satori does not fall back from one face to another, so the glyph check asks this face. */
export const CARD_FACES: Record<CardPart, FaceName> = { company: 'bold', site: 'regular', host: 'regular', kicker: 'regular', title: 'bold', subtitle: 'regular', badge: 'bold' };
const weight = (part: CardPart) => (CARD_FACES[part] === 'bold' ? 700 : 400);

const COLORS = { background: '#0f2a3d', panel: '#163a54', text: '#ffffff', muted: '#a9c1d3', accent: '#ffd166', badge: '#e4572e' };

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** DejaVu Sans from the npm package (never the system's fonts), the same files the PDFs embed. */
function loadFonts() {
	if (fonts) return fonts;
	const bytes = (face: FaceName) => {
		const { data } = dejavu(face);
		return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	};
	fonts = [
		{ name: FONT_FAMILY, data: bytes('regular'), weight: 400, style: 'normal' },
		{ name: FONT_FAMILY, data: bytes('bold'), weight: 700, style: 'normal' },
	];
	return fonts;
}

/** Shortens at a word boundary and adds an ellipsis; counts characters, not UTF-16 units. */
export function clip(text: string, max: number): string {
	const chars = [...text.trim()];
	if (chars.length <= max) return text.trim();
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:·–-]+$/u, '')}…`;
}

/** Long titles get a smaller size so they fit three lines. */
export function titleSize(title: string): number {
	const length = [...title].length;
	return length <= 32 ? 72 : length <= 60 ? 60 : length <= 90 ? 50 : 42;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown; [key: string]: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown, props: Record<string, unknown> = {}): Node => ({ type, props: { style, children, ...props } });

/** Space inside the card, in pixels: the accent bar on the left, then the padding. */
const BAR = 16;
const PAD = { top: 56, right: 72, bottom: 48, left: 72 };

export function cardTree(card: CardContent): Node {
	const title = clip(card.title, 110);
	const width = CARD_WIDTH - BAR - PAD.left - PAD.right;
	const height = CARD_HEIGHT - PAD.top - PAD.bottom;
	return h('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', backgroundColor: COLORS.background, color: COLORS.text, fontFamily: FONT_FAMILY }, [
		h('div', { width: BAR, height: CARD_HEIGHT, backgroundColor: COLORS.accent }),
		h('div', { display: 'flex', flexDirection: 'column', width, height, margin: `${PAD.top}px ${PAD.right}px ${PAD.bottom}px ${PAD.left}px` }, [
			h('div', { display: 'flex', alignItems: 'center', width }, [
				...(card.logo ? [h('img', { width: 72, height: 72, borderRadius: 12, marginRight: 24 }, undefined, { src: card.logo, width: 72, height: 72 })] : []),
				h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1 }, [
					h('div', { fontSize: 30, fontWeight: weight('company') }, clip(card.company, 50)),
					h('div', { fontSize: 24, fontWeight: weight('site'), color: COLORS.muted, marginTop: 4 }, clip(card.site, 60)),
				]),
				...(card.badge
					? [h('div', { display: 'flex', flexShrink: 0, fontSize: 26, fontWeight: weight('badge'), backgroundColor: COLORS.badge, color: COLORS.text, padding: '8px 22px', borderRadius: 999 }, card.badge)]
					: []),
			]),
			h('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, width }, [
				// Upper case by the language's rules (Turkish i → İ), not CSS's.
				h('div', { fontSize: 26, fontWeight: weight('kicker'), color: COLORS.accent, letterSpacing: 1, marginBottom: 18 }, clip(card.kicker, 70).toLocaleUpperCase(card.lang)),
				h('div', { fontSize: titleSize(title), fontWeight: weight('title'), lineHeight: 1.15, width }, title),
				...(card.subtitle ? [h('div', { fontSize: 28, fontWeight: weight('subtitle'), color: COLORS.muted, marginTop: 24, lineHeight: 1.35, width }, clip(card.subtitle, 140))] : []),
			]),
			h('div', { display: 'flex', justifyContent: 'flex-end', fontSize: 22, fontWeight: weight('host'), color: COLORS.muted, width }, card.host),
		]),
	]);
}

/** The card as an SVG (text as outlines). */
export async function renderCardSvg(card: CardContent): Promise<string> {
	return satori(cardTree(card) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/** The card as a 1200×630 PNG. */
export async function renderCard(card: CardContent): Promise<Uint8Array> {
	const svg = await renderCardSvg(card);
	const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2, textRendering: 1 }).render().asPng();
	return new Uint8Array(png);
}
