/**
 * What layout produces and drawing consumes: pages of plain positioned boxes. Coordinates are
 * PDF points measured from the page's top-left corner (y grows downwards); drawing flips them.
 * No pdf-lib types here, so layout can be computed and tested without making a PDF.
 */
export type FaceName = 'regular' | 'bold';

export interface TextStyle {
	face: FaceName;
	/** Font size in points. */
	size: number;
	/** Fill colour as a grey level: 0 black … 1 white. Default 0. */
	gray?: number;
}

/** One line of text; `y` is its baseline. */
export interface TextBox {
	kind: 'text';
	x: number;
	y: number;
	text: string;
	style: TextStyle;
}

/** A straight line: signature lines, table rules, header and footer rules. */
export interface RuleBox {
	kind: 'rule';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	/** Stroke width in points. */
	width: number;
	gray?: number;
}

/** A fillable form field; `y` is its top edge. */
export interface FieldBox {
	kind: 'field';
	type: 'text' | 'signature';
	/** Fully qualified field name: stable, meaningful, no dots. */
	name: string;
	/** Tooltip (/TU): what goes in the field, in the document's language. */
	label: string;
	x: number;
	y: number;
	width: number;
	height: number;
	/** Pre-filled value of a text field (shown through its appearance). */
	value?: string;
}

/** Large text rotated across the page centre, under everything else (e.g. "DRAFT"). */
export interface WatermarkBox {
	kind: 'watermark';
	text: string;
	style: TextStyle;
	/** Centre of the text on the page. */
	cx: number;
	cy: number;
	/** Rotation in degrees, counter-clockwise. */
	angle: number;
	/** Width of the text at its size, so drawing can centre it without measuring. */
	width: number;
}

export type Box = TextBox | RuleBox | FieldBox | WatermarkBox;

export interface Page {
	width: number;
	height: number;
	boxes: Box[];
}

/** Width in points of `text` set in `face` at `size`. Layout's only access to fonts. */
export type Measure = (text: string, face: FaceName, size: number) => number;
