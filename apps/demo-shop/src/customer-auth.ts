import type { CryptoKey, JSONWebKeySet } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { ShopBrand } from './shop-config.js';

/** A customer signed in to the shop, as the brand's customer-auth service knows them. */
export interface DemoCustomer {
  sub: string;
  name: string;
  /** E.164; it travels only inside the signed ID token, never as page text. */
  phoneNumber: string;
}

const ID_TOKEN_LIFETIME_SECONDS = 600;

/**
 * The brand's existing customer-authentication service, played by the demo shop: it signs OIDC ID tokens for
 * signed-in customers and publishes its keys, so the verifier texts the number registered on the account.
 */
export class DemoCustomerAuth {
  private constructor(
    readonly issuer: string,
    private readonly signingKey: CryptoKey,
    readonly jwks: JSONWebKeySet,
  ) {}

  static async create(issuer: string): Promise<DemoCustomerAuth> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = 'demo-customer-auth-1';
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
    return new DemoCustomerAuth(issuer, privateKey, jwks);
  }

  idToken(brand: ShopBrand, customer: DemoCustomer): Promise<string> {
    return new SignJWT({ name: customer.name, phone_number: customer.phoneNumber, phone_number_verified: true })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: this.jwks.keys[0]?.kid as string })
      .setIssuer(this.issuer)
      .setAudience(brand.customerAuthAudience)
      .setSubject(customer.sub)
      .setIssuedAt()
      .setExpirationTime(`${ID_TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.signingKey);
  }
}
