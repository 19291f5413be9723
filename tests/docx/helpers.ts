/** Shared set-up of the DOCX tests: a writable copy of the shipped content, and the CLI's output captured. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Output } from '../../src/cli/output.ts';
import { loadRolebook, type Rolebook, type Section } from '../../src/model/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

export interface ContentCopy {
	root: string;
	contentDir: string;
	load(): Rolebook;
	cleanup(): void;
}

/** The shipped content (or the base fixture) in a temporary project: content/, templates/, UI strings, public/. */
export function copyOfContent(source = join(PROJECT_ROOT, 'content')): ContentCopy {
	const root = mkdtempSync(join(tmpdir(), 'rolebook-docx-'));
	cpSync(source, join(root, 'content'), { recursive: true });
	cpSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'), { recursive: true });
	cpSync(join(PROJECT_ROOT, 'src/i18n/strings'), join(root, 'src/i18n/strings'), { recursive: true });
	cpSync(join(PROJECT_ROOT, 'public'), join(root, 'public'), { recursive: true });
	const contentDir = join(root, 'content');
	return {
		root,
		contentDir,
		load() {
			const { rolebook, problems } = loadRolebook({ root, contentDir, today: '2026-11-25' });
			if (!rolebook) throw new Error(`content copy does not load:\n${problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('\n')}`);
			return rolebook;
		},
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
}

export function capture(): Output & { lines: string[]; text(): string } {
	const lines: string[] = [];
	return { lines, info: (line) => lines.push(line), error: (line) => lines.push(line), text: () => lines.join('\n') };
}

/** What a role text says, in a form two texts can be compared by: headings, intros, items with number, text, topic, target. */
export function textShape(sections: readonly Section[]) {
	const item = (value: Section['items'][number]): unknown => ({
		number: value.number,
		anchor: value.anchor,
		text: value.text,
		...(value.topic ? { topic: value.topic } : {}),
		...(value.target ? { target: value.target } : {}),
		items: value.items.map(item),
	});
	return sections.map((section) => ({ kind: section.kind, number: section.number, anchor: section.anchor, heading: section.heading, intro: section.intro, items: section.items.map(item) }));
}
