/**
 * The company logo is checked by what the file is, not by its name: it must exist in public/,
 * be a PNG, JPEG or SVG, and a raster logo must be at least 112 × 112 px for job boards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadRolebook, type Problem } from '../../src/model/index.ts';
import { sniffImage } from '../../src/model/read/image.ts';
import { makeFixture } from '../helpers/fixture.ts';

function png(width: number, height: number): Uint8Array {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#36c"/></svg>`;
	return new Resvg(svg).render().asPng();
}

/** Problems about `logo` in company.yaml when public/<file> holds `bytes`. */
function logoProblems(logo: string, files: Record<string, Uint8Array | string> = {}): Problem[] {
	const fixture = makeFixture([{ file: 'content/company.yaml', replace: ['site:\n', `logo: ${JSON.stringify(logo)}\nsite:\n`] }]);
	try {
		for (const [name, bytes] of Object.entries(files)) {
			mkdirSync(join(fixture.root, 'public'), { recursive: true });
			writeFileSync(join(fixture.root, 'public', name), bytes);
		}
		const { problems } = loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today: '2026-06-01' });
		return problems.filter((problem) => problem.path === 'logo');
	} finally {
		fixture.cleanup();
	}
}

describe('company logo', () => {
	it('accepts a real PNG of 512 × 512 and an SVG', () => {
		expect(logoProblems('logo.png', { 'logo.png': png(512, 512) })).toEqual([]);
		expect(logoProblems('logo.svg', { 'logo.svg': '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>' })).toEqual([]);
	});

	it('reports a logo file that does not exist, naming where it should be', () => {
		expect(logoProblems('brand/logo.png')).toEqual([expect.objectContaining({ file: 'content/company.yaml', severity: 'error', message: expect.stringContaining('public/brand/logo.png'), found: 'brand/logo.png' })]);
	});

	it('judges by the bytes: a text file named logo.png is not an image', () => {
		const [problem] = logoProblems('logo.png', { 'logo.png': '<html>404 Not Found</html>' });
		expect(problem?.message).toContain('is not a PNG, JPEG or SVG image (judged by its contents');
	});

	it('judges by the bytes: a PNG named logo.svg is accepted as the PNG it is', () => {
		expect(logoProblems('logo.svg', { 'logo.svg': png(200, 200) })).toEqual([]);
	});

	it('reports a raster logo below 112 × 112 px with its size', () => {
		const [problem] = logoProblems('logo.png', { 'logo.png': png(64, 200) });
		expect(problem?.message).toContain('is 64 × 200 px; job boards need at least 112 × 112 px');
	});

	it('refuses a path that leaves public/', () => {
		const [problem] = logoProblems('../content/company.yaml');
		expect(problem?.message).toMatch(/must be a file inside public\/|must not leave public\//);
	});

	it('reports a logo over 1 MB', () => {
		const big = new Uint8Array(1024 * 1024 + 10);
		big.set(png(200, 200));
		expect(logoProblems('logo.png', { 'logo.png': big })[0]?.message).toContain('a logo may be at most 1024 KB');
	});
});

describe('sniffImage', () => {
	it('reads PNG and SVG sizes and rejects other bytes', () => {
		expect(sniffImage(png(120, 130))).toEqual({ type: 'png', width: 120, height: 130 });
		expect(sniffImage(new TextEncoder().encode('<svg width="300px" height="100"></svg>'))).toEqual({ type: 'svg', width: 300, height: 100 });
		expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeUndefined();
	});

	it('reads a JPEG size from its start-of-frame segment', () => {
		// SOI, an APP0 segment of 16 bytes, then SOF0 with height 150 and width 250.
		const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x96, 0x00, 0xfa, 0x03, ...new Array(12).fill(0)]);
		expect(sniffImage(jpeg)).toEqual({ type: 'jpeg', width: 250, height: 150 });
	});
});
