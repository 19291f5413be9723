/**
 * What an organisation chart shows, as plain data: boxes (positions, roles, departments) and
 * lines (reports to; substitutes during absence), in one language, for the roles this build
 * publishes. Three charts: the company overview (positions and one box per department), one
 * department (its positions and roles, and the managers outside it they report to), and the
 * excerpt on a role page (the line of managers above the role, its reports, its substitutes).
 * No layout here (layout.ts) and no drawing (svg.ts).
 */
import { localized, localizeRole, publishedRoles, type Department, type Publication, type Role, type Rolebook } from '../model/index.ts';

export type OrgNodeKind = 'position' | 'role' | 'department';

export interface OrgNode {
	/** Role, position or `department:<id>`: unique in a chart. */
	id: string;
	kind: OrgNodeKind;
	title: string;
	/** A second, smaller line: the department of a box from another department, or how many roles a department has. */
	subtitle?: string;
	/** The language of `title` when it is not the chart's (a role shown in the default language). */
	lang?: string;
	href?: string;
	/** The box of the page's own role (role-page excerpt). */
	current?: boolean;
	/** A box from outside what the chart is about (a manager in another department). */
	context?: boolean;
}

export interface OrgEdge {
	/** The subordinate (reports) or the one who is absent (substitutes). */
	from: string;
	/** The manager (reports) or the substitute (substitutes). */
	to: string;
	kind: 'reports' | 'substitutes';
}

export interface OrgGraph {
	nodes: OrgNode[];
	edges: OrgEdge[];
}

export interface OrgLabels {
	/** "Roles: 3" for a department box. */
	roleCount(count: number): string;
}

export interface OrgLinks {
	role(id: string): string;
	department(id: string): string;
}

export interface OrgContext {
	rolebook: Rolebook;
	publication: Pick<Publication, 'preview'>;
	locale: string;
	links: OrgLinks;
	labels: OrgLabels;
}

/** Where a role or position sits: its department and whom it reports to. */
interface Party {
	id: string;
	kind: 'role' | 'position';
	department?: string;
	reportsTo?: string;
	substitute?: string;
	role?: Role;
}

/** Parties per model and kind of build: a build draws a chart on every role page, from the same structure. */
const partiesCache = new WeakMap<Rolebook, Map<boolean, Map<string, Party>>>();

function parties({ rolebook, publication }: OrgContext): Map<string, Party> {
	let byPreview = partiesCache.get(rolebook);
	if (!byPreview) partiesCache.set(rolebook, (byPreview = new Map()));
	let map = byPreview.get(publication.preview);
	if (!map) byPreview.set(publication.preview, (map = buildParties(rolebook, publication)));
	return map;
}

function buildParties(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Map<string, Party> {
	const map = new Map<string, Party>();
	for (const position of rolebook.company.positions) {
		map.set(position.id, { id: position.id, kind: 'position', ...(position.department ? { department: position.department } : {}), ...(position.reportsTo ? { reportsTo: position.reportsTo } : {}) });
	}
	for (const role of publishedRoles(rolebook, publication)) {
		map.set(role.id, { id: role.id, kind: 'role', department: role.department.id, reportsTo: role.reportsTo.id, ...(role.substitute ? { substitute: role.substitute.id } : {}), role });
	}
	// A manager that is not shown (a draft role in a public build) leaves no dangling line.
	for (const party of map.values()) {
		if (party.reportsTo && !map.has(party.reportsTo)) delete party.reportsTo;
		if (party.substitute && !map.has(party.substitute)) delete party.substitute;
	}
	return map;
}

function departmentName(context: OrgContext, id: string | undefined): string | undefined {
	const department = context.rolebook.company.departments.find((candidate) => candidate.id === id);
	return department ? localized(department.name, context.locale, context.rolebook.company.defaultLocale).value : undefined;
}

function partyNode(context: OrgContext, party: Party, extra: Partial<OrgNode> = {}): OrgNode {
	const { rolebook, locale } = context;
	const { defaultLocale } = rolebook.company;
	if (party.role) {
		const { text, fallback } = localizeRole(party.role, locale, defaultLocale);
		return { id: party.id, kind: 'role', title: text.title, ...(fallback ? { lang: text.locale } : {}), href: context.links.role(party.id), ...extra };
	}
	const position = rolebook.company.positions.find((candidate) => candidate.id === party.id)!;
	const title = localized(position.title, locale, defaultLocale);
	return { id: party.id, kind: 'position', title: title.value, ...(title.fallback ? { lang: defaultLocale } : {}), ...extra };
}

const subtitleOf = (context: OrgContext, party: Party) => departmentName(context, party.department);

function edgesAmong(nodes: OrgNode[], all: Map<string, Party>): OrgEdge[] {
	const ids = new Set(nodes.map((node) => node.id));
	const edges: OrgEdge[] = [];
	for (const node of nodes) {
		const party = all.get(node.id);
		if (!party) continue;
		if (party.reportsTo && ids.has(party.reportsTo)) edges.push({ from: node.id, to: party.reportsTo, kind: 'reports' });
	}
	for (const node of nodes) {
		const party = all.get(node.id);
		if (party?.substitute && ids.has(party.substitute) && party.substitute !== node.id) edges.push({ from: node.id, to: party.substitute, kind: 'substitutes' });
	}
	return edges;
}

/** Departments with a chart: those with a position or a shown role. */
export function chartedDepartments(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): Department[] {
	const roles = publishedRoles(rolebook, publication);
	return rolebook.company.departments.filter(
		(department) => roles.some((role) => role.department.id === department.id) || rolebook.company.positions.some((position) => position.department === department.id),
	);
}

/** One department: its positions and roles, and (as context) whom they report to outside it. */
export function departmentGraph(context: OrgContext, departmentId: string): OrgGraph {
	const all = parties(context);
	const members = [...all.values()].filter((party) => party.department === departmentId);
	const memberIds = new Set(members.map((party) => party.id));
	const nodes: OrgNode[] = members.map((party) => partyNode(context, party));
	const outside = new Set<string>();
	for (const party of members) if (party.reportsTo && !memberIds.has(party.reportsTo)) outside.add(party.reportsTo);
	for (const id of outside) {
		const party = all.get(id)!;
		const subtitle = subtitleOf(context, party);
		nodes.push(partyNode(context, party, { context: true, ...(subtitle ? { subtitle } : {}) }));
	}
	return { nodes, edges: edgesAmong(nodes, all) };
}

/** The company: every position, and one box per department with roles (a link to its chart). */
export function overviewGraph(context: OrgContext): OrgGraph {
	const all = parties(context);
	const nodes: OrgNode[] = [];
	const edges: OrgEdge[] = [];
	const positions = [...all.values()].filter((party) => party.kind === 'position');
	for (const party of positions) {
		const subtitle = subtitleOf(context, party);
		nodes.push(partyNode(context, party, subtitle ? { subtitle } : {}));
	}
	const boxOf = (id: string): string | undefined => {
		const party = all.get(id);
		if (!party) return undefined;
		return party.kind === 'position' ? party.id : `department:${party.department}`;
	};
	const roles = [...all.values()].filter((party) => party.kind === 'role');
	for (const department of context.rolebook.company.departments) {
		const members = roles.filter((party) => party.department === department.id);
		if (members.length === 0) continue;
		const id = `department:${department.id}`;
		nodes.push({ id, kind: 'department', title: departmentName(context, department.id)!, subtitle: context.labels.roleCount(members.length), href: context.links.department(department.id) });
		const managers = new Set(members.flatMap((party) => (party.reportsTo ? [boxOf(party.reportsTo)!] : [])).filter((box) => box !== id));
		for (const manager of managers) edges.push({ from: id, to: manager, kind: 'reports' });
	}
	for (const party of positions) {
		const manager = party.reportsTo ? boxOf(party.reportsTo) : undefined;
		if (manager) edges.push({ from: party.id, to: manager, kind: 'reports' });
	}
	return { nodes, edges };
}

/** Around one role: the managers above it (up to `levelsUp`), the role, its direct reports, its substitutes and their managers up to the chart. */
export function roleGraph(context: OrgContext, roleId: string, options: { levelsUp?: number; maxReports?: number } = {}): OrgGraph & { moreReports: number } {
	const all = parties(context);
	const self = all.get(roleId);
	if (!self) return { nodes: [], edges: [], moreReports: 0 };
	const ids: string[] = [roleId];
	let manager = self.reportsTo;
	for (let level = 0; manager && level < (options.levelsUp ?? 3) && !ids.includes(manager); level++) {
		ids.unshift(manager);
		manager = all.get(manager)?.reportsTo;
	}
	const reports = [...all.values()].filter((party) => party.reportsTo === roleId && party.id !== roleId);
	const shownReports = reports.slice(0, options.maxReports ?? 12);
	for (const party of shownReports) if (!ids.includes(party.id)) ids.push(party.id);
	// Substitutes with the line of managers that joins them to the chart, so each sits where it really is.
	const substitutes = [self.substitute, ...[...all.values()].filter((party) => party.substitute === roleId).map((party) => party.id)];
	for (const id of substitutes) {
		if (!id || ids.includes(id)) continue;
		ids.push(id);
		let above = all.get(id)?.reportsTo;
		for (let level = 0; above && level < (options.levelsUp ?? 3) && !ids.includes(above); level++) {
			ids.push(above);
			above = all.get(above)?.reportsTo;
		}
	}
	const nodes = ids.map((id) => {
		const party = all.get(id)!;
		const subtitle = party.department !== self.department ? subtitleOf(context, party) : undefined;
		return partyNode(context, party, { ...(id === roleId ? { current: true } : {}), ...(subtitle ? { subtitle } : {}) });
	});
	return { nodes, edges: edgesAmong(nodes, all), moreReports: reports.length - shownReports.length };
}
