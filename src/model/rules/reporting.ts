/** Reporting lines through roles and positions must end at the top: a loop would make the organisation chart infinite. */
import { at, type PathSegment } from '../problems.ts';
import type { SourceFile } from '../source.ts';
import type { RuleContext } from './context.ts';

export function validateReportingLines({ raw, problems }: RuleContext): void {
	const next = new Map<string, string>();
	const where = new Map<string, { source: SourceFile; path: PathSegment[] }>();
	raw.company?.data.positions.forEach((position, index) => {
		if (position.reportsTo) {
			next.set(position.id, position.reportsTo);
			where.set(position.id, { source: raw.company!.source, path: ['positions', index, 'reportsTo'] });
		}
	});
	for (const role of raw.roles) {
		if (role.facts) {
			next.set(role.id, role.facts.data.reportsTo);
			where.set(role.id, { source: role.facts.source, path: ['reportsTo'] });
		}
	}
	const reported = new Set<string>();
	for (const start of next.keys()) {
		const chain: string[] = [];
		let current: string | undefined = start;
		while (current !== undefined && !chain.includes(current)) {
			chain.push(current);
			current = next.get(current);
		}
		if (current === undefined) continue;
		const cycle = chain.slice(chain.indexOf(current));
		const key = [...cycle].sort().join(',');
		if (reported.has(key) || cycle.length < 2) continue;
		reported.add(key);
		const first = [...cycle].sort()[0]!;
		const location = where.get(first)!;
		const loop = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first].join(' → ');
		problems.push(at(location.source, location.path, `reporting lines form a loop: ${loop}; one of them must report elsewhere`, next.get(first)));
	}
}
