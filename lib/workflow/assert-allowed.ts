import { AppError } from "@/lib/errors/app-error";
import { transition, TransitionRefused, type Event, type State } from "./communique-workflow";

/** The next state of a communiqué, or NOT_ALLOWED_NOW (with the state) for the user. */
export function nextState(state: State, event: Event): State {
  try {
    return transition(state, event);
  } catch (error) {
    if (error instanceof TransitionRefused) throw new AppError("NOT_ALLOWED_NOW", { state, event });
    throw error;
  }
}
