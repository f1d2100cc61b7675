/** A dictionary of words looked up by longest match ending or starting at a position. */
export class WordTable<V> {
  private readonly words = new Map<string, V>();
  private maxLength = 0;

  set(word: string, value: V): void {
    this.words.set(word, value);
    this.maxLength = Math.max(this.maxLength, word.length);
  }
  has(word: string): boolean {
    return this.words.has(word);
  }
  /** longest word starting at i */
  startingAt(text: string, i: number): { word: string; value: V } | undefined {
    for (let len = Math.min(this.maxLength, text.length - i); len > 0; len--) {
      const word = text.slice(i, i + len);
      if (this.words.has(word)) return { word, value: this.words.get(word)! };
    }
    return undefined;
  }
  /** longest word ending at end (exclusive) */
  endingAt(text: string, end: number): { word: string; value: V } | undefined {
    for (let len = Math.min(this.maxLength, end); len > 0; len--) {
      const word = text.slice(end - len, end);
      if (this.words.has(word)) return { word, value: this.words.get(word)! };
    }
    return undefined;
  }
}
