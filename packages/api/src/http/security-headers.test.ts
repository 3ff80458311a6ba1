import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, securityHeaders, staticContentSecurityPolicy } from "./security-headers";

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );

describe("content security policy", () => {
  it("allows scripts only with the nonce, frames only from configured studios", () => {
    const policy = directives(
      pageContentSecurityPolicy({ nonce: "abc123==", frameOrigins: ["https://games.studio.example"] }),
    );
    expect(policy["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy["frame-src"]).toBe("https://games.studio.example");
    expect(directives(pageContentSecurityPolicy({ nonce: "n" }))["frame-src"]).toBe("'none'");
  });

  it("repeats every static directive with the same value, so the two policies never conflict", () => {
    const page = directives(pageContentSecurityPolicy({ nonce: "n", frameOrigins: [] }));
    for (const [name, value] of Object.entries(directives(staticContentSecurityPolicy))) {
      expect(page[name], name).toBe(value);
    }
    expect(securityHeaders.filter((h) => h.key === "Content-Security-Policy")).toHaveLength(1);
  });

  it("adds the asset CDN and eval only where needed", () => {
    const policy = directives(
      pageContentSecurityPolicy({ nonce: "n", assetOrigin: "https://cdn.example", isDevelopment: true }),
    );
    expect(policy["style-src"]).toContain("https://cdn.example");
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n" }))["script-src"]).not.toContain("unsafe-eval");
  });
});
