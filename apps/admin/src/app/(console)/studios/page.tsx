import { StudioProviders } from "~/components/studio-providers";

export default function StudiosPage() {
  return <StudioProviders />;
}
