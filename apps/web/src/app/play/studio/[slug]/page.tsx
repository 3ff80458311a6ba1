import type { Metadata } from "next";
import { getT } from "~/i18n/server";
import { requirePlayer } from "~/lib/require-player";
import { StudioFrame } from "./studio-frame";

type Props = { params: Promise<{ slug: string }> };

export const dynamic = "force-dynamic";

const titleOf = async (slug: string) => {
  const t = await getT("games");
  return t.has(`name.${slug}`) ? t(`name.${slug}`) : slug;
};

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => ({
  title: await titleOf((await params).slug),
});

/** A third-party studio game: the studio's own page in a frame, its money through our wallet bridge. */
export default async function StudioPlayPage({ params }: Props) {
  const { slug } = await params;
  await requirePlayer(`/play/studio/${slug}`);
  const title = await titleOf(slug);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-bold text-2xl">{title}</h1>
      <StudioFrame slug={slug} title={title} />
    </div>
  );
}
