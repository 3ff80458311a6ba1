import { Card, PageShell } from "@pitboss/ui";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

// The in-house games the verifier knows (slugs of the game registry).
const gameOptions = ["dice", "roulette", "limbo", "mines", "fruit-five"] as const;

type SearchParams = Record<string, string | string[] | undefined>;
type Form = { game: string; serverSeed: string; clientSeed: string; nonce: string; params: string };
type Verified = Awaited<ReturnType<ReturnType<typeof api>["fairness"]["verify"]>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** Recomputes the round on the server with the code that played it; a bad field becomes a short message. */
const verify = async (form: Form): Promise<{ result?: Verified; error?: string }> => {
  if (!/^\d{1,15}$/.test(form.nonce)) return { error: "Nonce must be a whole number." };
  let params: unknown;
  try {
    params = form.params.trim() === "" ? {} : JSON.parse(form.params);
  } catch {
    return { error: 'Parameters must be JSON, for example {"direction":"over","target":5000}.' };
  }
  try {
    const result = await api().fairness.verify({
      game: form.game,
      serverSeed: form.serverSeed,
      clientSeed: form.clientSeed,
      nonce: Number(form.nonce),
      params,
    });
    return { result };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // Schema errors arrive as a JSON list of issues; game errors as one readable sentence.
    return { error: message && !message.startsWith("[") ? message : "Some fields are invalid." };
  }
};

const inputClass = "w-full rounded-lg border border-felt-700 bg-felt-950 px-3 py-2 font-mono text-sm";

export default async function VerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const form: Form = {
    game: first(query.game) || "dice",
    serverSeed: first(query.serverSeed),
    clientSeed: first(query.clientSeed),
    nonce: first(query.nonce) || "0",
    params: first(query.params),
  };
  const { result, error } = form.serverSeed ? await verify(form) : {};

  return (
    <PageShell brand="Pitboss">
      <div className="grid gap-6">
        <Card title="Verify a round">
          <form method="get" className="grid gap-3" data-testid="verify-form">
            <label className="grid gap-1 text-sm">
              Game
              <select name="game" defaultValue={form.game} className={inputClass}>
                {gameOptions.map((slug) => (
                  <option key={slug} value={slug}>
                    {slug}
                  </option>
                ))}
              </select>
            </label>
            <label className="grid gap-1 text-sm">
              Server seed (revealed)
              <input name="serverSeed" defaultValue={form.serverSeed} required className={inputClass} />
            </label>
            <label className="grid gap-1 text-sm">
              Client seed
              <input name="clientSeed" defaultValue={form.clientSeed} className={inputClass} />
            </label>
            <label className="grid gap-1 text-sm">
              Nonce
              <input name="nonce" defaultValue={form.nonce} inputMode="numeric" className={inputClass} />
            </label>
            <label className="grid gap-1 text-sm">
              Parameters (JSON)
              <textarea name="params" defaultValue={form.params} rows={3} className={inputClass} />
            </label>
            <button
              type="submit"
              className="justify-self-start rounded-lg bg-chip-400 px-4 py-2 font-semibold text-felt-950"
            >
              Verify
            </button>
          </form>
        </Card>

        {error ? (
          <Card title="Cannot verify">
            <p role="alert" data-testid="verify-error">
              {error}
            </p>
          </Card>
        ) : null}

        {result ? (
          <Card title="Outcome">
            <dl className="grid gap-2 text-sm" data-testid="verify-result">
              <dt className="text-muted">Game</dt>
              <dd className="font-mono">
                {result.game} ({result.calcVer})
              </dd>
              <dt className="text-muted">SHA-256 of the server seed (compare with the hash shown before play)</dt>
              <dd className="break-all font-mono">{result.serverSeedHash}</dd>
              <dt className="text-muted">Multiplier</dt>
              <dd className="font-mono">
                {result.multiplierDisplay}× {result.isWin ? "(win)" : "(loss)"}
              </dd>
              <dt className="text-muted">Outcome</dt>
              <dd>
                <pre className="overflow-x-auto rounded-lg bg-felt-950 p-3 font-mono text-xs">
                  {JSON.stringify(result.outcome, null, 2)}
                </pre>
              </dd>
              <dt className="text-muted">Floats</dt>
              <dd className="break-all font-mono text-xs">{result.floats.join(", ")}</dd>
            </dl>
          </Card>
        ) : null}
      </div>
    </PageShell>
  );
}
