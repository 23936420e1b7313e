export { config, ConfigError, type Env } from "./env";
export { READ_ELSEWHERE, SET_BY_RUNTIME, VARIABLES, type Config, type SealSource, type Variable } from "./schema";
