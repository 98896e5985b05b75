// natural ships typings only for its root; we import single modules (the root import is slow,
// prints to stdout and reads ./.env), so we declare the two we use.
declare module 'natural/lib/natural/tokenizers/sentence_tokenizer.js' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
    // the steps tokenize() runs, which a subclass may replace
    protected abbreviations: string[];
    protected replacementMap: Map<string, string>;
    protected delimiterMap: Map<string, string>;
    protected replacementCounter: number;
    replaceAbbreviations(text: string): string;
    splitOnPlaceholders(text: string): string[];
    revertReplacements(text: string): string;
    revertDelimiters(text: string): string;
  }
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(source: string, target: string): number;
}
