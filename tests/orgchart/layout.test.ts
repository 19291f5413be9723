/**
 * Organisation charts without a browser: which boxes and lines each chart has (from reportsTo,
 * positions and substitutes, as the build publishes them), and the layout as plain numbers —
 * boxes that do not overlap, text that fits its box, lines that start and end at boxes — and the
 * SVG: title, desc, text, links, dotted substitute lines. A 1,000-role company stays usable: the
 * overview has a box per department, not per role.
 */
import { describe, expect, it } from 'vitest';
import { loadRolebook, type Rolebook } from '../../src/model/index.ts';
import { departmentGraph, overviewGraph, roleGraph, type OrgContext, type OrgGraph } from '../../src/orgchart/graph.ts';
import { CHART, layoutChart, textWidth, wrap, type LaidOutChart } from '../../src/orgchart/layout.ts';
import { chartSvg } from '../../src/orgchart/svg.ts';

const { rolebook } = loadRolebook({ today: '2026-11-25' });

function context(book: Rolebook, locale = 'en', preview = false): OrgContext {
	return {
		rolebook: book,
		publication: { preview },
		locale,
		links: { role: (id) => `/${locale}/roles/${id}/`, department: (id) => `/${locale}/org/${id}/` },
		labels: { roleCount: (count) => `Roles: ${count}` },
	};
}

const edges = (graph: OrgGraph) => graph.edges.map((edge) => `${edge.from} ${edge.kind === 'reports' ? '→' : '⇢'} ${edge.to}`).sort();

/** Every box inside the chart, no two overlapping, every line of text narrower than its box. */
function expectClean(chart: LaidOutChart) {
	for (const node of chart.nodes) {
		expect(node.x).toBeGreaterThanOrEqual(0);
		expect(node.y).toBeGreaterThanOrEqual(0);
		expect(node.x + node.width).toBeLessThanOrEqual(chart.width + 0.5);
		expect(node.y + node.height).toBeLessThanOrEqual(chart.height + 0.5);
		for (const line of node.titleLines) expect(textWidth(line, CHART.titleSize, 'bold'), line).toBeLessThanOrEqual(node.width - 2 * CHART.padding);
		for (const line of node.subtitleLines) expect(textWidth(line, CHART.subtitleSize), line).toBeLessThanOrEqual(node.width - 2 * CHART.padding);
	}
	for (const [i, a] of chart.nodes.entries()) {
		for (const b of chart.nodes.slice(i + 1)) {
			const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
			expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
		}
	}
	for (const edge of chart.edges) {
		expect(edge.points.length).toBeGreaterThanOrEqual(2);
		for (const point of edge.points) {
			expect(point.x).toBeGreaterThanOrEqual(0);
			expect(point.x).toBeLessThanOrEqual(chart.width);
		}
	}
}

describe('the shipped company', () => {
	it('overview: every position, one box per department with roles, reporting lines between them', () => {
		const graph = overviewGraph(context(rolebook!));
		expect(graph.nodes.map((node) => node.id)).toEqual([
			'general-director',
			'commercial-director',
			'head-of-sales',
			'head-of-wholesale-sales',
			'legal-counsel',
			'head-of-hr',
			'department:sales',
			'department:wholesale-sales',
		]);
		expect(graph.nodes.find((node) => node.id === 'department:sales')).toMatchObject({ title: 'Sales department', subtitle: 'Roles: 2', href: '/en/org/sales/' });
		expect(edges(graph)).toEqual([
			'commercial-director → general-director',
			'department:sales → commercial-director',
			'department:sales → head-of-sales',
			'department:wholesale-sales → head-of-wholesale-sales',
			'head-of-hr → general-director',
			'head-of-sales → commercial-director',
			'head-of-wholesale-sales → commercial-director',
			'legal-counsel → general-director',
		]);
		expectClean(layoutChart(graph));
	});

	it('a department: its roles and positions, the managers outside it as context, substitutes dotted', () => {
		const graph = departmentGraph(context(rolebook!, 'ru'), 'sales');
		expect(graph.nodes.map((node) => [node.id, node.kind, Boolean(node.context)])).toEqual([
			['head-of-sales', 'position', false],
			['client-manager', 'role', false],
			['key-account-manager', 'role', false],
			['commercial-director', 'position', true],
		]);
		expect(graph.nodes.find((node) => node.id === 'client-manager')!.title).toBe('Менеджер по работе с клиентами');
		expect(edges(graph)).toEqual([
			'client-manager → commercial-director',
			'client-manager ⇢ key-account-manager',
			'head-of-sales → commercial-director',
			'key-account-manager → head-of-sales',
			'key-account-manager ⇢ client-manager',
		]);
		const chart = layoutChart(graph);
		expectClean(chart);
		// Mutual substitutes are one dotted line.
		expect(chart.edges.filter((edge) => edge.kind === 'substitutes')).toEqual([expect.objectContaining({ mutual: true })]);
	});

	it('a role page: the managers above, the role, and its substitutes where they sit', () => {
		const graph = roleGraph(context(rolebook!), 'client-manager');
		expect(graph.nodes.map((node) => node.id)).toEqual(['general-director', 'commercial-director', 'client-manager', 'key-account-manager', 'head-of-sales', 'client-search-manager', 'head-of-wholesale-sales']);
		expect(graph.nodes.filter((node) => node.current).map((node) => node.id)).toEqual(['client-manager']);
		expect(edges(graph)).toContain('client-search-manager ⇢ client-manager');
		const chart = layoutChart(graph, { boxWidth: 156 });
		expectClean(chart);
		// Managers above the people who report to them.
		const y = (id: string) => chart.nodes.find((node) => node.id === id)!.y;
		expect(y('general-director')).toBeLessThan(y('commercial-director'));
		expect(y('commercial-director')).toBeLessThan(y('client-manager'));
		expect(y('head-of-sales')).toBeLessThan(y('key-account-manager'));
	});

	it('draws SVG with a title, a description, real text, links to role pages and dotted substitute lines, in the page\'s language', () => {
		const graph = departmentGraph(context(rolebook!, 'de'), 'sales');
		const svg = chartSvg(layoutChart(graph), { id: 'x', title: 'Vertriebsabteilung', desc: 'Kästen & Linien <3>', lang: 'de' });
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="org-chart" lang="de" viewBox="0 0 \d+ \d+"/);
		expect(svg).toContain('aria-labelledby="x-title x-desc"');
		expect(svg).toContain('<title id="x-title">Vertriebsabteilung</title><desc id="x-desc">Kästen &amp; Linien &lt;3&gt;</desc>');
		expect(svg).toContain('<a class="org-node org-role" href="/de/roles/key-account-manager/">');
		expect(svg).toMatch(/<tspan [^>]*>Leiter der <\/tspan>/);
		expect(svg).toMatch(/<path class="org-edge org-substitutes" d="M[\d. ]+L[\d. ]+" stroke-dasharray="4 4"\/>/);
		expect(svg).not.toContain('<script');
	});

	it('is the same for the same content (reproducible pages)', () => {
		const a = chartSvg(layoutChart(roleGraph(context(rolebook!), 'key-account-manager')), { id: 'r', title: 't', desc: 'd', lang: 'en' });
		const b = chartSvg(layoutChart(roleGraph(context(rolebook!), 'key-account-manager')), { id: 'r', title: 't', desc: 'd', lang: 'en' });
		expect(a).toBe(b);
	});
});

describe('text in boxes', () => {
	it('wraps at spaces and breaks a word longer than the box', () => {
		const lines = wrap('Head of the Wholesale Sales Department', 120, 13, 'bold');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.join(' ')).toBe('Head of the Wholesale Sales Department');
		for (const line of lines) expect(textWidth(line, 13, 'bold')).toBeLessThanOrEqual(120);
		expect(wrap('Head of sales', 1000, 13)).toEqual(['Head of sales']);
		const long = wrap('Großhandelsverkaufsabteilungsleiterstellvertretung', 120, 13, 'bold');
		expect(long.length).toBeGreaterThan(1);
		for (const line of long) expect(textWidth(line, 13, 'bold')).toBeLessThanOrEqual(120);
		expect(long.join('')).toBe('Großhandelsverkaufsabteilungsleiterstellvertretung');
	});
});

describe('a company of 1,000 roles', () => {
	it('keeps the overview to positions and departments, and a department chart lays out cleanly', () => {
		const departments = Array.from({ length: 20 }, (_, d) => ({ id: `dept-${d}`, name: { en: `Department ${d}` } }));
		const positions = [
			{ id: 'ceo', title: { en: 'Chief executive' } },
			...departments.map((department, d) => ({ id: `head-${d}`, department: department.id, reportsTo: 'ceo', title: { en: `Head of department ${d}` } })),
		];
		const roles = Array.from({ length: 1000 }, (_, i) => {
			const d = i % 20;
			return { ...rolebook!.roles[0]!, id: `role-${i}`, department: departments[d]!, reportsTo: { kind: 'position' as const, id: `head-${d}`, position: positions[d + 1]! }, substitute: undefined, history: [] };
		});
		const big: Rolebook = { ...rolebook!, company: { ...rolebook!.company, departments, positions }, roles };
		const overview = overviewGraph(context(big));
		expect(overview.nodes).toHaveLength(21 + 20);
		const started = performance.now();
		const department = departmentGraph(context(big), 'dept-3');
		expect(department.nodes).toHaveLength(51 + 1);
		const chart = layoutChart(department);
		expect(performance.now() - started).toBeLessThan(5000);
		expectClean(chart);
	});
});
