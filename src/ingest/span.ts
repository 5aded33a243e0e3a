/** A range [start, end) of UTF-16 offsets, relative to the text it belongs to. */
export interface Span {
  start: number;
  end: number;
}
