export { db, closeDb, embeddedDatabase, type Db, type Tx } from "./client";
export * from "./generated/enums";
