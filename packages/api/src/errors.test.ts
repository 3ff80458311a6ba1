import { createLogger, domainErrorCodes } from "@pitboss/db";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, transportOf } from "./errors";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "./trpc";

const router = createTRPCRouter({
  fail: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
    if (input.code === "BOOM") throw new Error("secret database detail");
    if (input.code === "SCHEMA") return z.object({ stake: z.bigint() }).parse({ stake: "ten" });
    throw new DomainError(input.code as keyof typeof domainErrorCodes, { message: "domain says no" });
  }),
});
const caller = createCallerFactory(router)({
  app: "test",
  requestId: "req_test",
  player: null,
  logger: createLogger({ level: "silent" }),
} as never);

describe("error mapping", () => {
  it("gives every domain error code a transport code and an HTTP status", () => {
    expect(Object.keys(transportOf).sort()).toEqual(Object.keys(domainErrorCodes).sort());
  });

  it("maps a DomainError thrown by a service onto its tRPC code, keeping the domain code", async () => {
    const error = await caller.fail({ code: "INSUFFICIENT_FUNDS" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNPROCESSABLE_CONTENT");
    expect(((error as TRPCError).cause as DomainError).code).toBe("INSUFFICIENT_FUNDS");
  });

  it("maps a service's own schema refusing its input to INVALID_INPUT, not INTERNAL", async () => {
    const error = (await caller.fail({ code: "SCHEMA" }).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as DomainError).code).toBe("INVALID_INPUT");
  });

  it("turns an unknown error into INTERNAL without leaking its message", async () => {
    const logged: unknown[] = [];
    const quietCaller = createCallerFactory(router)({
      app: "test",
      requestId: "req_test",
      logger: { info: () => {}, error: (...args: unknown[]) => logged.push(args) },
    } as never);
    const error = (await quietCaller.fail({ code: "BOOM" }).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect((error.cause as DomainError).code).toBe("INTERNAL");
    expect(error.message).toBe("INTERNAL");
    expect(logged).toHaveLength(1);
  });
});
