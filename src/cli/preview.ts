/** Whether a command builds a preview: `--preview`, else ROLEBOOK_PREVIEW read strictly (src/model/publication.ts). */
import { previewFromEnv } from '../model/index.ts';
import type { Output } from './output.ts';

/** true/false, or undefined after reporting a ROLEBOOK_PREVIEW value that means neither. */
export function previewSetting(flag: boolean | undefined, out: Output, env: NodeJS.ProcessEnv = process.env): boolean | undefined {
	if (flag) return true;
	try {
		return previewFromEnv(env);
	} catch (error) {
		out.error(`error: ${(error as Error).message}`);
		return undefined;
	}
}
