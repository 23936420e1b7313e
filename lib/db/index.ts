export { db, closeDb, embeddedDatabase, queryCount, type Db, type Tx } from "./client";
export * from "./generated/enums";
