/**
 * The signatures that count towards the final document: given in the communiqué's current
 * signing round and not withdrawn. Signatures of earlier rounds (before a decline) and
 * withdrawn ones stay in the table as history.
 */
export function countingSignatures(communiqueId: string, round: number) {
  return { communiqueId, round, withdrawnAt: null };
}
