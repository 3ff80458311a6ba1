"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { Me, Permission } from "~/lib/types";

const MeContext = createContext<Me | null>(null);

/** The signed-in staff member, resolved on the server by the console layout. */
export const MeProvider = ({ me, children }: { me: Me; children: ReactNode }) => (
  <MeContext.Provider value={me}>{children}</MeContext.Provider>
);

export const useMe = (): Me => {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside the console layout");
  return me;
};

/** Hides what the role cannot do; the server refuses it anyway. */
export const useCan = () => {
  const me = useMe();
  return (permission: Permission) => me.permissions.includes(permission);
};
