/**
 * Local images in role and chapter bodies (`![…](./x.png)`), which the build takes through
 * Astro's image pipeline: judged by their bytes, inside the content folder (symbolic links
 * resolved), never SVG; image files next to the texts are not "ignored". The single bad cases
 * are fixtures (tests/fixtures/bad/read-image-*); here what needs more than one edit: every
 * raster format accepted, symbolic links, the unused-image warning, and the dev server's cache.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRolebook, type Problem } from '../../src/model/index.ts';
import { sniffBodyImage } from '../../src/model/read/image.ts';
import { makeFixture, type Edit, type FixtureTree } from '../helpers/fixture.ts';

/** 40 × 30 px images made by sharp (the build's image service), one per format the build accepts. */
const IMAGES = {
	png: 'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAO0lEQVRIie3VwQkAMAwDsc50+w/gsTpG+xDkHwiOdVZP5licU0+48k4pkKnMIBEWw2JYHBbDYljcVyxeLYd+jAL53ZIAAAAASUVORK5CYII=',
	jpg: '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAeACgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAUH/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AkwEJqwAAAAAAAAAD/9k=',
	gif: 'R0lGODlhKAAeAIAAAExpccgyMiH5BAUAAAAALAAAAAAoAB4AAAIhjI+py+0Po5y02ouz3rz7D4biSJbmiabqyrbuC8fyTHMFADs=',
	webp: 'UklGRkwAAABXRUJQVlA4IEAAAAAwAwCdASooAB4APm02l0ikIyIhJWgAgA2JZwB2AABX8FvAAP7tTd//WoRhzOb//64D/5wH/zgP5bwQwkzYAAAA',
	avif: 'AAAAHGZ0eXBhdmlmAAAAAG1pZjFhdmlmbWlhZgAAANZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAAA+gABAAAAAAAAACYAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAABAABhdjAxAAAAAA5waXRtAAAAAAABAAAAVmlwcnAAAAA4aXBjbwAAAAxhdjFDgSACAAAAABRpc3BlAAAAAAAAACgAAAAeAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAgMAAAAubWRhdBIACgk4FSfrSAhoNIAyFxlCYwTAADQAAKxQwBOJJhyfOND0c2zA',
} as const;

const CHAPTER = 'content/handbook/en/welcome.mdx';
const ROLE_TEXT = 'content/roles/sales-rep/en.mdx';

const trees: FixtureTree[] = [];
afterEach(() => trees.splice(0).forEach((tree) => tree.cleanup()));

function fixture(edits: Edit[]): FixtureTree {
	const tree = makeFixture(edits);
	trees.push(tree);
	return tree;
}

function load(tree: FixtureTree) {
	return loadRolebook({ root: tree.root, contentDir: tree.contentDir, stringsDir: tree.stringsDir, today: '2026-06-01' });
}

const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error');

/** Shows `markdown` at the end of the chapter (line 10 onwards). */
const show = (markdown: string): Edit => ({ file: CHAPTER, replace: ['Welcome aboard.', `Welcome aboard.\n\n${markdown}`] });

describe('sniffBodyImage', () => {
	it.each(Object.entries(IMAGES))('reads %s: its type and size, a whole file', (format, base64) => {
		const info = sniffBodyImage(Buffer.from(base64, 'base64'));
		expect(info).toEqual({ type: format === 'jpg' ? 'jpeg' : format, width: 40, height: 30, complete: true });
	});

	it('tells a cut-off PNG, JPEG, GIF and WebP', () => {
		for (const base64 of [IMAGES.png, IMAGES.jpg, IMAGES.gif, IMAGES.webp]) {
			const bytes = Buffer.from(base64, 'base64');
			expect(sniffBodyImage(bytes.subarray(0, bytes.length - 12))?.complete).toBe(false);
		}
	});

	it('knows an SVG and nothing else', () => {
		expect(sniffBodyImage(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))?.type).toBe('svg');
		expect(sniffBodyImage(Buffer.from('not an image\n'))).toBeUndefined();
		expect(sniffBodyImage(Buffer.from('%PDF-1.7\n'))).toBeUndefined();
		expect(sniffBodyImage(Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]))).toBeUndefined(); // TIFF
	});
});

describe('local images in bodies', () => {
	it('accepts PNG, JPEG, GIF, WebP and AVIF next to a chapter, in a role folder and one folder down, with no warning', () => {
		const tree = fixture([
			...Object.entries(IMAGES).map(([format, base64]) => ({ file: `content/handbook/en/picture-${format}.${format}`, bytes: `base64:${base64}` })),
			{ file: 'content/roles/sales-rep/org-chart.png', bytes: `base64:${IMAGES.png}` },
			{ file: 'content/roles/sales-rep/pictures/desk.jpeg', bytes: `base64:${IMAGES.jpg}` },
			show(Object.keys(IMAGES).map((format) => `![A ${format} picture](./picture-${format}.${format})`).join('\n\n')),
			{ file: ROLE_TEXT, replace: ['Calls, offers, contracts.', 'Calls, offers, contracts.\n\n![Org chart](./org-chart.png)\n\n![The desk](pictures/desk.jpeg "A desk")'] },
		]);
		const { rolebook, problems } = load(tree);
		expect(problems).toEqual([]);
		expect(rolebook).toBeDefined();
	});

	it('accepts an image of another folder of the content, reached with ../', () => {
		const tree = fixture([
			{ file: 'content/handbook/en/org-chart.png', bytes: `base64:${IMAGES.png}` },
			{ file: ROLE_TEXT, replace: ['Calls, offers, contracts.', 'Calls, offers, contracts.\n\n![Org chart](../../handbook/en/org-chart.png)'] },
		]);
		expect(load(tree).problems).toEqual([]);
	});

	it('refuses an image reached through a symbolic link to a file outside the content folder, naming where it leads', () => {
		const tree = fixture([show('![Secret](./secret.png)')]);
		writeFileSync(join(tree.root, 'id_rsa'), 'PRIVATE KEY\n');
		symlinkSync(join(tree.root, 'id_rsa'), join(tree.contentDir, 'handbook/en/secret.png'));
		const { problems } = load(tree);
		expect(errors(problems)).toEqual([
			expect.objectContaining({ file: CHAPTER, line: 10, message: expect.stringContaining(`is outside the content folder (${join(tree.root, 'id_rsa')})`) }),
		]);
	});

	it('refuses a real image behind a symbolic link to a folder outside the content folder', () => {
		const tree = fixture([{ file: 'shared/logo.png', bytes: `base64:${IMAGES.png}` }, show('![Logo](./shared/logo.png)')]);
		symlinkSync(join(tree.root, 'shared'), join(tree.contentDir, 'handbook/en/shared'));
		expect(errors(load(tree).problems)).toEqual([expect.objectContaining({ file: CHAPTER, line: 10, message: expect.stringContaining('is outside the content folder') })]);
	});

	it('accepts a symbolic link that stays inside the content folder, and a content folder that is itself a link', () => {
		const tree = fixture([{ file: 'content/roles/sales-rep/org-chart.png', bytes: `base64:${IMAGES.png}` }, show('![Org chart](./org-chart.png)')]);
		symlinkSync(join(tree.contentDir, 'roles/sales-rep/org-chart.png'), join(tree.contentDir, 'handbook/en/org-chart.png'));
		symlinkSync(tree.contentDir, join(tree.root, 'linked-content'));
		const { problems } = loadRolebook({ root: tree.root, contentDir: join(tree.root, 'linked-content'), stringsDir: tree.stringsDir, today: '2026-06-01' });
		expect(problems).toEqual([]);
	});

	it('warns about an image no text shows, and still about other files', () => {
		const tree = fixture([
			{ file: 'content/handbook/en/unused.png', bytes: `base64:${IMAGES.png}` },
			{ file: 'content/roles/sales-rep/notes.txt', write: 'to do\n' },
			{ file: 'content/roles/sales-rep/drafts/old.png', bytes: `base64:${IMAGES.png}` },
		]);
		const { rolebook, problems } = load(tree);
		expect(rolebook).toBeDefined();
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', file: 'content/handbook/en/unused.png', message: expect.stringContaining('is not shown by any text') }),
			expect.objectContaining({ severity: 'warning', file: 'content/roles/sales-rep/drafts', message: expect.stringContaining('is ignored') }),
			expect.objectContaining({ severity: 'warning', file: 'content/roles/sales-rep/notes.txt', message: expect.stringContaining('is ignored') }),
		]);
	});

	it('sees a fixed image on the next load without the text being saved again (the dev server)', () => {
		const tree = fixture([{ file: 'content/handbook/en/photo.png', write: 'not an image yet\n' }, show('![Photo](./photo.png)')]);
		expect(errors(load(tree).problems)).toEqual([expect.objectContaining({ file: CHAPTER, line: 10, message: expect.stringContaining('is not an image by its contents') })]);
		writeFileSync(join(tree.contentDir, 'handbook/en/photo.png'), Buffer.from(IMAGES.png, 'base64'));
		expect(load(tree).problems).toEqual([]);
		mkdirSync(join(tree.root, 'elsewhere'));
		writeFileSync(join(tree.root, 'elsewhere/photo.png'), Buffer.from(IMAGES.png, 'base64'));
		const photo = join(tree.contentDir, 'handbook/en/photo.png');
		rmSync(photo);
		symlinkSync(join(tree.root, 'elsewhere/photo.png'), photo);
		expect(errors(load(tree).problems)).toEqual([expect.objectContaining({ message: expect.stringContaining('is outside the content folder') })]);
	});
});
