/** One line of the run's verdict: PASS or FAIL, what was checked, and what was seen. */
export interface Check {
  label: string;
  ok: boolean;
  detail?: string;
}

export const check = (label: string, ok: boolean, detail?: string): Check => (detail === undefined ? { label, ok } : { label, ok, detail });

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
