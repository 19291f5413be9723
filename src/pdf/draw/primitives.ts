/**
 * Content-stream operators for each box kind, one primitive per function. Coordinates arrive
 * top-down from layout and leave in PDF space (origin bottom-left).
 */
import { encodeLiteral, type FontSubset } from '../embed.ts';
import type { FaceName, RuleBox, TextBox, WatermarkBox } from '../layout/types.ts';

/** A face as placed in a document: its resource name and its subset. */
export interface PlacedFont {
	resource: string;
	subset: FontSubset;
}
export type PlacedFonts = Record<FaceName, PlacedFont>;

/** Compact decimal: at most two places, no trailing zeros. */
export function num(value: number): string {
	const rounded = Math.round(value * 100) / 100;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function drawText(box: TextBox, pageHeight: number, fonts: PlacedFonts): string {
	const font = fonts[box.style.face];
	return `BT /${font.resource} ${num(box.style.size)} Tf ${num(box.style.gray ?? 0)} g 1 0 0 1 ${num(box.x)} ${num(pageHeight - box.y)} Tm (${encodeLiteral(font.subset, box.text)}) Tj ET`;
}

export function drawRule(box: RuleBox, pageHeight: number): string {
	return `q ${num(box.width)} w ${num(box.gray ?? 0)} G ${num(box.x1)} ${num(pageHeight - box.y1)} m ${num(box.x2)} ${num(pageHeight - box.y2)} l S Q`;
}

export function drawWatermark(box: WatermarkBox, pageHeight: number, fonts: PlacedFonts): string {
	const font = fonts[box.style.face];
	const radians = (box.angle * Math.PI) / 180;
	const cos = Math.cos(radians);
	const sin = Math.sin(radians);
	// Start point so the text's centre (half its width along the baseline, ~a third of its size up) lands on (cx, cy).
	const half = box.width / 2;
	const rise = box.style.size * 0.35;
	const x = box.cx - half * cos + rise * sin;
	const y = pageHeight - box.cy - half * sin - rise * cos;
	return `q BT /${font.resource} ${num(box.style.size)} Tf ${num(box.style.gray ?? 0)} g ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(x)} ${num(y)} Tm (${encodeLiteral(font.subset, box.text)}) Tj ET Q`;
}
