/** SPEC's 0-10 confidence read as words, the same bands as the reported-vs-data rule. */
export function confidenceWord(value: number): 'low' | 'medium' | 'high' {
  return value <= 3 ? 'low' : value <= 6 ? 'medium' : 'high';
}
