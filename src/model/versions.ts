/** Versions of a role: the frozen past versions a reader can still open next to the one in force. */
import type { Role } from './types.ts';

/**
 * Every version a reader can open at `/roles/<id>/v<n>/`, oldest first: the frozen past
 * versions and the shown version itself unless it is a draft (a retired role's last version
 * stays readable).
 */
export function readableVersions(role: Role): Role[] {
	const versions = role.history.filter((version) => version.document.status !== 'draft');
	return role.document.status === 'draft' ? versions : [...versions, role];
}

/**
 * The version in force is the role page's own document: its versioned URL serves the role
 * page (the build links the same file there) instead of rendering the document a second time.
 * A retired role has no role page, so all its versions keep their own.
 */
export function isRolePageVersion(current: Role, version: Role): boolean {
	return current.document.status === 'approved' && version.document.version === current.document.version;
}
