/**
 * Sign-offs: who holds each role and which version they signed (content/sign-offs.yaml), as
 * the report HR asks for — plain data; the CLI prints it and preview builds show it as a page.
 */
import { localized } from './localize.ts';
import { publishedRoles } from './publication.ts';
import type { Holder, Locale, Role, Rolebook } from './types.ts';

export type SignOffState = 'signed' | 'must-re-sign' | 'not-signed';

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
}

/** Per role in force: who signed the version in force, who signed an older one, who never signed. */
export function signOffReport(rolebook: Rolebook): RoleSignOffs[] {
	return publishedRoles(rolebook, { preview: false }).map((role) => {
		const version = role.document.version;
		const holders = rolebook.holders
			.filter((holder) => holder.role === role.id)
			.map((holder): HolderSignOff => {
				const lastSigned = [...holder.signed].sort((a, b) => a.version - b.version || a.date.localeCompare(b.date)).at(-1);
				const state: SignOffState = !lastSigned ? 'not-signed' : lastSigned.version >= version ? 'signed' : 'must-re-sign';
				return { holder, state, ...(lastSigned ? { lastSigned } : {}) };
			});
		return { role, version, holders };
	});
}

/** Names of the people holding a role, in a locale, for the familiarisation sheet. */
export function holderNames(rolebook: Rolebook, roleId: string, locale: Locale): string[] {
	return rolebook.holders.filter((holder) => holder.role === roleId).map((holder) => localized(holder.name, locale, rolebook.company.defaultLocale).value);
}
