import { z } from 'zod';
import { isoDate, kebabId, localeCode } from './common.ts';

/** One signature on a familiarisation sheet: which version, when. */
export const signatureSchema = z.strictObject({
	version: z.int().min(1),
	date: isoDate,
});

/** A person who holds a role. Names only: no other personal data belongs in content. */
export const holderSchema = z.strictObject({
	/** The name as it is written on the familiarisation sheet; a map per locale where the script differs. */
	name: z.union([z.string().trim().min(1), z.record(localeCode, z.string().trim().min(1))]),
	/** Role id. */
	role: kebabId,
	/** Signed familiarisation sheets, oldest first. */
	signed: z.array(signatureSchema).default([]),
});

/** `content/sign-offs.yaml`: who holds each role and which version each has signed. */
export const signOffsSchema = z.strictObject({
	holders: z.array(holderSchema).default([]),
});
export type SignOffsData = z.output<typeof signOffsSchema>;
