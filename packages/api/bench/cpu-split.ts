import { readdirSync, readFileSync } from "node:fs";

type Role = "postgres" | "server" | "client";

/**
 * CPU ticks (user + system, USER_HZ: 100 per second) of each live process with a role: PostgreSQL's, this process
 * (the load client) and the server under test (the process group `serverGroup`). Null where /proc is missing.
 */
const ticksByPid = (serverGroup: number | undefined) => {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const ticks = new Map<number, { role: Role; ticks: number }>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // After the name: state, ppid, pgrp, … utime is the 12th field and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const role: Role | null =
      Number(pid) === process.pid
        ? "client"
        : serverGroup !== undefined && Number(fields[2]) === serverGroup
          ? "server"
          : name === "postgres"
            ? "postgres"
            : null;
    if (role) ticks.set(Number(pid), { role, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return ticks;
};

export type CpuSplit = { postgres_ms: number; server_ms: number; client_ms: number };

/**
 * Runs `phase` and reports the CPU milliseconds each role spent per operation: where the shared cores went. Linux
 * only (elsewhere no split); a process that exits during the phase is not counted.
 */
export const measureCpuSplit = async <T extends { ops: number }>(
  phase: () => Promise<T>,
  serverGroup?: number,
): Promise<T & { cpuPerOp?: CpuSplit }> => {
  const before = ticksByPid(serverGroup);
  const result = await phase();
  const after = ticksByPid(serverGroup);
  if (!before || !after || result.ops === 0) return result;
  const spent: Record<Role, number> = { postgres: 0, server: 0, client: 0 };
  for (const [pid, now] of after) spent[now.role] += now.ticks - (before.get(pid)?.ticks ?? 0);
  const perOp = (role: Role) => Math.round((spent[role] * 10 * 1000) / result.ops) / 1000;
  return {
    ...result,
    cpuPerOp: { postgres_ms: perOp("postgres"), server_ms: perOp("server"), client_ms: perOp("client") },
  };
};
