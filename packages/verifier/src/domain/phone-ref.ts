import { createHmac } from 'node:crypto';

/** A pseudonymous phone reference: stable per brand, useless without the server secret. */
export function phoneReference(key: Buffer, brand: string, e164: string): string {
  return createHmac('sha256', key).update(`phone-ref\0${brand}\0${e164}`).digest('base64url');
}

/** What the customer sees of the number: its last two digits. */
export function maskPhone(e164: string): string {
  return `••• ${e164.slice(-2)}`;
}

/** What the customer sees of an email address: its first character and its domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
