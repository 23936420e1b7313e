/** Per clause and language: a long clause of the seed is about 600 characters. */
export const MAX_CLAUSE_CHARS = 4000;
