/**
 * The tagged PDF's logical structure (ISO 32000-1, 14.7–14.8; PDF/UA-1, 7.1): drawing records
 * which structure element each marked-content sequence (MCID) and each widget annotation
 * belongs to; `write` then writes the structure elements, the StructTreeRoot and its
 * ParentTree (page → elements by MCID, annotation → its Form element).
 *
 * The element tree is layout's (`StructNode`, standard types only, so no RoleMap); the order
 * of an element's kids — its own marked content, annotations and child elements — is the
 * order in which they were drawn, which is the reading order. Elements are written as PDF
 * syntax directly (a document has a few hundred of them).
 */
import { PDFHexString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { StructNode } from '../layout/types.ts';
import { PackedSyntax, refSyntax } from './writer.ts';

type Kid = { seq: number; page: number; mcid: number } | { seq: number; page: number; annot: PDFRef };

const text = (value: string) => PDFHexString.fromText(value).toString();

export class StructRecorder {
	private seq = 0;
	private readonly kids = new Map<number, Kid[]>();
	/** Per page: the element id of each MCID, in order. */
	private readonly mcids: number[][] = [];
	/** Annotations with their element id, in the order of their /StructParent keys. */
	private readonly annots: { tag: number; ref: PDFRef }[] = [];

	constructor(private readonly pageCount: number) {
		for (let i = 0; i < pageCount; i++) this.mcids.push([]);
	}

	private push(tag: number, kid: Kid): void {
		let list = this.kids.get(tag);
		if (!list) this.kids.set(tag, (list = []));
		list.push(kid);
	}

	/** A new marked-content sequence of element `tag` on `page`: its MCID. */
	mark(tag: number, page: number): number {
		const list = this.mcids[page]!;
		const mcid = list.length;
		list.push(tag);
		this.push(tag, { seq: this.seq++, page, mcid });
		return mcid;
	}

	/** A widget annotation that is the content of element `tag`: its /StructParent key. */
	annotation(tag: number, page: number, ref: PDFRef): number {
		this.push(tag, { seq: this.seq++, page, annot: ref });
		this.annots.push({ tag, ref });
		return this.pageCount + this.annots.length - 1;
	}

	/** Writes the structure tree of `root` for pages `pageRefs`; returns the StructTreeRoot. */
	write(context: PDFContext, root: StructNode, pageRefs: PDFRef[]): PDFRef {
		const treeRoot = context.nextRef();
		/** Each written element's reference, and the same as PDF syntax. */
		const objects = new Map<number, PDFRef>();
		const refs = new Map<number, string>();
		/** Smallest drawing sequence number in each subtree (elements with nothing drawn are left out). */
		const first = new Map<number, number>();
		const visit = (node: StructNode): number => {
			let min = Infinity;
			const own = this.kids.get(node.id);
			if (own) min = own[0]!.seq;
			for (const child of node.children) min = Math.min(min, visit(child));
			if (min < Infinity) {
				first.set(node.id, min);
				const ref = context.nextRef();
				objects.set(node.id, ref);
				refs.set(node.id, refSyntax(ref));
			}
			return min;
		};
		visit(root);
		const pages = pageRefs.map(refSyntax);
		const kidSyntax = (kid: Kid, page: number | undefined) =>
			'annot' in kid ? `<</Type/OBJR/Pg ${pages[kid.page]}/Obj ${refSyntax(kid.annot)}>>` : kid.page === page ? String(kid.mcid) : `<</Type/MCR/Pg ${pages[kid.page]}/MCID ${kid.mcid}>>`;
		const build = (node: StructNode, parent: string): void => {
			const ref = refs.get(node.id);
			if (!ref) return;
			const own = this.kids.get(node.id) ?? [];
			const children = node.children.filter((child) => refs.has(child.id));
			const page = own[0]?.page;
			// Own kids are in drawing order; children nearly so: merge by drawing order.
			const k: string[] = [];
			const sorted = children.every((child, i) => i === 0 || first.get(children[i - 1]!.id)! <= first.get(child.id)!) ? children : [...children].sort((a, b) => first.get(a.id)! - first.get(b.id)!);
			let i = 0;
			for (const child of sorted) {
				const at = first.get(child.id)!;
				while (i < own.length && own[i]!.seq < at) k.push(kidSyntax(own[i++]!, page));
				k.push(refs.get(child.id)!);
			}
			while (i < own.length) k.push(kidSyntax(own[i++]!, page));
			let dict = `<</S/${node.role}/P ${parent}/K[${k.join(' ')}]`;
			if (page !== undefined) dict += `/Pg ${pages[page]}`;
			if (node.lang) dict += `/Lang ${text(node.lang)}`;
			if (node.actualText) dict += `/ActualText ${text(node.actualText)}`;
			if (node.scope) dict += `/A<</O/Table/Scope/${node.scope}>>`;
			context.assign(objects.get(node.id)!, new PackedSyntax(`${dict}>>`));
			for (const child of children) build(child, ref);
		};
		build(root, refSyntax(treeRoot));

		const nums: string[] = [];
		this.mcids.forEach((tags, page) => {
			if (tags.length > 0) nums.push(`${page}[${tags.map((tag) => refs.get(tag)!).join(' ')}]`);
		});
		this.annots.forEach(({ tag }, i) => nums.push(`${this.pageCount + i} ${refs.get(tag)!}`));
		const parentTree = context.register(new PackedSyntax(`<</Nums[${nums.join(' ')}]>>`));
		context.assign(
			treeRoot,
			new PackedSyntax(`<</Type/StructTreeRoot/K ${refs.get(root.id)!}/ParentTree ${refSyntax(parentTree)}/ParentTreeNextKey ${this.pageCount + this.annots.length}>>`),
		);
		return treeRoot;
	}
}
