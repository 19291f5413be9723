/**
 * Edits of a role.yaml as a YAML document, so HR's comments and layout survive: `rolebook
 * version` and `rolebook approve` change a few fields of `document:` and nothing else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, type Document, type Scalar, type YAMLMap } from 'yaml';
import type { ClauseFingerprints, TextFingerprints } from '../model/index.ts';

export function readFactsFile(file: string): Document {
	return parseDocument(readFileSync(file, 'utf8'));
}

export function factsText(document: Document): string {
	return document.toString({ flowCollectionPadding: false });
}

export function writeFactsFile(file: string, document: Document): void {
	writeFileSync(file, factsText(document));
}

/**
 * Sets `document.clauseFingerprints` — one line per clause, `labour-law: {en: "3fa9c2e1", ru: "…"}`,
 * quoted so no fingerprint reads as a number — with a comment saying where it comes from; removes
 * the field when there is nothing to record.
 */
export function setClauseFingerprints(document: Document, fingerprints: ClauseFingerprints): void {
	document.deleteIn(['document', 'clauseFingerprints']);
	if (Object.keys(fingerprints).length === 0) return;
	const value = document.createNode(fingerprints) as YAMLMap<Scalar, YAMLMap<Scalar, Scalar>>;
	for (const { value: locales } of value.items) {
		locales!.flow = true;
		for (const { value: fingerprint } of locales!.items) fingerprint!.type = 'QUOTE_DOUBLE';
	}
	const key = document.createNode('clauseFingerprints') as Scalar;
	key.commentBefore = ' Written by "rolebook approve": the clause wordings this version was approved with, per language. Not edited by hand.';
	(document.get('document', true) as YAMLMap).add(document.createPair(key, value));
}

/**
 * Sets `document.textFingerprints` — one line, `{en: "5c0e7a12", ru: "…"}`, quoted so no
 * fingerprint reads as a number — with a comment saying where it comes from; removes the field
 * when there is nothing to record.
 */
export function setTextFingerprints(document: Document, fingerprints: TextFingerprints): void {
	document.deleteIn(['document', 'textFingerprints']);
	if (Object.keys(fingerprints).length === 0) return;
	const value = document.createNode(fingerprints) as YAMLMap<Scalar, Scalar>;
	value.flow = true;
	for (const { value: fingerprint } of value.items) fingerprint!.type = 'QUOTE_DOUBLE';
	const key = document.createNode('textFingerprints') as Scalar;
	key.commentBefore = ' Written by "rolebook approve": the role texts this version was approved with, per language. Not edited by hand.';
	(document.get('document', true) as YAMLMap).add(document.createPair(key, value));
}
