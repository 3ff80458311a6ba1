import type { ReactNode } from "react";

const palettes = [
  ["#0f766e", "#134e4a"],
  ["#9a3412", "#431407"],
  ["#6d28d9", "#2e1065"],
  ["#b45309", "#451a03"],
  ["#be123c", "#4c0519"],
  ["#1d4ed8", "#172554"],
] as const;

const hashOf = (text: string) => [...text].reduce((hash, char) => (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0, 7);

const glyphs: Record<string, ReactNode> = {
  dice: (
    <g fill="#fff">
      <rect x="34" y="24" width="52" height="52" rx="10" fill="none" stroke="#fff" strokeWidth="5" />
      <circle cx="48" cy="38" r="5" />
      <circle cx="60" cy="50" r="5" />
      <circle cx="72" cy="62" r="5" />
    </g>
  ),
  roulette: (
    <g fill="none" stroke="#fff" strokeWidth="4">
      <circle cx="60" cy="50" r="28" />
      <circle cx="60" cy="50" r="12" />
      <path d="M60 22v56M32 50h56M40 30l40 40M80 30L40 70" strokeWidth="2" />
    </g>
  ),
  limbo: <path d="M30 76 L52 50 L64 60 L90 26 M76 26h14v14" fill="none" stroke="#fff" strokeWidth="6" />,
  mines: (
    <g fill="#fff">
      <circle cx="60" cy="52" r="18" />
      <path
        d="M60 24v10M60 70v10M32 52h10M78 52h10M41 33l7 7M72 64l7 7M79 33l-7 7M48 64l-7 7"
        stroke="#fff"
        strokeWidth="4"
      />
    </g>
  ),
  slots: (
    <g fill="#fff">
      <rect x="24" y="28" width="22" height="44" rx="4" />
      <rect x="49" y="28" width="22" height="44" rx="4" />
      <rect x="74" y="28" width="22" height="44" rx="4" />
    </g>
  ),
  wheel: (
    <g fill="none" stroke="#fff" strokeWidth="4">
      <circle cx="60" cy="50" r="28" />
      <path d="M60 22v56M36 36l48 28M84 36L36 64" />
    </g>
  ),
};

export type GameArtProps = { seed: string; kind: keyof typeof glyphs | string };

/** Lightweight inline artwork for a game tile (no image request): a gradient and a glyph for the game's kind. */
export const GameArt = ({ seed, kind }: GameArtProps) => {
  const [from, to] = palettes[hashOf(seed) % palettes.length] ?? palettes[0];
  const id = `art-${seed.replace(/[^a-z0-9-]/gi, "")}`;
  return (
    <svg viewBox="0 0 120 100" className="block h-auto w-full" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={from} />
          <stop offset="1" stopColor={to} />
        </linearGradient>
      </defs>
      <rect width="120" height="100" fill={`url(#${id})`} />
      {glyphs[kind] ?? glyphs.slots}
    </svg>
  );
};

export type GameTileProps = {
  href: string;
  name: ReactNode;
  meta?: ReactNode;
  art: ReactNode;
  /** The favourite toggle (a button), rendered over the art's top end corner. */
  action?: ReactNode;
  testId?: string;
};

/** A lobby tile: the artwork, the game's name and a line of meta, as one link; the favourite toggle sits apart. */
export const GameTile = ({ href, name, meta, art, action, testId }: GameTileProps) => (
  <li className="relative overflow-hidden rounded-xl bg-felt-900 ring-1 ring-felt-700" data-testid={testId}>
    <a href={href} className="block outline-none focus-visible:ring-2 focus-visible:ring-chip-400">
      {art}
      <span className="block px-2 pt-1.5 font-medium text-sm">{name}</span>
      {meta ? <span className="block px-2 pb-2 text-muted text-xs">{meta}</span> : null}
    </a>
    {action ? <div className="absolute end-1 top-1">{action}</div> : null}
  </li>
);
