/**
 * Where everything on a card goes: a fully positioned list of plain shapes — rectangles, the
 * logo, glyphs at pixel positions — computed from the texts alone (drawing is draw.ts).
 *
 * The card is a fixed design, so the layout is arithmetic rather than a flexbox engine:
 *
 *   ┌bar┬─ padding ───────────────────────────────────────────┐
 *   │   │ [logo] company            (wraps)            [badge] │  header, centred on its tallest item
 *   │   │        site                                          │
 *   │   │                                                      │
 *   │   │ KICKER                                               │  middle, centred vertically
 *   │   │ Title, up to three lines                             │
 *   │   │ Subtitle                                             │
 *   │   │                                                 host │  footer, right-aligned
 *   └───┴──────────────────────────────────────────────────────┘
 *
 * Positions are rounded to pixels the way the browser-like engine of the first cards (satori)
 * did: boxes at whole pixels, line boxes of a rounded line height, and the words of a wrapped
 * text at whole pixels (a single line keeps the fractional advances of its words).
 */
import type { FaceName } from '../fonts/dejavu.ts';
import type { CardContent, CardPart } from './card.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import { breakLines, collapseWhiteSpace, lineMetrics, shape, unitScale, type Line, type TextStyle } from './text.ts';

/** The face each text is drawn in. A text is drawn in its face only (no fallback to the other), so the glyph check asks this face. */
export const CARD_FACES: Record<CardPart, FaceName> = { company: 'bold', site: 'regular', host: 'regular', kicker: 'regular', title: 'bold', subtitle: 'regular', badge: 'bold' };

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

/** A colour as 0xRRGGBB. */
export type Color = number;

export const COLORS = { background: 0x0f2a3d, text: 0xffffff, muted: 0xa9c1d3, accent: 0xffd166, badge: 0xe4572e } as const;

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
	color: Color;
	/** Corner radius in pixels (0: square corners). */
	radius: number;
}

export interface Glyph {
	id: number;
	/** Pen position on the baseline, in pixels; `y` is whole. */
	x: number;
	y: number;
}

export interface GlyphRun {
	part: CardPart;
	face: FaceName;
	size: number;
	color: Color;
	glyphs: Glyph[];
}

export interface CardLayout {
	width: number;
	height: number;
	background: Color;
	/** Drawn in order, before the logo and the texts. */
	rects: Rect[];
	logo?: { src: string; x: number; y: number; size: number; radius: number };
	texts: GlyphRun[];
}

/** The accent bar on the left, then the padding, in pixels. */
const BAR = 16;
const PAD = { top: 56, right: 72, bottom: 48, left: 72 };
const LOGO = { size: 72, radius: 12, gap: 24 };
const BADGE = { padX: 22, padY: 8 };
/** Gaps between the texts, in pixels. */
const GAP = { site: 4, kicker: 18, subtitle: 24 };

/** How each text is set. The title's size depends on its length. */
const style = (part: CardPart, size: number, rest: Omit<TextStyle, 'face' | 'size'> = {}): TextStyle => ({ face: CARD_FACES[part], size, ...rest });
const STYLES = {
	company: style('company', 30),
	site: style('site', 24),
	badge: style('badge', 26),
	kicker: style('kicker', 26, { letterSpacing: 1 }),
	title: (size: number) => style('title', size, { lineHeight: 1.15 }),
	subtitle: style('subtitle', 28, { lineHeight: 1.35 }),
	host: style('host', 22),
};

/** A text broken into lines of a given width, measured; placed later. */
interface Block {
	part: CardPart;
	style: TextStyle;
	color: Color;
	lines: Line[];
	lineHeight: number;
	baseline: number;
	height: number;
	/** The widest line, rounded up to a pixel: the width of the text's box when it sets its own. */
	width: number;
}

function block(part: CardPart, text: string, textStyle: TextStyle, color: Color, maxWidth: number): Block {
	const lines = breakLines(collapseWhiteSpace(text), maxWidth, textStyle);
	const { height: lineHeight, baseline } = lineMetrics(textStyle);
	const width = Math.ceil(Math.max(0, ...lines.map((line) => line.width)));
	return { part, style: textStyle, color, lines, lineHeight, baseline, height: lines.length * lineHeight, width };
}

/** The glyphs of a block whose box starts at (left, top). */
function place(b: Block, left: number, top: number): GlyphRun {
	const { face, size } = b.style;
	const letterSpacing = b.style.letterSpacing ?? 0;
	const scale = unitScale(b.style);
	const glyphs: Glyph[] = [];
	const wrapped = b.lines.length > 1;
	b.lines.forEach((line, index) => {
		const y = top + index * b.lineHeight + b.baseline;
		for (const run of line.runs) {
			const shaped = shape(face, run.text);
			let pen = wrapped ? Math.round(left + run.x) : left + run.x;
			for (let i = 0; i < shaped.ids.length; i++) {
				if (i > 0 && shaped.advances[i] !== 0) pen += letterSpacing;
				glyphs.push({ id: shaped.ids[i]!, x: pen + shaped.dx[i]! * scale, y: y - Math.round(shaped.dy[i]! * scale) });
				pen += shaped.advances[i]! * scale;
			}
		}
	});
	return { part: b.part, face, size, color: b.color, glyphs };
}

export function cardLayout(card: CardContent): CardLayout {
	const left = BAR + PAD.left;
	const top = PAD.top;
	const width = CARD_WIDTH - BAR - PAD.left - PAD.right;
	const height = CARD_HEIGHT - PAD.top - PAD.bottom;
	const rects: Rect[] = [{ x: 0, y: 0, width: BAR, height: CARD_HEIGHT, color: COLORS.accent, radius: 0 }];
	const texts: GlyphRun[] = [];

	// Header: logo, company and site (taking the room left), badge.
	const badge = card.badge ? block('badge', card.badge, STYLES.badge, COLORS.text, Infinity) : undefined;
	const badgeSize = badge && { width: badge.width + 2 * BADGE.padX, height: badge.height + 2 * BADGE.padY };
	const logoWidth = card.logo ? LOGO.size + LOGO.gap : 0;
	const nameWidth = width - logoWidth - (badgeSize?.width ?? 0);
	const company = block('company', clip(card.company, 50), STYLES.company, COLORS.text, nameWidth);
	const site = block('site', clip(card.site, 60), STYLES.site, COLORS.muted, nameWidth);
	const namesHeight = company.height + GAP.site + site.height;
	const header = Math.max(card.logo ? LOGO.size : 0, namesHeight, badgeSize?.height ?? 0);
	const centred = (size: number) => Math.round(top + (header - size) / 2);
	let logo: CardLayout['logo'];
	if (card.logo) logo = { src: card.logo, x: left, y: centred(LOGO.size), size: LOGO.size, radius: LOGO.radius };
	const namesTop = top + (header - namesHeight) / 2;
	texts.push(place(company, left + logoWidth, Math.round(namesTop)), place(site, left + logoWidth, Math.round(namesTop + company.height + GAP.site)));
	if (badge && badgeSize) {
		const x = left + width - badgeSize.width;
		const y = centred(badgeSize.height);
		rects.push({ x, y, ...badgeSize, color: COLORS.badge, radius: badgeSize.height / 2 });
		texts.push(place(badge, x + BADGE.padX, y + BADGE.padY));
	}

	// Middle: kicker, title and subtitle, centred in the room between header and footer (the host's line).
	const host = block('host', card.host, STYLES.host, COLORS.muted, width);
	const footerTop = top + height - host.height;
	const title = clip(card.title, 110);
	const middle = [
		{ gap: 0, block: block('kicker', clip(card.kicker, 70).toLocaleUpperCase(card.lang), STYLES.kicker, COLORS.accent, width) },
		{ gap: GAP.kicker, block: block('title', title, STYLES.title(titleSize(title)), COLORS.text, width) },
		...(card.subtitle ? [{ gap: GAP.subtitle, block: block('subtitle', clip(card.subtitle, 140), STYLES.subtitle, COLORS.muted, width) }] : []),
	];
	const middleHeight = middle.reduce((sum, item) => sum + item.gap + item.block.height, 0);
	// Centred. Taller than its room (only with extreme texts), it starts under the header and pushes the host down, off the card.
	let y = top + header + Math.max(0, footerTop - top - header - middleHeight) / 2;
	for (const item of middle) {
		y += item.gap;
		texts.push(place(item.block, left, Math.round(y)));
		y += item.block.height;
	}

	// Footer: the host, right-aligned.
	texts.push(place(host, left + width - host.width, Math.max(footerTop, Math.round(y))));

	return { width: CARD_WIDTH, height: CARD_HEIGHT, background: COLORS.background, rects, ...(logo ? { logo } : {}), texts };
}
