/**
 * What the render-many stage makes for a site, each artefact once: a PDF job description per
 * role version × locale, its Word file per role × locale, and a link-preview card per page. An artefact can live at several
 * URLs — the role's PDF is also its current version's `v<n>.pdf` and its former ids' — and is
 * rendered once, then linked at each (issue: no document is rendered twice).
 */
import { MissingGlyphError } from '../fonts/coverage.ts';
import { cardJobs } from '../og/cards.ts';
import { cardGlyphFindings } from '../og/coverage.ts';
import type { CardContent } from '../og/card.ts';
import {
	holderNames,
	publishedRoles,
	readableVersions,
	showsHolderNames,
	versionedRoles,
	type Publication,
	type Rolebook,
} from '../model/index.ts';

export interface PdfArtefact {
	kind: 'pdf';
	/** Site paths (relative to the site root) where this document is published. */
	files: string[];
	roleId: string;
	/** The role's version printed (the current one or a frozen past one). */
	version: number;
	locale: string;
	/** Holders' names pre-filled into the familiarisation sheet (preview builds, `rolebook pdf --holder`). */
	holders?: string[];
}

/** The same document as Word, for the agreement route (current versions only). */
export interface DocxArtefact {
	kind: 'docx';
	files: string[];
	roleId: string;
	version: number;
	locale: string;
	holders?: string[];
}

export interface CardArtefact {
	kind: 'card';
	files: string[];
	card: CardContent;
}

export type Artefact = PdfArtefact | DocxArtefact | CardArtefact;
export type ArtefactKind = Artefact['kind'];

/** The PDFs of a site: every shown role × configured locale, and every readable version, each document once. */
export function pdfArtefacts(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): PdfArtefact[] {
	const { locales } = rolebook.company;
	const byIdentity = new Map<string, PdfArtefact>();
	const add = (roleId: string, version: number, locale: string, file: string, holders: string[]) => {
		const identity = JSON.stringify([roleId, version, locale, holders]);
		const existing = byIdentity.get(identity);
		if (existing) existing.files.push(file);
		else byIdentity.set(identity, { kind: 'pdf', files: [file], roleId, version, locale, ...(holders.length > 0 ? { holders } : {}) });
	};
	// Names of the people holding a role go on its familiarisation sheet in previews only.
	const holders = (roleId: string, locale: string) => (showsHolderNames(publication) ? holderNames(rolebook, roleId, locale) : []);
	for (const role of publishedRoles(rolebook, publication)) {
		for (const locale of locales) {
			for (const id of [role.id, ...role.formerIds]) add(role.id, role.document.version, locale, `${locale}/roles/${id}.pdf`, holders(role.id, locale));
		}
	}
	// Every readable version at a URL that never changes: /{locale}/roles/{id}/v{n}.pdf (and under former ids).
	// The version in force, without holders' names, is the same document as the role's PDF in a public build.
	for (const role of versionedRoles(rolebook, publication)) {
		for (const version of readableVersions(role)) {
			for (const locale of locales) {
				for (const id of [role.id, ...role.formerIds]) add(role.id, version.document.version, locale, `${locale}/roles/${id}/v${version.document.version}.pdf`, []);
			}
		}
	}
	return [...byIdentity.values()];
}

/** The link-preview cards of a site; a text the card font cannot draw stops here, before anything is rendered. */
export function cardArtefacts(rolebook: Rolebook, publication: Publication, publicDir: string): CardArtefact[] {
	const jobs = cardJobs(rolebook, { preview: publication.preview, today: publication.today, publicDir });
	// `check` reports these with their lines before a build starts; this guards every other caller: never an empty box on a card.
	const [undrawable] = cardGlyphFindings(jobs);
	if (undrawable) throw new MissingGlyphError(undrawable);
	return jobs.map((job) => ({ kind: 'card', files: [job.file], card: job.card }));
}

/** Word files of a site: every shown role × configured locale at `/{locale}/roles/{id}.docx` (and under former ids). */
export function docxArtefacts(rolebook: Rolebook, publication: Pick<Publication, 'preview'>): DocxArtefact[] {
	return publishedRoles(rolebook, publication).flatMap((role) =>
		rolebook.company.locales.map((locale): DocxArtefact => {
			const holders = showsHolderNames(publication) ? holderNames(rolebook, role.id, locale) : [];
			return {
				kind: 'docx',
				files: [role.id, ...role.formerIds].map((id) => `${locale}/roles/${id}.docx`),
				roleId: role.id,
				version: role.document.version,
				locale,
				...(holders.length > 0 ? { holders } : {}),
			};
		}),
	);
}

/** Everything the render-many stage makes for one site. */
export function siteArtefacts(rolebook: Rolebook, publication: Publication, publicDir: string): Artefact[] {
	return [...pdfArtefacts(rolebook, publication), ...docxArtefacts(rolebook, publication), ...cardArtefacts(rolebook, publication, publicDir)];
}
