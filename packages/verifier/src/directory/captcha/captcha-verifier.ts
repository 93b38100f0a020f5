/**
 * Verifies the token a brand's captcha widget gave the page (siteverify protocol). `unavailable` when the
 * service cannot answer: the challenge is then not passed (fails closed) and the page may try again.
 */
export interface CaptchaVerifier {
  verify(brandId: string, token: string, remoteIp: string): Promise<'passed' | 'failed' | 'unavailable'>;
}
