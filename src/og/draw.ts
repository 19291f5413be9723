/**
 * Drawing a laid-out card (layout.ts) into RGB pixels, one primitive per function.
 *
 * Every shape with an anti-aliased edge — a glyph at a quarter-pixel offset, the badge's pill,
 * the logo in its rounded corners — is rasterised by resvg once and kept as a coverage mask (the
 * logo as pixels); a card is then a flat background with those masks blended in. Rasterising the
 * whole 1200×630 card with resvg and encoding it (its fixed cost alone is ~3 ms + ~8 ms) was
 * most of the time of a card, and every card repeats the same few hundred glyphs.
 *
 * The pixels are kept as PNG scanlines (a filter-type byte, then the row), so png.ts compresses
 * them as they are.
 */
import { Resvg } from '@resvg/resvg-js';
import { dejavu, type FaceName } from '../fonts/dejavu.ts';
import type { CardLayout, Color, GlyphRun, Rect } from './layout.ts';

/** An RGB image as PNG scanlines without filtering: each row is a 0 byte, then 3 bytes per pixel. */
export interface Scanlines {
	width: number;
	height: number;
	data: Buffer;
}

/** Horizontal positions of glyphs are rounded to this fraction of a pixel (vertical ones are whole). */
export const SUBPIXEL_STEPS = 4;

/** A coverage mask (0–255 per pixel) placed relative to a point: a glyph's pen position, a shape's corner. */
interface Mask {
	left: number;
	top: number;
	width: number;
	height: number;
	alpha: Uint8Array;
}

/** Pixels as resvg draws them: RGBA, premultiplied. No system fonts: nothing on the machine changes a card. */
function rasterise(width: number, height: number, body: string): Buffer {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`;
	return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2 }).render().pixels;
}

function alphaOf(rgba: Buffer): Uint8Array {
	const alpha = new Uint8Array(rgba.length / 4);
	for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
	return alpha;
}

/** Masks by key: a glyph is a few hundred bytes, and 3,000 cards in three languages need ~1,000 of them. Emptied when full. */
const MASK_CACHE_SIZE = 30_000;
const masks = new Map<string, Mask>();

function cached(key: string, make: () => Mask): Mask {
	let mask = masks.get(key);
	if (!mask) {
		if (masks.size >= MASK_CACHE_SIZE) masks.clear();
		masks.set(key, (mask = make()));
	}
	return mask;
}

/** A glyph of `size` pixels with its pen at (phase/SUBPIXEL_STEPS, 0). */
function glyphMask(face: FaceName, size: number, id: number, phase: number): Mask {
	return cached(`${face} ${size} ${id} ${phase}`, () => {
		const { font } = dejavu(face);
		const glyph = font.getGlyph(id);
		const scale = size / font.unitsPerEm;
		const box = glyph.cbox;
		const offset = phase / SUBPIXEL_STEPS;
		if (box.maxX <= box.minX || box.maxY <= box.minY) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
		// One pixel of margin: anti-aliasing reaches past the outline's box.
		const left = Math.floor(offset + box.minX * scale) - 1;
		const top = Math.floor(-box.maxY * scale) - 1;
		const width = Math.ceil(offset + box.maxX * scale) + 1 - left;
		const height = Math.ceil(-box.minY * scale) + 1 - top;
		const path = `<path fill="#fff" transform="matrix(${scale} 0 0 ${-scale} ${offset - left} ${-top})" d="${glyph.path.toSVG()}"/>`;
		return { left, top, width, height, alpha: alphaOf(rasterise(width, height, path)) };
	});
}

function roundedRectMask(width: number, height: number, radius: number): Mask {
	return cached(`rect ${width} ${height} ${radius}`, () => ({
		left: 0,
		top: 0,
		width,
		height,
		alpha: alphaOf(rasterise(width, height, `<rect width="${width}" height="${height}" rx="${radius}" ry="${radius}" fill="#fff"/>`)),
	}));
}

/** The logo scaled to its square with rounded corners, premultiplied RGBA; a site has one logo. */
const logos = new Map<string, Buffer>();
function logoPixels(src: string, size: number, radius: number): Buffer {
	const key = `${size} ${radius} ${src}`;
	let pixels = logos.get(key);
	if (!pixels) {
		const clip = `<clipPath id="c"><rect width="${size}" height="${size}" rx="${radius}" ry="${radius}"/></clipPath>`;
		pixels = rasterise(size, size, `<defs>${clip}</defs><image href="${src}" width="${size}" height="${size}" preserveAspectRatio="none" clip-path="url(#c)"/>`);
		if (logos.size >= 4) logos.clear();
		logos.set(key, pixels);
	}
	return pixels;
}

function fill(image: Scanlines, color: Color): void {
	const { data, width } = image;
	const stride = width * 3 + 1;
	const row = Buffer.alloc(stride);
	for (let x = 0; x < width; x++) row.writeUIntBE(color, 1 + x * 3, 3);
	for (let offset = 0; offset < data.length; offset += stride) row.copy(data, offset);
}

function fillRect(image: Scanlines, rect: Rect): void {
	const stride = image.width * 3 + 1;
	const r = rect.color >> 16;
	const g = (rect.color >> 8) & 0xff;
	const b = rect.color & 0xff;
	for (let y = Math.max(0, rect.y); y < Math.min(image.height, rect.y + rect.height); y++) {
		for (let x = Math.max(0, rect.x); x < Math.min(image.width, rect.x + rect.width); x++) {
			const o = y * stride + 1 + x * 3;
			image.data[o] = r;
			image.data[o + 1] = g;
			image.data[o + 2] = b;
		}
	}
}

/** `color` over the image where the mask covers it, the mask's origin at (x, y). */
function blendMask(image: Scanlines, mask: Mask, x: number, y: number, color: Color): void {
	const { data, width, height } = image;
	const stride = width * 3 + 1;
	const r = color >> 16;
	const g = (color >> 8) & 0xff;
	const b = color & 0xff;
	const x0 = x + mask.left;
	const y0 = y + mask.top;
	const fromX = Math.max(0, -x0);
	const toX = Math.min(mask.width, width - x0);
	for (let row = Math.max(0, -y0); row < Math.min(mask.height, height - y0); row++) {
		const line = (y0 + row) * stride + 1 + x0 * 3;
		const alphaRow = row * mask.width;
		for (let col = fromX; col < toX; col++) {
			const a = mask.alpha[alphaRow + col]!;
			if (a === 0) continue;
			const o = line + col * 3;
			if (a === 255) {
				data[o] = r;
				data[o + 1] = g;
				data[o + 2] = b;
			} else {
				const keep = 255 - a;
				data[o] = (r * a + data[o]! * keep + 127) / 255;
				data[o + 1] = (g * a + data[o + 1]! * keep + 127) / 255;
				data[o + 2] = (b * a + data[o + 2]! * keep + 127) / 255;
			}
		}
	}
}

/** Premultiplied RGBA pixels over the image, their top left at (x, y). */
function blendPixels(image: Scanlines, pixels: Buffer, size: number, x: number, y: number): void {
	const stride = image.width * 3 + 1;
	for (let row = 0; row < size; row++) {
		if (y + row < 0 || y + row >= image.height) continue;
		for (let col = 0; col < size; col++) {
			if (x + col < 0 || x + col >= image.width) continue;
			const s = (row * size + col) * 4;
			const keep = 255 - pixels[s + 3]!;
			const o = (y + row) * stride + 1 + (x + col) * 3;
			for (let c = 0; c < 3; c++) image.data[o + c] = pixels[s + c]! + (image.data[o + c]! * keep + 127) / 255;
		}
	}
}

function drawRect(image: Scanlines, rect: Rect): void {
	if (rect.radius === 0) fillRect(image, rect);
	else blendMask(image, roundedRectMask(rect.width, rect.height, rect.radius), rect.x, rect.y, rect.color);
}

function drawText(image: Scanlines, run: GlyphRun): void {
	for (const glyph of run.glyphs) {
		const steps = Math.round(glyph.x * SUBPIXEL_STEPS);
		const x = Math.floor(steps / SUBPIXEL_STEPS);
		blendMask(image, glyphMask(run.face, run.size, glyph.id, steps - x * SUBPIXEL_STEPS), x, glyph.y, run.color);
	}
}

/** One image for every card of this thread: drawing allocates nothing but new masks. */
let canvas: Scanlines | undefined;

/** The card's pixels; valid until the next card is drawn in this thread. */
export function drawCard(layout: CardLayout): Scanlines {
	if (canvas?.width !== layout.width || canvas.height !== layout.height) {
		canvas = { width: layout.width, height: layout.height, data: Buffer.alloc((layout.width * 3 + 1) * layout.height) };
	}
	fill(canvas, layout.background);
	for (const rect of layout.rects) drawRect(canvas, rect);
	if (layout.logo) {
		const { src, x, y, size, radius } = layout.logo;
		blendPixels(canvas, logoPixels(src, size, radius), size, x, y);
	}
	for (const run of layout.texts) drawText(canvas, run);
	return canvas;
}
