import { StudioReconcile } from "~/components/studio-reconcile";

export default function StudioReconcilePage() {
  return <StudioReconcile />;
}
