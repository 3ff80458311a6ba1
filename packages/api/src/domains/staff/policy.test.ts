import { describe, expect, it } from "vitest";
import { allPermissions, hasPermission, permissions, permissionsOf, rolePermissions, staffRoles } from "./policy";

describe("access policy", () => {
  it("keeps AUDITOR read-only: no permission that changes state apart from its own account", () => {
    const writes = rolePermissions.AUDITOR.filter((p) => permissions[p].isWrite && p !== "self.account");
    expect(writes).toEqual([]);
  });

  it("grants every permission to some role, and only known permissions", () => {
    const granted = new Set(staffRoles.flatMap((role) => rolePermissions[role]));
    expect([...granted].sort()).toEqual([...allPermissions].sort());
  });

  it("lets every role manage its own account and read the home page", () => {
    for (const role of staffRoles) {
      expect(hasPermission([role], "self.account")).toBe(true);
      expect(hasPermission([role], "home.read")).toBe(true);
    }
  });

  it("combines several roles and ignores unknown ones", () => {
    expect(permissionsOf(["SUPPORT", "MARKETING", "NOPE"])).toEqual(
      allPermissions.filter((p) => rolePermissions.SUPPORT.includes(p) || rolePermissions.MARKETING.includes(p)),
    );
    expect(permissionsOf([])).toEqual([]);
    expect(hasPermission(["NOPE"], "home.read")).toBe(false);
  });

  it("gives money movement only to FINANCE and ADMIN, and no role but ADMIN manages staff", () => {
    expect(staffRoles.filter((r) => hasPermission([r], "wallet.adjust"))).toEqual(["FINANCE", "ADMIN"]);
    expect(staffRoles.filter((r) => hasPermission([r], "wallet.approve"))).toEqual(["FINANCE", "ADMIN"]);
    expect(staffRoles.filter((r) => hasPermission([r], "staff.manage"))).toEqual(["ADMIN"]);
    expect(staffRoles.filter((r) => hasPermission([r], "staff.approve"))).toEqual(["ADMIN"]);
  });
});
