"use client";

import { Badge, Button, Card, DataTable, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { formatDateTime } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useCan, useMe } from "./me-context";

/** Pending ADMIN grants: a second admin (not the requester, not the grantee) approves or rejects. */
export const RoleRequests = () => {
  const trpc = useTRPC();
  const can = useCan();
  const me = useMe();
  const refetchAfterWrite = useRefetchAfterWrite();
  const requests = useQuery(trpc.admin.staff.roleRequest.list.queryOptions());
  const refresh = () => refetchAfterWrite(trpc.admin.staff.pathKey());
  const approve = useMutation(trpc.admin.staff.roleRequest.approve.mutationOptions({ onSettled: refresh }));
  const reject = useMutation(trpc.admin.staff.roleRequest.reject.mutationOptions({ onSettled: refresh }));
  const error = requests.error ?? approve.error ?? reject.error;
  return (
    <Card title={en.staff.roleRequests}>
      {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
      <DataTable
        testId="role-requests"
        rows={requests.data ?? []}
        rowKey={(row) => row.id}
        empty={en.staff.noRequests}
        columns={[
          { key: "when", header: en.adjustments.requested, render: (row) => formatDateTime(row.requestedAt) },
          { key: "staff", header: en.staff.email, render: (row) => row.staff.email },
          { key: "roles", header: en.staff.requestedRoles, render: (row) => (row.roles ?? []).join(", ") },
          { key: "by", header: en.staff.requestedBy, render: (row) => row.requester.displayName },
          {
            key: "status",
            header: en.adjustments.status,
            render: (row) => (
              <Badge>
                {
                  en.statuses[
                    row.status === "PENDING" ? "PENDING" : row.status === "APPROVED" ? "APPROVED" : "REJECTED"
                  ]
                }
              </Badge>
            ),
          },
          {
            key: "actions",
            header: en.staff.actions,
            render: (row) =>
              row.status === "PENDING" && can("staff.approve") && row.requestedBy !== me.id && row.staffId !== me.id ? (
                <span className="flex gap-1">
                  <Button size="sm" onClick={() => approve.mutate({ requestId: row.id })}>
                    {en.staff.approve}
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => reject.mutate({ requestId: row.id })}>
                    {en.staff.reject}
                  </Button>
                </span>
              ) : null,
          },
        ]}
      />
    </Card>
  );
};
