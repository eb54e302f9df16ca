/**
 * Password hashing with scrypt (node:crypto), stored self-describing so the cost can be raised later
 * without breaking existing hashes: "scrypt$N$r$p$salt$hash" (salt and hash base64url).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * One of OWASP's equivalent scrypt minimums (N=2^15, r=8, p=3): 32 MiB per hash rather than the
 * 128 MiB of N=2^17, so a burst of sign-ins cannot exhaust the server's memory.
 */
const defaults = { N: 2 ** 15, r: 8, p: 3 };
const keyLength = 32;

export const minPasswordLength = 8;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { ...options, maxmem: 256 * options.N! * options.r! },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = defaults,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** True when the password matches; false for a wrong password and for a hash this code cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  const cost = [n, r, p].map(Number);
  if (
    scheme !== "scrypt" ||
    hash === undefined ||
    !cost.every((value) => Number.isSafeInteger(value) && value > 0)
  )
    return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt!, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let unknownUser: Promise<string> | undefined;

/** A hash of a random password, checked when a username is unknown so that the answer takes as long. */
export function unknownUserHash(): Promise<string> {
  unknownUser ??= hashPassword(randomBytes(16).toString("hex"));
  return unknownUser;
}
