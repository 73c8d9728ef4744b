// The delegate's last confirmed ballot, kept in sessionStorage per committee and seat so it
// survives a reload or reconnect, and checked against the server's view (`vote.ballots[seat]`).

const key = (committee, seat) => `gavel.ballot.${committee}.${seat}`;

export function saveBallot(committee, seat, ballot) {
  sessionStorage.setItem(key(committee, seat), JSON.stringify(ballot));
}

export function loadBallot(committee, seat) {
  try { return JSON.parse(sessionStorage.getItem(key(committee, seat)) || 'null'); } catch { return null; }
}

/**
 * Compares the stored ballot with the view. Returns {status, ballot, server}:
 * 'confirmed' (the server shows the same choice), 'mismatch', 'missing' (server has none),
 * or 'none' (nothing stored for this vote).
 */
export function verifyBallot(stored, state, seat) {
  if (!stored) return { status: 'none' };
  const open = state?.vote?.id === stored.vote ? state.vote : null;
  const closed = (state?.votes ?? []).find((v) => v.id === stored.vote);
  const server = (open ?? closed)?.ballots?.[seat];
  if (!open && !closed) return { status: 'none', ballot: stored };
  if (server === undefined) return { status: 'missing', ballot: stored };
  return { status: server === stored.choice ? 'confirmed' : 'mismatch', ballot: stored, server };
}
