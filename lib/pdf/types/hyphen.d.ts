declare module "hyphen" {
  type Patterns = unknown;
  interface Options {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  export default function createHyphenator(patterns: Patterns, options?: Options): (text: string) => string;
}

declare module "hyphen/patterns/ru" {
  const patterns: unknown;
  export default patterns;
}
