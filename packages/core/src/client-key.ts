/**
 * A fresh idempotency key for one message: 128 random bits as hex.
 * `crypto.randomUUID` would do, but it exists only in secure contexts and
 * some school sites are still served over plain HTTP.
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
