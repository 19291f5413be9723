/**
 * Frozen past versions (`content/roles/<id>/versions/<n>/`) must be what they say they are:
 * earlier versions of this same document, approved, in order, and every earlier one kept.
 */
import { at } from '../problems.ts';
import type { RuleContext } from './context.ts';

export function validateVersions({ raw, problems }: RuleContext): void {
	const numberOwners = new Map<string, string>();
	for (const role of raw.roles) if (role.facts) numberOwners.set(role.facts.data.document.number, role.id);

	for (const role of raw.roles) {
		const current = role.facts?.data.document;
		for (const snapshot of role.history) {
			if (!snapshot.facts) continue;
			const { source, data } = snapshot.facts;
			const doc = data.document;
			if (doc.version !== snapshot.folderVersion) {
				problems.push(at(source, ['document', 'version'], `is not the version of its folder (versions/${snapshot.folderVersion}/); a frozen version must not be edited`, doc.version));
			}
			// The same document keeps its number across versions: another number means a copy of another role's facts.
			if (current && doc.number !== current.number) {
				const owner = numberOwners.get(doc.number);
				const whose = owner && owner !== role.id ? `the document number of "${owner}"` : 'not the number of this role';
				problems.push(
					at(source, ['document', 'number'], `is ${whose} (${role.dir}/role.yaml has ${current.number}): a past version must be a copy of this role's own earlier facts; restore them from git`, doc.number),
				);
			}
			if (current && snapshot.folderVersion >= current.version) {
				problems.push(at(source, ['document', 'version'], `a past version must be older than the current version ${current.version} (${role.dir}/role.yaml)`, snapshot.folderVersion));
			}
			if (doc.status === 'draft') {
				problems.push(at(source, ['document', 'status'], 'a kept version must have been approved (status approved or retired); drafts are not kept', doc.status));
			}
			if (current?.effective && doc.effective && doc.effective >= current.effective) {
				problems.push(at(source, ['document', 'effective'], `must be before the current version's effective date ${current.effective}`, doc.effective));
			}
		}
		if (current && current.version > 1 && role.facts) {
			const kept = new Set(role.history.map((snapshot) => snapshot.folderVersion));
			const previous = current.version - 1;
			if (!kept.has(previous)) {
				problems.push(
					at(role.facts.source, ['document', 'version'], `version ${previous} is not kept in ${role.dir}/versions/${previous}/, so its page and PDF disappear; use "rolebook version ${role.id}" to start a new version`, current.version, 'warning'),
				);
			}
		}
	}
}

/** Versions a reader can open, from the raw content: every frozen past version and the current one once approved. */
export function approvedVersions(role: RuleContext['raw']['roles'][number]): { version: number; effective?: string }[] {
	const versions = role.history.flatMap((snapshot) => (snapshot.facts ? [{ version: snapshot.folderVersion, effective: snapshot.facts.data.document.effective }] : []));
	const current = role.facts?.data.document;
	if (current?.status === 'approved') versions.push({ version: current.version, effective: current.effective });
	return versions;
}
