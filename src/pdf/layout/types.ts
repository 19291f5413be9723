/**
 * What layout produces and drawing consumes: pages of plain positioned boxes. Coordinates are
 * PDF points measured from the page's top-left corner (y grows downwards); drawing flips them.
 * No pdf-lib types here, so layout can be computed and tested without making a PDF.
 */
export type FaceName = 'regular' | 'bold';

/**
 * Who a drawn box belongs to, for the tagged PDF (PDF/UA, PDF/A-2a): `tag` is the id of the
 * structure element (see `StructNode`) whose content the box is; a box without a tag is an
 * artifact — page furniture, rules, a repeated table header — of the kind `artifact` names
 * (default 'layout').
 */
export interface Tagged {
	tag?: number;
	artifact?: ArtifactKind;
}

/** Kinds of artifact (ISO 32000-1, 14.8.2.2): pagination furniture or layout decoration. */
export type ArtifactKind = 'header' | 'footer' | 'watermark' | 'layout' | 'pagination';

/** Standard structure types used (ISO 32000-1, 14.8.4): no custom types, so no role map. */
export type StructRole = 'Document' | 'Sect' | 'Div' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Form' | 'Span';

/** One element of the document's logical structure, in reading order. */
export interface StructNode {
	id: number;
	role: StructRole;
	/** Language of the element when it differs from the document's (BCP 47). */
	lang?: string;
	/** Header cells: which cells they head (written as the /Scope attribute). */
	scope?: 'Column' | 'Row';
	/** Replacement text (/ActualText), e.g. a heading whose drawn text is split or upper-cased. */
	actualText?: string;
	/** Title of the bookmark pointing at this element (headings of the outline). */
	bookmark?: string;
	children: StructNode[];
}
export interface TextStyle {
	face: FaceName;
	/** Font size in points. */
	size: number;
	/** Fill colour as a grey level: 0 black … 1 white. Default 0. */
	gray?: number;
}

/** One line of text; `y` is its baseline. */
export interface TextBox extends Tagged {
	kind: 'text';
	x: number;
	y: number;
	text: string;
	style: TextStyle;
}

/** A straight line: signature lines, table rules, header and footer rules. */
export interface RuleBox extends Tagged {
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
export interface FieldBox extends Tagged {
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
	/** Lines of the visible signature stamp drawn in a signed signature field. */
	stamp?: string[];
}

/** Large text rotated across the page centre, under everything else (e.g. "DRAFT"). */
export interface WatermarkBox extends Tagged {
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

/** A bookmark: a heading's title and where it is drawn. */
export interface OutlineEntry {
	title: string;
	/** Page index (0-based) and the top of the heading's first line, from the page top. */
	page: number;
	y: number;
}

/** The laid-out document: pages of boxes, the logical structure their tags point into, the outline. */
export interface DocumentLayout {
	pages: Page[];
	structure: StructNode;
	outline: OutlineEntry[];
}

/** Width in points of `text` set in `face` at `size`. Layout's only access to fonts. */
export type Measure = (text: string, face: FaceName, size: number) => number;
