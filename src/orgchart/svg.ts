/**
 * Draws a laid-out organisation chart as static SVG for a page: real text (selectable, found by
 * the browser's find and read by screen readers), a `title` and `desc`, each role box a link to
 * its page, reporting lines solid and substitute lines dotted. Colours come from the site's
 * stylesheet (classes), so the chart follows light, dark and print styles; no script.
 */
import { CHART, type LaidOutChart, type LaidOutNode } from './layout.ts';

export interface SvgText {
	/** Unique prefix for the ids inside the SVG (several charts may share a page). */
	id: string;
	title: string;
	desc: string;
	lang: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function nodeSvg(node: LaidOutNode): string {
	const classes = ['org-node', `org-${node.kind}`, ...(node.current ? ['org-current'] : []), ...(node.context ? ['org-context'] : [])].join(' ');
	const cx = node.x + node.width / 2;
	let y = node.y + CHART.padding;
	const lines: string[] = [];
	// A space ends each wrapped line but the last, so the words stay apart when the text is copied or read.
	const spaced = (all: string[], index: number) => escape(all[index]!) + (index < all.length - 1 ? ' ' : '');
	node.titleLines.forEach((_, index) => {
		y += CHART.titleLine;
		lines.push(`<tspan x="${cx}" y="${Math.round((y - 4) * 10) / 10}">${spaced(node.titleLines, index)}</tspan>`);
	});
	const subtitle: string[] = [];
	node.subtitleLines.forEach((_, index) => {
		y += CHART.subtitleLine;
		subtitle.push(`<tspan x="${cx}" y="${Math.round((y - 4) * 10) / 10}">${spaced(node.subtitleLines, index)}</tspan>`);
	});
	const lang = node.lang ? ` lang="${escape(node.lang)}"` : '';
	const body =
		`<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="6"/>` +
		`<text class="org-title"${lang} font-size="${CHART.titleSize}">${lines.join('')}</text>` +
		(subtitle.length > 0 ? `<text class="org-subtitle" font-size="${CHART.subtitleSize}">${subtitle.join('')}</text>` : '');
	return node.href ? `<a class="${classes}" href="${escape(node.href)}">${body}</a>` : `<g class="${classes}">${body}</g>`;
}

export function chartSvg(chart: LaidOutChart, text: SvgText): string {
	const path = (points: { x: number; y: number }[]) => points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
	const edges = chart.edges
		.map((edge) => `<path class="org-edge org-${edge.kind}" d="${path(edge.points)}"${edge.kind === 'substitutes' ? ' stroke-dasharray="4 4"' : ''}/>`)
		.join('');
	const width = Math.ceil(chart.width);
	const height = Math.ceil(chart.height);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="org-chart" lang="${escape(text.lang)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="--chart-width: ${width}px" aria-labelledby="${text.id}-title ${text.id}-desc" text-anchor="middle">` +
		`<title id="${text.id}-title">${escape(text.title)}</title><desc id="${text.id}-desc">${escape(text.desc)}</desc>` +
		`<g class="org-edges" aria-hidden="true" fill="none">${edges}</g>` +
		`<g class="org-nodes">${chart.nodes.map(nodeSvg).join('')}</g>` +
		'</svg>'
	);
}
