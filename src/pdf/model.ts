/**
 * Step one of a PDF: everything the document prints, resolved for one role in one locale —
 * labels (UI strings, overridden by the template), names in the local form, the role text
 * (or the default locale's, with a notice), metadata. Every string is checked against the
 * font here, so a character the PDF cannot draw is reported with its file and field before
 * anything is laid out.
 */
import { formatDate, translator, type UiKey } from '../i18n/index.ts';
import { fillPlaceholders, localized, localizeRole, personName, shortName, type Item, type Role, type Rolebook, type Signatory } from '../model/index.ts';
import type { TemplateData } from '../model/schema/index.ts';
import { missingChars, MissingGlyphError, uiStringsFile, type GlyphFinding } from '../fonts/coverage.ts';
import { FONT_FAMILY, getFaces } from './fonts.ts';
import type { FaceName } from './layout/types.ts';

export interface SignatoryLine {
	/** Signatory id, used in field names. */
	id: string;
	/** Position title in the document's language. */
	title: string;
	/** Name under the signature line, e.g. "Volkova A.S.". */
	name: string;
}

export interface DocumentItem {
	/** "2.13" */
	number: string;
	text: string;
	items: DocumentItem[];
}

export interface DocumentSection {
	number: number;
	heading: string;
	intro?: string;
	items: DocumentItem[];
}

export interface DocumentLabels {
	/** Upper-cased with the locale's rules ("ONAYLANDI", "УТВЕРЖДАЮ"). */
	approved: string;
	agreed: string;
	jobDescription: string;
	familiarisation: string;
	acknowledgement: string;
	watermark: string;
	/** As written. */
	familiarisationText: string;
	acknowledgementText: string;
	documentNumber: string;
	version: string;
	effective?: string;
	fingerprint: string;
	/** With `{page}` and `{pages}` still to fill. */
	page: string;
	number: string;
	fullName: string;
	/** The visible signature's lines, with {name}, {date}, {number} and {version} still to fill. */
	stampSignedBy: string;
	stampDate: string;
	stampReason: string;
	date: string;
	signature: string;
	dateLine: string;
}

export interface DocumentModel {
	roleId: string;
	/** Locale of the labels (and of the text unless `fallbackNotice` is set). */
	locale: string;
	/** Locale of the role text. */
	textLocale: string;
	company: string;
	title: string;
	department: string;
	number: string;
	version: number;
	fingerprint: string;
	/** Set for anything not approved: the watermark is drawn on every page. */
	draft: boolean;
	/** Shown under the title when the role has no text in this locale. */
	fallbackNotice?: string;
	approver?: SignatoryLine;
	agreed: SignatoryLine[];
	sections: DocumentSection[];
	/** Names pre-filled into the first familiarisation rows (current holders of the role), in order. */
	holders?: string[];
	labels: DocumentLabels;
	metadata: {
		title: string;
		author: string;
		subject: string;
		keywords: string[];
		/** ISO date used for the creation and modification dates (never the clock). */
		date?: string;
	};
}

/** Locale-aware upper case: Turkish "i" becomes "İ", German "ß" "SS". */
export function upper(text: string, locale: string): string {
	return text.toLocaleUpperCase(locale);
}

export interface DocumentOptions {
	/** Current holders' names, written into the familiarisation sheet's name fields. */
	holders?: readonly string[];
	/** Where the holder names come from, for error messages (default: "holders"). */
	holdersOrigin?: { file: string; field: string };
	/**
	 * Called for every text with characters the font cannot draw, instead of throwing a
	 * MissingGlyphError at the first one: `check` collects them all this way.
	 */
	onMissingGlyph?: (finding: GlyphFinding) => void;
}

export function documentModel(rolebook: Rolebook, role: Role, locale: string, template: TemplateData, options: DocumentOptions = {}): DocumentModel {
	const { company } = rolebook;
	const defaultLocale = company.defaultLocale;
	const { text, fallback } = localizeRole(role, locale, defaultLocale);
	const t = translator(rolebook, locale);
	const faces = getFaces();

	const stringsFile = uiStringsFile(locale);
	/** Every printed string passes here: the shared glyph rule, with the face it is drawn in. */
	const check = (value: string, file: string, field: string, face: FaceName = 'regular'): string => {
		const missing = missingChars(value, faces[face]);
		if (missing.length > 0) {
			const finding: GlyphFinding = { output: 'pdf', family: FONT_FAMILY, origin: { role: role.id, locale, file, field }, text: value, missing };
			if (!options.onMissingGlyph) throw new MissingGlyphError(finding);
			options.onMissingGlyph(finding);
		}
		return value;
	};
	/** A label: the template's override for this locale, else the UI string. */
	/** A label's text and where it comes from: the template's override for this locale, else the UI string. */
	const labelSource = (key: UiKey, values: Record<string, string | number>) => {
		const name = key.replace(/^pdf\./, '') as keyof TemplateData['labels'];
		const override = template.labels[name]?.[locale];
		return override
			? { value: fillPlaceholders(override, values), file: `templates/${role.template}.yaml`, field: `labels.${name}.${locale}` }
			: { value: t(key, values), file: stringsFile, field: key };
	};
	const label = (key: UiKey, values: Record<string, string | number> = {}, face: FaceName = 'regular'): string => {
		const { value, file, field } = labelSource(key, values);
		return check(value, file, field, face);
	};
	// Upper case can need letters the text as written does not (Turkish i → İ): checked too, against the same source.
	const upperLabel = (key: UiKey) => {
		const { value, file, field } = labelSource(key, {});
		check(value, file, field, 'bold');
		return check(upper(value, locale), file, field, 'bold');
	};

	const companyName = check(localized(company.name, locale, defaultLocale).value, 'content/company.yaml', 'name');
	const signatoryLine = (signatory: Signatory): SignatoryLine => {
		const index = company.signatories.indexOf(signatory);
		return {
			id: signatory.id,
			title: check(localized(signatory.position.title, locale, defaultLocale).value, 'content/company.yaml', `positions[${company.positions.indexOf(signatory.position)}].title`),
			name: check(shortName(personName(signatory.name, locale, defaultLocale)), 'content/company.yaml', `signatories[${index}].name`),
		};
	};

	const item = (value: Item, path: string): DocumentItem => ({
		number: value.number,
		text: check(value.text, text.file, `${path}.text`),
		items: value.items.map((child, i) => item(child, `${path}.items[${i}]`)),
	});
	const sections = text.sections.map((section, s) => ({
		number: section.number,
		heading: check(section.heading, text.file, `sections[${s}].title`, 'bold'),
		...(section.intro ? { intro: check(section.intro, text.file, `sections[${s}].intro`) } : {}),
		items: section.items.map((value, i) => item(value, `sections[${s}].items[${i}]`)),
	}));

	const holdersOrigin = options.holdersOrigin ?? { file: `${role.dir}/role.yaml`, field: 'holders' };
	const holders = (options.holders ?? []).flatMap((raw, i) => {
		const name = raw.replace(/\s+/g, ' ').trim();
		return name ? [check(name, holdersOrigin.file, `${holdersOrigin.field}[${i}]`)] : [];
	});

	const title = check(text.title, text.file, 'title', 'bold');
	const department = check(localized(role.department.name, locale, defaultLocale).value, 'content/company.yaml', `departments[${company.departments.indexOf(role.department)}].name`);
	const doc = role.document;
	const languageName = (code: string) => rolebook.strings[code]?.['language.name'] ?? code;
	const effective = doc.effective ? label('pdf.effective', { date: formatDate(doc.effective, locale) }) : undefined;
	const jobDescription = label('pdf.jobDescription');

	return {
		roleId: role.id,
		locale,
		textLocale: text.locale,
		company: companyName,
		title,
		department,
		number: doc.number,
		version: doc.version,
		fingerprint: text.fingerprint,
		draft: doc.status !== 'approved',
		...(fallback
			? { fallbackNotice: label('pdf.fallbackNotice', { language: languageName(locale), defaultLanguage: languageName(defaultLocale) }) }
			: {}),
		...(doc.approvedBy ? { approver: signatoryLine(doc.approvedBy) } : {}),
		agreed: doc.agreedWith.map(signatoryLine),
		sections,
		...(holders.length > 0 ? { holders } : {}),
		labels: {
			approved: upperLabel('pdf.approved'),
			agreed: upperLabel('pdf.agreed'),
			jobDescription: upperLabel('pdf.jobDescription'),
			familiarisation: upperLabel('pdf.familiarisation'),
			acknowledgement: upperLabel('pdf.acknowledgement'),
			watermark: upperLabel('pdf.draftWatermark'),
			familiarisationText: label('pdf.familiarisationText'),
			acknowledgementText: label('pdf.acknowledgementText'),
			documentNumber: label('pdf.documentNumber', { number: check(doc.number, `${role.dir}/role.yaml`, 'document.number') }),
			version: label('pdf.version', { version: doc.version }),
			...(effective ? { effective } : {}),
			fingerprint: label('pdf.fingerprint', { fingerprint: text.fingerprint }),
			page: label('pdf.page'),
			number: label('pdf.number', {}, 'bold'),
			fullName: label('pdf.fullName', {}, 'bold'),
			stampSignedBy: label('pdf.stampSignedBy'),
			stampDate: label('pdf.stampDate'),
			stampReason: label('pdf.stampReason'),
			date: label('pdf.date', {}, 'bold'),
			signature: label('pdf.signature', {}, 'bold'),
			dateLine: label('pdf.dateLine'),
		},
		metadata: {
			title: `${jobDescription}: ${title}`,
			author: companyName,
			subject: `${jobDescription} ${doc.number}, ${label('pdf.version', { version: doc.version })} — ${title}, ${department}`,
			keywords: [title, ...text.altTitles, department, doc.number, jobDescription],
			...(doc.effective ? { date: doc.effective } : {}),
		},
	};
}
