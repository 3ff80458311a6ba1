import { DomainError } from "@pitboss/db";
import { type Client, staffLinkedByCreation } from "./staff.repo";

/**
 * Four eyes means two people, not two accounts. Whoever creates a staff account holds its one-time password until
 * it is changed, and may have created it for an address they control; so a decider is not independent of anyone
 * whose account they created, or who created theirs. `linked`: staffLinkedByCreation of the decider.
 */
export const isIndependentOf = (linked: ReadonlySet<string>, others: string[]) => !others.some((id) => linked.has(id));

/**
 * Throws SELF_APPROVAL when `deciderId` is linked by account creation to any of `others` (the requester; for a role
 * request, also the staff member who would gain the roles).
 */
export const assertIndependentDecider = async (
  client: Client,
  deciderId: string,
  others: string[],
  message: string,
) => {
  if (!isIndependentOf(await staffLinkedByCreation(client, deciderId), others)) {
    throw new DomainError("SELF_APPROVAL", { message });
  }
};
