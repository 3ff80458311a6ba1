import { createHmac } from "node:crypto";
import { createDb, type Db, hashPassword, newId } from "@pitboss/db";
import { createTestPlayer, uniqueEmail } from "@pitboss/db/testing";
import { type APIRequestContext, expect } from "@playwright/test";

/**
 * Back-office fixtures: staff and players seeded through @pitboss/db (unique per test), sign-in through the
 * admin API exactly as the sign-in page does it (password, TOTP enrolment, cookie), and TOTP codes computed
 * like an authenticator app.
 */

let shared: Db | undefined;
export const db = () => {
  shared ??= createDb({ url: process.env.DATABASE_URL ?? "", maxConnections: 3 });
  return shared;
};
export const closeDb = async () => {
  await shared?.close();
  shared = undefined;
};

export const staffPassword = "e2e staff password 1";
let passwordHash: Promise<string> | undefined;

export type Role = "SUPPORT" | "RISK" | "FINANCE" | "MARKETING" | "ADMIN" | "AUDITOR";

/** A staff account that has never signed in (no authenticator yet). */
export const createStaff = async (role: Role) => {
  passwordHash ??= hashPassword(staffPassword);
  const email = uniqueEmail(`e2e-${role.toLowerCase()}`);
  const { id } = await db().prisma.staffUser.create({
    data: {
      id: newId("staff"),
      email,
      displayName: `E2E ${role} ${email.slice(8, 14)}`,
      passwordHash: await passwordHash,
      roles: [role],
    },
    select: { id: true },
  });
  return { id, email, password: staffPassword };
};

export const createPlayer = (label = "e2e-player") =>
  createTestPlayer(db(), { email: uniqueEmail(label), displayName: `Player ${label}` });

// RFC 6238 (SHA-1, 6 digits, 30 s), what every authenticator app computes from the enrolment secret.
const base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const decodeBase32 = (secret: string) => {
  let bits = "";
  for (const char of secret.replace(/=+$/, "").toUpperCase()) bits += base32.indexOf(char).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g)?.map((byte) => Number.parseInt(byte, 2)) ?? []);
};
export const totpCode = (secret: string, at = Date.now()) => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", decodeBase32(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, "0");
};

/** Calls an admin tRPC procedure over HTTP (superjson envelope); returns status and the parsed body. */
export const trpc = async (request: APIRequestContext, path: string, input?: unknown) => {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input ?? null } });
  return {
    status: response.status(),
    body: (await response.json()) as {
      result?: { data?: { json?: unknown } };
      error?: { json?: { data?: { domainCode?: string } } };
    },
  };
};

/**
 * Signs a new staff member in through the API (the page's cookie jar keeps the session cookie): password,
 * TOTP enrolment with a computed code. Returns the account and its authenticator secret.
 */
export const signInAs = async (request: APIRequestContext, role: Role) => {
  const staff = await createStaff(role);
  expect((await trpc(request, "admin.auth.signIn", { email: staff.email, password: staff.password })).status).toBe(200);
  const started = await trpc(request, "admin.auth.mfa.enrolStart");
  const secret = (started.body.result?.data?.json as { secret?: string } | undefined)?.secret ?? "";
  expect((await trpc(request, "admin.auth.mfa.enrolConfirm", { code: totpCode(secret) })).status).toBe(200);
  return { ...staff, secret };
};
