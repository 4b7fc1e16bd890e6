import { createHash, randomBytes } from 'node:crypto';

/** A new bearer secret (invitation token or session id): 256 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256 (DESIGN.md §8): a stolen store holds no usable token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new secret with its hash and validity window, ready to store (the secret itself is never stored). */
export function issueSecret(now: Date, ttlDays: number): { secret: string; hash: string; createdAt: string; expiresAt: string } {
  const secret = newSecret();
  return {
    secret,
    hash: hashSecret(secret),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlDays * 86_400_000).toISOString(),
  };
}
