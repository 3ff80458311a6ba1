"use client";

import { Badge, Button, Card, Checkbox, DataTable, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import type { StaffMember } from "~/lib/types";
import { useTRPC } from "~/trpc/react";
import { useCan, useMe } from "./me-context";
import { SessionList } from "./session-list";

export const roles = ["SUPPORT", "RISK", "FINANCE", "MARKETING", "ADMIN", "AUDITOR"] as const;

const Roles = ({
  member,
  canEdit,
  onSave,
}: {
  member: StaffMember;
  canEdit: boolean;
  onSave: (roles: string[]) => void;
}) => {
  const [selected, setSelected] = useState<string[]>(member.roles);
  if (!canEdit)
    return (
      <span className="flex flex-wrap gap-1">
        {member.roles.map((r) => (
          <Badge key={r}>{r}</Badge>
        ))}
      </span>
    );
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(selected);
      }}
    >
      {roles.map((role) => (
        <Checkbox
          key={role}
          label={role}
          checked={selected.includes(role)}
          onChange={(event) =>
            setSelected(event.target.checked ? [...selected, role] : selected.filter((r) => r !== role))
          }
        />
      ))}
      <Button type="submit" size="sm" variant="secondary" disabled={selected.length === 0}>
        {en.staff.saveRoles}
      </Button>
    </form>
  );
};

/** Staff accounts; ADMIN changes roles, disables, enables, resets MFA and sees sessions. */
export const StaffList = () => {
  const trpc = useTRPC();
  const can = useCan();
  const me = useMe();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [openSessions, setOpenSessions] = useState<string | null>(null);
  const list = useQuery(trpc.admin.staff.list.queryOptions());
  const refresh = () => refetchAfterWrite(trpc.admin.staff.pathKey());
  const setRoles = useMutation(trpc.admin.staff.setRoles.mutationOptions({ onSettled: refresh }));
  const disable = useMutation(trpc.admin.staff.disable.mutationOptions({ onSettled: refresh }));
  const enable = useMutation(trpc.admin.staff.enable.mutationOptions({ onSettled: refresh }));
  const resetMfa = useMutation(trpc.admin.staff.resetMfa.mutationOptions({ onSettled: refresh }));
  const canManage = can("staff.manage");
  const withReason = (action: string, run: (reason: string) => void) => {
    const reason = window.prompt(format(en.staff.actionReason, { action }));
    if (reason && reason.trim().length >= 3) run(reason.trim());
  };
  const error = list.error ?? setRoles.error ?? disable.error ?? enable.error ?? resetMfa.error;
  return (
    <Card title={en.staff.title}>
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
      {setRoles.data?.status === "PENDING_APPROVAL" ? <Notice tone="warning">{en.staff.adminPending}</Notice> : null}
      <DataTable
        testId="staff-list"
        rows={list.data ?? []}
        rowKey={(row) => row.id}
        empty={en.common.loading}
        columns={[
          { key: "email", header: en.staff.email, render: (row) => row.email },
          { key: "name", header: en.staff.name, render: (row) => row.displayName },
          {
            key: "roles",
            header: en.staff.roles,
            render: (row) => (
              <Roles
                member={row}
                canEdit={canManage}
                onSave={(next) => setRoles.mutate({ staffId: row.id, roles: next as (typeof roles)[number][] })}
              />
            ),
          },
          {
            key: "state",
            header: en.staff.state,
            render: (row) => (
              <span className="flex flex-wrap gap-1">
                {row.isDisabled ? <Badge tone="danger">{en.staff.disabled}</Badge> : null}
                {row.isLocked ? <Badge tone="warning">{en.staff.locked}</Badge> : null}
                <Badge tone={row.isEnrolled ? "success" : "neutral"}>
                  {row.isEnrolled ? en.staff.enrolled : en.staff.notEnrolled}
                </Badge>
                {row.mustChangePassword ? <Badge>{en.staff.mustChangePassword}</Badge> : null}
              </span>
            ),
          },
          {
            key: "actions",
            header: en.staff.actions,
            render: (row) => (
              <span className="flex flex-wrap gap-1">
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setOpenSessions(openSessions === row.id ? null : row.id)}
                >
                  {en.staff.sessions}
                </Button>
                {canManage && row.id !== me.id ? (
                  <>
                    {row.isDisabled ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() =>
                          withReason(en.staff.enable, (reason) => enable.mutate({ staffId: row.id, reason }))
                        }
                      >
                        {en.staff.enable}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() =>
                          withReason(en.staff.disable, (reason) => disable.mutate({ staffId: row.id, reason }))
                        }
                      >
                        {en.staff.disable}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() =>
                        withReason(en.staff.resetMfa, (reason) => resetMfa.mutate({ staffId: row.id, reason }))
                      }
                    >
                      {en.staff.resetMfa}
                    </Button>
                  </>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      {openSessions ? (
        <div className="mt-3">
          <SessionList staffId={openSessions} canRevoke={canManage} />
        </div>
      ) : null}
    </Card>
  );
};
