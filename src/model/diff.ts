/**
 * What changed between two versions of a role's text, item by item: numbered items added,
 * removed or reworded (with a word-level diff), section by section. The site shows it as
 * "what changed"; HR reads it before asking people to re-sign.
 */
import { diffArrays, diffWords } from 'diff';
import type { Item, RoleText, Section } from './types.ts';

export interface WordChange {
	value: string;
	added?: boolean;
	removed?: boolean;
}

export type ItemChange =
	| { kind: 'same'; before: FlatItem; after: FlatItem }
	| { kind: 'added'; after: FlatItem }
	| { kind: 'removed'; before: FlatItem }
	| { kind: 'reworded'; before: FlatItem; after: FlatItem; words: WordChange[] };

export interface FlatItem {
	number: string;
	anchor: string;
	text: string;
	/** 0 for items, 1 for sub-items… */
	depth: number;
}

export interface SectionChange {
	/** Section anchor, e.g. "duties". */
	anchor: string;
	headingBefore?: string;
	headingAfter?: string;
	changes: ItemChange[];
	/** Number of items added, removed or reworded. */
	changed: number;
}

/** Texts at least this similar (share of common words) count as one item reworded. */
export const REWORDED_SIMILARITY = 0.5;

function flatten(items: Item[], depth = 0): FlatItem[] {
	return items.flatMap((item) => [{ number: item.number, anchor: item.anchor, text: item.text, depth }, ...flatten(item.items, depth + 1)]);
}

/**
 * Words cut to their first five letters: a crude stem that lets inflected forms match
 * ("продажи" / "продаж", "Forderung" / "Forderungen") without a dictionary per language.
 */
function words(text: string): string[] {
	return (text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.slice(0, 5));
}

export function similarity(a: string, b: string): number {
	const left = words(a);
	const right = new Map<string, number>();
	for (const word of words(b)) right.set(word, (right.get(word) ?? 0) + 1);
	let common = 0;
	for (const word of left) {
		const count = right.get(word) ?? 0;
		if (count > 0) {
			common++;
			right.set(word, count - 1);
		}
	}
	const total = Math.max(left.length, words(b).length);
	return total === 0 ? 1 : common / total;
}

function diffItems(before: FlatItem[], after: FlatItem[]): ItemChange[] {
	const parts = diffArrays(
		before.map((item) => item.text),
		after.map((item) => item.text),
	);
	const changes: ItemChange[] = [];
	let i = 0;
	let j = 0;
	let removed: FlatItem[] = [];
	const flushRemoved = (added: FlatItem[]) => {
		// Pair a run of removed items with the run of added items that follows, in order, when alike.
		let a = 0;
		for (const old of removed) {
			const match = added.findIndex((candidate, index) => index >= a && similarity(old.text, candidate.text) >= REWORDED_SIMILARITY);
			if (match < 0) {
				changes.push({ kind: 'removed', before: old });
				continue;
			}
			for (; a < match; a++) changes.push({ kind: 'added', after: added[a]! });
			changes.push({ kind: 'reworded', before: old, after: added[match]!, words: diffWords(old.text, added[match]!.text) });
			a = match + 1;
		}
		for (; a < added.length; a++) changes.push({ kind: 'added', after: added[a]! });
		removed = [];
	};
	for (const part of parts) {
		const count = part.value.length;
		if (part.removed) {
			removed.push(...before.slice(i, i + count));
			i += count;
		} else if (part.added) {
			flushRemoved(after.slice(j, j + count));
			j += count;
		} else {
			flushRemoved([]);
			for (let k = 0; k < count; k++) changes.push({ kind: 'same', before: before[i + k]!, after: after[j + k]! });
			i += count;
			j += count;
		}
	}
	flushRemoved([]);
	return changes;
}

/** Section by section (matched by anchor), in the newer text's order, then sections that were dropped. */
export function diffRoleTexts(before: RoleText, after: RoleText): SectionChange[] {
	const old = new Map<string, Section>(before.sections.map((section) => [section.anchor, section]));
	const result: SectionChange[] = after.sections.map((section) => {
		const previous = old.get(section.anchor);
		old.delete(section.anchor);
		const changes = diffItems(previous ? flatten(previous.items) : [], flatten(section.items));
		return {
			anchor: section.anchor,
			...(previous ? { headingBefore: `${previous.number}. ${previous.heading}` } : {}),
			headingAfter: `${section.number}. ${section.heading}`,
			changes,
			changed: changes.filter((change) => change.kind !== 'same').length,
		};
	});
	for (const section of old.values()) {
		const changes = diffItems(flatten(section.items), []);
		result.push({ anchor: section.anchor, headingBefore: `${section.number}. ${section.heading}`, changes, changed: changes.length });
	}
	return result;
}

/**
 * Two lists of items, item by item (sub-items flattened in order): the same pairing as between
 * versions — used between the levels of a career ladder, to say what the next role adds and drops.
 */
export function diffItemLists(before: Item[], after: Item[]): ItemChange[] {
	return diffItems(flatten(before), flatten(after));
}
