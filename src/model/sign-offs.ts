/**
 * Sign-offs: who holds each role and which version they signed (content/sign-offs.yaml), as
 * the report HR asks for — plain data; the CLI prints it and preview builds show it as a page.
 */
import { pendingClauseUpdates, textApproval } from './clauses.ts';
import { localized } from './localize.ts';
import { publishedRoles } from './publication.ts';
import type { Clause, Holder, Locale, Role, Rolebook } from './types.ts';

/**
 * `signed`: the version in force; `must-re-sign`: an older version; `text-changed`: the version
 * in force, but its text was edited in place since it was approved; `clause-changed`: the version
 * in force, but a library clause it uses has a new wording since, or was edited in place since the
 * version was approved — in both they sign again once the role's next version is approved;
 * `not-signed`: never.
 */
export type SignOffState = 'signed' | 'must-re-sign' | 'text-changed' | 'clause-changed' | 'not-signed';

export interface HolderSignOff {
	holder: Holder;
	state: SignOffState;
	/** The newest signature, if any. */
	lastSigned?: { version: number; date: string };
}

export interface RoleSignOffs {
	role: Role;
	/** The version in force: the one holders must have signed. */
	version: number;
	holders: HolderSignOff[];
	/**
	 * Clauses with a newer wording than the version in force shows (`since`: its date), or edited in
	 * place since the version was approved (`edited`: in these languages): the role needs a new
	 * version, and its holders sign again.
	 */
	clauseChanges: { clause: Clause; since?: string; edited?: Locale[] }[];
	/**
	 * Languages whose text was edited in place since the version in force was approved (it prints
	 * words its holders did not sign): the role needs a new version, and its holders sign again.
	 */
	textEdited: Locale[];
}

/** Per role in force: who signed the version in force, who signed an older one, who never signed. */
export function signOffReport(rolebook: Rolebook): RoleSignOffs[] {
	const pending = pendingClauseUpdates(rolebook);
	return publishedRoles(rolebook, { preview: false }).map((role) => {
		const version = role.document.version;
		// Only the version in force counts: a draft next version already has the new wording.
		const clauseChanges =
			role.document.status === 'approved'
				? pending.filter((update) => update.role.id === role.id && update.role.document.version === version).map(({ clause, since, edited }) => ({ clause, ...(since ? { since } : {}), ...(edited ? { edited } : {}) }))
				: [];
		const textEdited = role.document.status === 'approved' ? textApproval(rolebook, role).edited : [];
		const holders = rolebook.holders
			.filter((holder) => holder.role === role.id)
			.map((holder): HolderSignOff => {
				const lastSigned = [...holder.signed].sort((a, b) => a.version - b.version || a.date.localeCompare(b.date)).at(-1);
				const state: SignOffState = !lastSigned ? 'not-signed' : lastSigned.version < version
						? 'must-re-sign'
						: textEdited.length > 0
							? 'text-changed'
							: clauseChanges.length > 0
								? 'clause-changed'
								: 'signed';
				return { holder, state, ...(lastSigned ? { lastSigned } : {}) };
			});
		return { role, version, holders, clauseChanges, textEdited };
	});
}

/** Names of the people holding a role, in a locale, for the familiarisation sheet. */
export function holderNames(rolebook: Rolebook, roleId: string, locale: Locale): string[] {
	return rolebook.holders.filter((holder) => holder.role === roleId).map((holder) => localized(holder.name, locale, rolebook.company.defaultLocale).value);
}
