import { StudioGames } from "~/components/studio-games";

export default async function StudioProviderPage({ params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  return <StudioGames provider={provider} />;
}
