import { wheelSegmentsTenths } from "./wheel";

/** The game page the player site shows in its iframe. Scripts load from /app.js only (no inline script). */
export const gamePage = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lucky Wheel · Pitboss Demo Studio</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #14213d; color: #f5f5f5; display: grid; place-items: center; min-height: 100vh; }
  main { display: grid; gap: 14px; justify-items: center; padding: 16px; }
  #wheel { width: 220px; height: 220px; border-radius: 50%; border: 6px solid #fca311; transition: transform 1.2s cubic-bezier(.2,.8,.2,1);
    background: conic-gradient(${wheelSegmentsTenths
      .map((m, i) => `${m === 0 ? "#22223b" : m >= 30 ? "#e63946" : "#2a9d8f"} ${i * 18}deg ${(i + 1) * 18}deg`)
      .join(", ")}); }
  #pointer { width: 0; height: 0; border-left: 12px solid transparent; border-right: 12px solid transparent; border-top: 20px solid #fca311; margin-bottom: -14px; }
  button, select { font-size: 1rem; padding: 8px 14px; border-radius: 8px; border: 0; }
  button { background: #fca311; color: #14213d; font-weight: 700; cursor: pointer; }
  button:disabled { opacity: .5; cursor: wait; }
  .row { display: flex; gap: 10px; align-items: center; }
  #message { min-height: 1.4em; }
  small { opacity: .7; }
</style>
</head>
<body>
<main>
  <h1>Lucky Wheel</h1>
  <div>Balance: <strong id="balance">…</strong> <span id="currency"></span></div>
  <div id="pointer"></div>
  <div id="wheel" aria-hidden="true"></div>
  <div class="row">
    <label for="stake">Stake</label>
    <select id="stake"><option>0.10</option><option selected>1.00</option><option>5.00</option><option>20.00</option></select>
    <button id="spin" type="button">Spin</button>
  </div>
  <div id="message" role="status"></div>
  <small>Pitboss Demo Studio · RTP 95.00 % · calls the casino's wallet over signed HTTP (Hub88 style)</small>
</main>
<script src="/app.js"></script>
</body>
</html>`;

export const gameScript = () => `"use strict";
const params = new URLSearchParams(location.search);
const session = { token: params.get("token"), user: params.get("user"), game: params.get("game"), currency: params.get("currency") };
const $ = (id) => document.getElementById(id);
let turns = 0;
const post = async (path, body) => {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...session, ...body }) });
  return response.json();
};
const show = (answer) => {
  if (answer.balance) $("balance").textContent = answer.balance;
  $("currency").textContent = session.currency || "";
};
post("/api/balance", {}).then(show, () => { $("message").textContent = "The casino's wallet did not answer."; });
$("spin").addEventListener("click", async () => {
  $("spin").disabled = true;
  $("message").textContent = "";
  try {
    const answer = await post("/api/spin", { stake: $("stake").value });
    if (answer.error) {
      $("message").textContent = answer.error === "RS_ERROR_NOT_ENOUGH_MONEY" ? "Not enough money for this stake." : "The bet was not accepted (" + answer.error + ").";
    } else {
      turns += 3;
      $("wheel").style.transform = "rotate(" + (-(turns * 360) - answer.segment * 18 - 9) + "deg)";
      await new Promise((resolve) => setTimeout(resolve, 1200));
      $("message").textContent = answer.multiplier === "0.0" ? "No win this time." : "×" + answer.multiplier + ": you win " + answer.win + ".";
    }
    show(answer);
    // Tell the casino page the balance changed (no data in the message: it refetches from its own wallet).
    if (window.parent !== window) window.parent.postMessage({ type: "pitboss:balance-changed" }, "*");
  } catch {
    $("message").textContent = "Something went wrong; your stake was returned if it was taken.";
  } finally {
    $("spin").disabled = false;
  }
});
`;
