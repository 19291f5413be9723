/**
 * Lays out an organisation chart: each box sized to its wrapped text, then placed by dagre (a
 * layered graph layout: managers above the people who report to them) — never by hand. Text is
 * measured with DejaVu Sans, one of the widest sans-serif faces, so the words fit whichever
 * system font the reader's browser draws them in. Substitute lines are not part of the layered
 * layout (they would rank a substitute under the person they stand in for); they join the two
 * boxes' nearest sides. The result is plain numbers: tests check it without a browser.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { dejavu, type FaceName } from '../fonts/dejavu.ts';
import type { OrgEdge, OrgGraph, OrgNode } from './graph.ts';

export const CHART = {
	/** Width of every box. */
	boxWidth: 184,
	padding: 9,
	titleSize: 13,
	titleLine: 16,
	subtitleSize: 11.5,
	subtitleLine: 15,
	/** Space between boxes of one rank, and between ranks. */
	nodeSep: 22,
	rankSep: 38,
	margin: 6,
	/** Measured widths are multiplied by this: room for a wider fallback font. */
	slack: 1.06,
} as const;

export interface Point {
	x: number;
	y: number;
}

export interface LaidOutNode extends OrgNode {
	/** Top-left corner and size of the box. */
	x: number;
	y: number;
	width: number;
	height: number;
	titleLines: string[];
	subtitleLines: string[];
}

export interface LaidOutEdge extends OrgEdge {
	points: Point[];
	/** Substitutes: each stands in for the other (one line for both). */
	mutual?: boolean;
}

export interface LaidOutChart {
	width: number;
	height: number;
	nodes: LaidOutNode[];
	edges: LaidOutEdge[];
}

const widths = new Map<string, number>();

/** Width of a text in px at `size`, from DejaVu Sans advance widths (cached per character and face). */
export function textWidth(text: string, size: number, face: FaceName = 'regular'): number {
	let total = 0;
	for (const char of text) {
		const key = `${face}${char}`;
		let width = widths.get(key);
		if (width === undefined) {
			const font = dejavu(face).font;
			const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
			width = (glyph?.advanceWidth ?? font.unitsPerEm * 0.6) / font.unitsPerEm;
			widths.set(key, width);
		}
		total += width;
	}
	return total * size * CHART.slack;
}

/** Breaks a text into lines no wider than `max` px: at spaces, or inside a word that is wider alone. */
export function wrap(text: string, max: number, size: number, face: FaceName = 'regular'): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate, size, face) <= max) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = '';
		let rest = word;
		while (textWidth(rest, size, face) > max) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut), size, face) > max) cut--;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	}
	if (line) lines.push(line);
	return lines;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Where the line from a box's centre towards `to` leaves the box. */
function exitPoint(node: LaidOutNode, to: Point): Point {
	const cx = node.x + node.width / 2;
	const cy = node.y + node.height / 2;
	const dx = to.x - cx;
	const dy = to.y - cy;
	if (dx === 0 && dy === 0) return { x: cx, y: cy };
	const scale = Math.min(dx === 0 ? Infinity : node.width / 2 / Math.abs(dx), dy === 0 ? Infinity : node.height / 2 / Math.abs(dy));
	return { x: round(cx + dx * scale), y: round(cy + dy * scale) };
}

export interface LayoutOptions {
	/** Width of every box (default CHART.boxWidth); narrower boxes wrap more and keep small charts readable on phones. */
	boxWidth?: number;
}

export function layoutChart(graph: OrgGraph, options: LayoutOptions = {}): LaidOutChart {
	const boxWidth = options.boxWidth ?? CHART.boxWidth;
	const inner = boxWidth - 2 * CHART.padding;
	const sized = graph.nodes.map((node) => {
		const titleLines = wrap(node.title, inner, CHART.titleSize, 'bold');
		const subtitleLines = node.subtitle ? wrap(node.subtitle, inner, CHART.subtitleSize) : [];
		const height = 2 * CHART.padding + titleLines.length * CHART.titleLine + subtitleLines.length * CHART.subtitleLine;
		return { node, titleLines, subtitleLines, height };
	});

	const reports = graph.edges.filter((edge) => edge.kind === 'reports');
	const index = new Map(graph.nodes.map((node, position) => [node.id, position]));
	const placed = placeBoxes(
		boxWidth,
		sized.map(({ height }) => height),
		reports.map((edge) => [index.get(edge.to)!, index.get(edge.from)!]),
	);

	const nodes: LaidOutNode[] = sized.map(({ node, titleLines, subtitleLines, height }, position) => {
		const centre = placed.centres[position]!;
		return { ...node, x: round(centre.x - boxWidth / 2), y: round(centre.y - height / 2), width: boxWidth, height, titleLines, subtitleLines };
	});
	const byId = new Map(nodes.map((node) => [node.id, node]));
	const edges: LaidOutEdge[] = reports.map((edge, position) => ({ ...edge, points: placed.edges[position]! }));
	const substitutes = graph.edges.filter((candidate) => candidate.kind === 'substitutes');
	const drawn = new Set<string>();
	for (const edge of substitutes) {
		const key = [edge.from, edge.to].sort().join(' ');
		if (drawn.has(key)) continue;
		drawn.add(key);
		const mutual = substitutes.some((other) => other.from === edge.to && other.to === edge.from);
		const a = byId.get(edge.from)!;
		const b = byId.get(edge.to)!;
		const centre = (node: LaidOutNode) => ({ x: node.x + node.width / 2, y: node.y + node.height / 2 });
		edges.push({ ...edge, points: [exitPoint(a, centre(b)), exitPoint(b, centre(a))], ...(mutual ? { mutual } : {}) });
	}
	return { width: placed.width, height: placed.height, nodes, edges };
}

interface Placement {
	/** Centre of each box, in the order given. */
	centres: Point[];
	/** The route of each reporting line, in the order given. */
	edges: Point[][];
	width: number;
	height: number;
}

// Where dagre puts the boxes depends only on their sizes and the lines between them, and most
// role pages draw the same few shapes (a manager above the role, two or three reports): a build
// with thousands of role pages lays each shape out once, not once per page (dagre costs ~1.5 ms
// even for three boxes).
const placements = new Map<string, Placement>();
const MAX_PLACEMENTS = 2_000;

/** Boxes of `boxWidth` × each height, placed by dagre with each [manager, report] pair's manager ranked above. */
function placeBoxes(boxWidth: number, heights: number[], lines: [manager: number, report: number][]): Placement {
	const key = JSON.stringify([boxWidth, heights, lines]);
	const known = placements.get(key);
	if (known) return known;
	const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
	// Reporting lines form a forest (one manager each, no cycles: check refuses them), and on a
	// forest a tight tree already has every line one rank long — the ranks network simplex would
	// find, at a third less time on a 200-box department.
	g.setGraph({ rankdir: 'TB', nodesep: CHART.nodeSep, ranksep: CHART.rankSep, marginx: CHART.margin, marginy: CHART.margin, ranker: 'tight-tree' });
	g.setDefaultEdgeLabel(() => ({}));
	heights.forEach((height, position) => g.setNode(`n${position}`, { width: boxWidth, height }));
	// Manager first: dagre ranks an edge's source above its target.
	lines.forEach(([manager, report], position) => g.setEdge(`n${manager}`, `n${report}`, {}, `r${position}`));
	dagre.layout(g);
	const graphLabel = g.graph();
	const placement: Placement = {
		centres: heights.map((_, position) => ({ x: g.node(`n${position}`).x!, y: g.node(`n${position}`).y! })),
		edges: lines.map(([manager, report], position) => (g.edge(`n${manager}`, `n${report}`, `r${position}`)?.points ?? []).map((point: Point) => ({ x: round(point.x), y: round(point.y) }))),
		width: round(graphLabel.width ?? 0),
		height: round(graphLabel.height ?? 0),
	};
	if (placements.size >= MAX_PLACEMENTS) placements.clear();
	placements.set(key, placement);
	return placement;
}
