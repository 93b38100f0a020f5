import type { CreateSessionRequest, CreateSessionResponse } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import { NEW_SESSION_PROGRESS, type Session } from '../domain/session.js';
import { hashClientSecret } from './authenticate-session.js';
import { pageOrigin } from './brand-origin.js';
import type { VerifierContext } from './context.js';
import { smsSegmentsOf } from './code-messages.js';
import type { RequestClient } from './limits.js';
import { regionOf } from './phone-region.js';
import type { ResolvedPhone, SuppressedPhone } from './resolve-phone.js';
import { resolveCustomerRef, resolvePhone } from './resolve-phone.js';

/** Who is asking: a page on one of the brand's origins, or the brand's server with its secret key. */
export type SessionCreator = { kind: 'page'; origin: string | undefined } | { kind: 'server'; brand: Brand };

export async function createSession(
  context: VerifierContext,
  request: CreateSessionRequest,
  creator: SessionCreator,
  client: RequestClient,
): Promise<CreateSessionResponse> {
  const brand = context.brands.get(request.brand);
  if (brand === undefined) throw new VerificationError('unknown_brand', `No brand has the id "${request.brand}".`);
  refuseMixedSources(request);
  if (request.customerRef !== undefined && creator.kind !== 'server') {
    throw new VerificationError(
      'invalid_secret_key',
      'customerRef is for server-to-server calls: send the brand’s secret key (sk_…) as a Bearer token.',
    );
  }
  const checkoutHost = authorizeCreator(brand, creator);
  const email = trustedEmail(request, creator);
  const locale = request.locale ?? brand.locales[0] ?? 'en';
  const messageSubject = { locale, order: request.order, policy: brand.effectivePolicy, checkoutHost };
  const entry = { sessionId: null, client, segments: () => smsSegmentsOf(brand, messageSubject) };
  const phone =
    request.customerRef === undefined
      ? await resolvePhone(context, brand, request, entry)
      : await customerRefPhone(context, brand, request.customerRef);
  const now = context.clock();
  const clientSecret = context.randomId('cs_');
  const session: Session = {
    id: context.randomId('ses_'),
    brand: brand.id,
    order: request.order,
    locale,
    status: 'created',
    clientSecretHash: hashClientSecret(clientSecret),
    phoneE164: phone?.e164 ?? null,
    phoneRef: phone?.ref ?? null,
    phoneMasked: phone?.masked ?? null,
    email,
    checkoutHost,
    policy: brand.effectivePolicy,
    createdAt: now,
    expiresAt: now + brand.effectivePolicy.sessionLifetimeSeconds * 1000,
    ...NEW_SESSION_PROGRESS,
  };
  context.store.transaction(() => {
    context.store.insertSession(session);
    context.store.appendEvent({
      at: now,
      type: 'session.created',
      brand: brand.id,
      sessionId: session.id,
      data: {
        source: phoneSource(request),
        locale: session.locale,
        amount: request.order.amount,
        currency: request.order.currency,
        ...(session.phoneE164 === null ? {} : { country: regionOf(session.phoneE164) }),
      },
    });
  });
  context.metrics.sessionsCreated.inc({ brand: brand.id });
  return {
    id: session.id,
    clientSecret,
    status: 'created',
    expiresAt: new Date(session.expiresAt).toISOString(),
    codeLength: session.policy.codeLength,
    ...(phone === undefined ? {} : { phoneMasked: phone.masked }),
  };
}

/** Where the session's number comes from, for the funnel: never the number itself. */
function phoneSource(request: CreateSessionRequest): 'typed' | 'customer_token' | 'customer_ref' | 'later' {
  if (request.customerRef !== undefined) return 'customer_ref';
  if (request.customerToken !== undefined) return 'customer_token';
  return request.phone === undefined ? 'later' : 'typed';
}

/** One source of the phone number per session: a typed number, a customer token or a customer reference. */
function refuseMixedSources(request: CreateSessionRequest): void {
  const sources = [request.phone, request.customerToken, request.customerRef].filter((value) => value !== undefined);
  if (sources.length > 1) {
    throw new VerificationError('invalid_request', 'Send only one of phone, customerToken and customerRef.');
  }
}

/** The registered number of a customer reference, or a suppressed session for one without a usable number. */
async function customerRefPhone(
  context: VerifierContext,
  brand: Brand,
  customerRef: string,
): Promise<ResolvedPhone | SuppressedPhone> {
  if (!context.customerDirectory.has(brand.id)) {
    throw new VerificationError(
      'invalid_request',
      `Brand "${brand.id}" has no customer directory configured for customerRef.`,
    );
  }
  return resolveCustomerRef(context, brand, customerRef);
}

/**
 * The address codes may go to by email: only from the brand's server (secret key), which knows its customer's
 * address. A code by email proves the address, not the phone, so a page, which can type any number, may not add
 * one: its token would carry the reference of a number nobody proved (NIST SP 800-63B 5.1.3.1).
 */
function trustedEmail(request: CreateSessionRequest, creator: SessionCreator): string | null {
  if (request.email === undefined) return null;
  if (creator.kind === 'page') {
    throw new VerificationError(
      'invalid_request',
      'A page may not send an email address: create the session server-to-server (secret key) to add one.',
    );
  }
  return request.email;
}

/** Checks the creator may act for the brand and returns the checkout host for the WebOTP line. */
function authorizeCreator(brand: Brand, creator: SessionCreator): string {
  if (creator.kind === 'server') {
    if (creator.brand.id !== brand.id)
      throw new VerificationError('invalid_secret_key', 'This secret key belongs to another brand.');
    return new URL(brand.allowedOrigins[0] as string).hostname;
  }
  return new URL(pageOrigin(brand, creator.origin)).hostname;
}
