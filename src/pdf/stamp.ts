/**
 * The visible signature stamp of a signed document, in the document's language: who signed
 * (the certificate's subject common name), when (the signing date) and why (approval of this
 * number and version), under "digitally signed". The wording is the `pdf.stamp*` UI strings
 * of the document's language.
 */
import { formatDate } from '../i18n/index.ts';
import { fillPlaceholders } from '../model/index.ts';
import type { DocumentModel } from './model.ts';

/** The stamp's lines (unwrapped; layout wraps them to the field). */
export function stampLines(model: DocumentModel, signer: string, date: string): string[] {
	const values = { name: signer, date: formatDate(date, model.locale), number: model.labels.documentNumber, version: model.labels.version };
	const { stampSignedBy, stampDate, stampReason } = model.labels;
	return [stampSignedBy, stampDate, stampReason].map((line) => fillPlaceholders(line, values));
}
