/**
 * Pure SSE framing (WHATWG event-stream rules, the subset servers use): text chunks in, frames
 * out. Chunks may split anywhere — inside a line, between `\r` and `\n`, inside a UTF-8 sequence
 * already decoded by the caller's TextDecoder({stream:true}). Re-exported by stream.ts.
 */

export interface SseFrame {
  /** `event:` field; 'message' when the frame had none (SSE default). */
  event: string;
  /** `data:` lines joined with '\n'. */
  data: string;
  id?: string;
}

export interface SseChunkResult {
  frames: SseFrame[];
  /** Unconsumed text (an incomplete frame); pass it back with the next chunk. */
  rest: string;
}

/** Parses one frame block (lines without the terminating blank line). Null if it carries nothing. */
function parseFrameBlock(block: string): SseFrame | null {
  let event = '';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    // `retry` and unknown fields are ignored, as the SSE spec says.
  }
  if (data.length === 0) return null; // an event without data is not dispatched
  const frame: SseFrame = { event: event || 'message', data: data.join('\n') };
  if (id !== undefined) frame.id = id;
  return frame;
}

/**
 * Feed `rest` (from the previous call, '' at first) and the next decoded text chunk; get the
 * complete frames and the new rest. Pure: no state outside the arguments.
 */
export function parseSseChunk(rest: string, chunk: string): SseChunkResult {
  let text = rest + chunk;
  // A trailing '\r' may be the first half of '\r\n': keep it back until the next chunk.
  let held = '';
  if (text.endsWith('\r')) {
    held = '\r';
    text = text.slice(0, -1);
  }
  text = text.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const tail = blocks.pop() ?? '';
  const frames: SseFrame[] = [];
  for (const block of blocks) {
    const frame = parseFrameBlock(block);
    if (frame) frames.push(frame);
  }
  return { frames, rest: tail + held };
}

/**
 * End of stream: a final frame without its blank line is dispatched anyway (lenient; some
 * facades close the connection right after `data: [DONE]`).
 */
export function flushSse(rest: string): SseFrame[] {
  const block = rest.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const frame = block === '' ? null : parseFrameBlock(block);
  return frame ? [frame] : [];
}

/** Small stateful wrapper for loops: `const p = createSseParser(); p.push(text); p.end()`. */
export function createSseParser() {
  let rest = '';
  return {
    push(chunk: string): SseFrame[] {
      const result = parseSseChunk(rest, chunk);
      rest = result.rest;
      return result.frames;
    },
    end(): SseFrame[] {
      const frames = flushSse(rest);
      rest = '';
      return frames;
    },
  };
}

/** Encodes one frame. Multi-line data becomes several `data:` lines (JSON never has raw newlines). */
export function encodeSseFrame(event: string, data: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`);
  return `event: ${event}\n${lines.join('\n')}\n\n`;
}
