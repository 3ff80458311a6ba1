import {
  authenticatePlayer,
  getServiceDeps,
  isDomainError,
  resolvePlayerSession,
  SESSION_MAX_AGE_S,
} from "@pitboss/api";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getWebEnv } from "~/env";

/** A refused sign-in carrying the domain code (INVALID_CREDENTIALS, RATE_LIMITED, FORBIDDEN) to the form. */
export class PlayerSignInError extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const clientIpOf = (headers: Headers) =>
  headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "unknown";

type SessionClaims = { sub?: string; sessionVersion?: number };

/**
 * Auth.js for players: email and password checked by @pitboss/api (throttled, one answer for unknown emails),
 * sessions as encrypted JWT cookies that carry the player's session version; every use re-checks it, so
 * "sign out everywhere" and a password reset end all sessions at once.
 */
export const createAuthConfig = () =>
  ({
    trustHost: true,
    // Read when the first request needs it (not at build time); instrumentation.ts checks it at boot.
    secret: getWebEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    // Auth.js's own logs go to our JSON logger: a refused sign-in is expected, so a warning, not a stack trace.
    logger: {
      error: (error: Error) => {
        const { logger } = getServiceDeps();
        if (error.name === "CredentialsSignin")
          logger.warn({ code: (error as CredentialsSignin).code }, "auth: sign-in refused");
        else logger.error({ err: error }, "auth: error");
      },
      warn: (code: string) => getServiceDeps().logger.warn({ code }, "auth: warning"),
      debug: () => {},
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (credentials, request) => {
          try {
            const player = await authenticatePlayer(getServiceDeps(), {
              email: String(credentials.email ?? ""),
              password: String(credentials.password ?? ""),
              ip: clientIpOf(request.headers),
            });
            return {
              id: player.playerId,
              name: player.displayName,
              email: player.email,
              sessionVersion: player.sessionVersion,
            };
          } catch (error) {
            if (isDomainError(error)) throw new PlayerSignInError(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt: async ({ token, user }) => {
        const claims = token as typeof token & SessionClaims;
        if (user) {
          claims.sub = user.id;
          claims.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return claims;
        }
        if (!claims.sub || typeof claims.sessionVersion !== "number") return null;
        const live = await resolvePlayerSession(getServiceDeps(), {
          playerId: claims.sub,
          sessionVersion: claims.sessionVersion,
        });
        return live ? claims : null;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  }) satisfies NextAuthConfig;
