/**
 * Digital signing for the commands that write PDFs (`build`, `pdf`): the certificate comes
 * from the environment only (see src/pdf/sign.ts). Messages name the variables, never their
 * values.
 */
import { signingCertificateFromEnv, SigningError, UNSIGNED_NOTICE, type SigningCertificate } from '../pdf/index.ts';
import { signsDocuments } from '../model/index.ts';
import type { Output } from './output.ts';

export type Signing = { ok: true; certificate?: SigningCertificate; notice?: string } | { ok: false };

/**
 * Opens the certificate configured in the environment (a wrong password or a broken file is an
 * error, reported without secrets). Preview output is never signed. `notice` is the one line
 * to print when nothing will be signed.
 */
export function signingFromEnv(options: { preview?: boolean; sign?: boolean }, out: Output, env: NodeJS.ProcessEnv = process.env): Signing {
	if (options.sign === false) return { ok: true, notice: 'PDFs are not digitally signed (--no-sign).' };
	if (!signsDocuments({ preview: options.preview ?? false })) return { ok: true, notice: 'PDFs are not digitally signed: preview output never is.' };
	try {
		const certificate = signingCertificateFromEnv(env);
		return certificate ? { ok: true, certificate } : { ok: true, notice: UNSIGNED_NOTICE };
	} catch (error) {
		if (!(error instanceof SigningError)) throw error;
		out.error(`error: ${error.message}`);
		return { ok: false };
	}
}
