/**
 * An sRGB ICC profile (IEC 61966-2.1), generated in code for the PDF/A output intent: an ICC
 * v2.1 display-class matrix/TRC profile with the standard's D50-adapted primaries, its D65
 * media white point and a 1024-entry tone curve of the sRGB transfer function — the shape of
 * the widely used "sRGB IEC61966-2.1" profile. Nothing is downloaded or read from the machine;
 * the bytes are the same on every run (a fixed creation date), built once per process.
 */

/** What the output intent's /OutputConditionIdentifier and /Info say. */
export const SRGB_CONDITION = 'sRGB IEC61966-2.1';

const D50 = [0.9642, 1.0, 0.8249];
const WHITE_D65 = [0.9505, 1.0, 1.089];
/** sRGB primaries adapted to D50 (Bradford), as in ICC sRGB profiles. */
const RED = [0.4361, 0.2225, 0.0139];
const GREEN = [0.3851, 0.7169, 0.0971];
const BLUE = [0.1431, 0.0606, 0.7141];
const CURVE_POINTS = 1024;

class Writer {
	readonly bytes: number[] = [];
	u8(value: number) {
		this.bytes.push(value & 0xff);
	}
	u16(value: number) {
		this.u8(value >> 8);
		this.u8(value);
	}
	u32(value: number) {
		this.u16(value >>> 16);
		this.u16(value & 0xffff);
	}
	sig(text: string) {
		for (const char of text.padEnd(4, ' ')) this.u8(char.charCodeAt(0));
	}
	s15f16(value: number) {
		this.u32(Math.round(value * 65536) >>> 0);
	}
	ascii(text: string) {
		for (const char of text) this.u8(char.charCodeAt(0));
		this.u8(0);
	}
	zeros(count: number) {
		for (let i = 0; i < count; i++) this.u8(0);
	}
	align() {
		while (this.bytes.length % 4) this.u8(0);
	}
}

function tag(build: (w: Writer) => void): number[] {
	const w = new Writer();
	build(w);
	w.align();
	return w.bytes;
}

const xyz = (values: number[]) =>
	tag((w) => {
		w.sig('XYZ ');
		w.u32(0);
		values.forEach((v) => w.s15f16(v));
	});

/** The sRGB transfer function (encoded → linear). */
function srgbToLinear(value: number): number {
	return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

let profile: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
	if (profile) return profile;
	const description = tag((w) => {
		w.sig('desc');
		w.u32(0);
		w.u32(SRGB_CONDITION.length + 1);
		w.ascii(SRGB_CONDITION);
		w.u32(0); // Unicode language code
		w.u32(0); // Unicode count
		w.u16(0); // ScriptCode code
		w.u8(0); // ScriptCode count
		w.zeros(67);
	});
	const copyright = tag((w) => {
		w.sig('text');
		w.u32(0);
		w.ascii('No copyright, use freely');
	});
	const curve = tag((w) => {
		w.sig('curv');
		w.u32(0);
		w.u32(CURVE_POINTS);
		for (let i = 0; i < CURVE_POINTS; i++) w.u16(Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
	});
	const data: [string, number[]][] = [
		['desc', description],
		['cprt', copyright],
		['wtpt', xyz(WHITE_D65)],
		['rXYZ', xyz(RED)],
		['gXYZ', xyz(GREEN)],
		['bXYZ', xyz(BLUE)],
		['rTRC', curve],
		['gTRC', curve],
		['bTRC', curve],
	];
	// Tag data after the header (128 bytes) and tag table; the three tone curves share one copy.
	const tableSize = 4 + data.length * 12;
	let offset = 128 + tableSize;
	const placed = new Map<number[], number>();
	const entries = data.map(([name, bytes]) => {
		let at = placed.get(bytes);
		if (at === undefined) {
			at = offset;
			placed.set(bytes, at);
			offset += bytes.length;
		}
		return { name, at, size: bytes.length };
	});
	const w = new Writer();
	w.u32(offset); // profile size
	w.u32(0); // preferred CMM
	w.u32(0x02100000); // version 2.1
	w.sig('mntr');
	w.sig('RGB ');
	w.sig('XYZ ');
	[2026, 1, 1, 0, 0, 0].forEach((v) => w.u16(v)); // creation date: fixed, for reproducible bytes
	w.sig('acsp');
	w.u32(0); // platform
	w.u32(0); // flags
	w.u32(0); // manufacturer
	w.u32(0); // model
	w.zeros(8); // attributes
	w.u32(0); // perceptual intent
	D50.forEach((v) => w.s15f16(v));
	w.u32(0); // creator
	w.zeros(44); // profile id (v4) and reserved
	w.u32(data.length);
	for (const entry of entries) {
		w.sig(entry.name);
		w.u32(entry.at);
		w.u32(entry.size);
	}
	for (const bytes of placed.keys()) w.bytes.push(...bytes);
	profile = new Uint8Array(w.bytes);
	return profile;
}
