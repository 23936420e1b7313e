import type { CurrentRound } from "./current-round";

/**
 * Where a person stands in a round: the delegations of the route they speak for (as head or
 * named deputy), those still undecided, and the one they may decide for now (in the active
 * step of an open round). Staff speak for no person, so nothing is theirs.
 */
export function turnOf(round: CurrentRound | null, personId: string | null) {
  const mine = !personId || !round
    ? []
    : round.steps.flatMap((s, index) =>
        s.members
          .filter((m) => m.delegation.headPersonId === personId || m.delegation.deputyPersonId === personId)
          .map((m) => ({ index, delegation: m.delegation })),
      );
  const pending = mine.filter(({ delegation }) => !round!.decisions.some((d) => d.delegationId === delegation.id));
  const active = round?.closedAt ? undefined : pending.find(({ index }) => index === round!.activeIndex);
  return { mine, pending, active };
}
