import NextAuth from "next-auth";
import { cache } from "react";
import { createAuthConfig } from "./config";

const { auth: uncachedAuth, handlers, signIn, signOut } = NextAuth(() => createAuthConfig());

/** The session, read once per request. */
const auth = cache(uncachedAuth);

/** The signed-in player as the API's actor, or null. */
const currentPlayer = async () => {
  const session = await auth();
  return session?.user?.id ? { id: session.user.id } : null;
};

export { auth, currentPlayer, handlers, signIn, signOut };
