"use client";

import { Button, Card, Checkbox, Notice, TextField, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";
import { roles } from "./staff-list";

/** ADMIN adds a staff member; the one-time password is shown once, here. */
export const StaffCreateForm = () => {
  const trpc = useTRPC();
  const can = useCan();
  const refetchAfterWrite = useRefetchAfterWrite();
  const [selected, setSelected] = useState<(typeof roles)[number][]>(["SUPPORT"]);
  const create = useMutation(
    trpc.admin.staff.create.mutationOptions({
      onSuccess: () => refetchAfterWrite(trpc.admin.staff.pathKey()),
    }),
  );
  if (!can("staff.manage")) return null;
  return (
    <Card title={en.staff.create}>
      <form
        className="grid gap-2 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          create.mutate(
            { email: String(data.get("email")), displayName: String(data.get("displayName")), roles: selected },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField label={en.staff.email} name="email" type="email" required />
        <TextField label={en.staff.displayName} name="displayName" required minLength={2} />
        <fieldset className="flex flex-wrap gap-3 sm:col-span-2">
          <legend className="mb-1 font-medium text-muted text-xs uppercase">{en.staff.roles}</legend>
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
        </fieldset>
        <Button type="submit" isBusy={create.isPending} disabled={selected.length === 0} className="sm:col-span-2">
          {en.staff.createSubmit}
        </Button>
      </form>
      {create.error ? <Notice tone="danger">{errorMessage(create.error)}</Notice> : null}
      {create.data ? (
        <div className="mt-2 flex flex-col gap-2" data-testid="one-time-password">
          <Notice tone="warning">
            {format(en.staff.oneTimePassword, {
              email: create.variables?.email ?? "",
              password: create.data.oneTimePassword,
            })}
          </Notice>
          {create.data.pendingRoleRequestId ? <Notice tone="info">{en.staff.adminPending}</Notice> : null}
        </div>
      ) : null}
    </Card>
  );
};
