declare module "linebreak" {
  interface Break {
    /** Index in the string (UTF-16 units) at which the next line may start. */
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
