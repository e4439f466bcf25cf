// SwiftPM builds a C target from at least one source file; the CSV scanner is inline in the
// header, so that Swift can inline it. The XML tag scan runs over whole chunks, so it lives here.
#include "byte_scan.h"

enum {
  TEXT = 0,  // between tags
  OPENED,    // just after `<`
  START_TAG, // `<name ...`
  END_TAG,   // `</name ...` (or `<!NAME ...`), until `>`
  BANG,      // `<!`: a comment, a CDATA section or a declaration follows
  BANG_DASH, // `<!-`
  COMMENT,   // `<!-- ...`, until `-->`
  CDATA,     // `<![ ...`, until `]]>`
  PI,        // `<? ...`, until `?>`
};

/// One bit per byte of the 64 at `bytes`: whether it is `byte` (or `other`).
static inline uint64_t match_mask64(const uint8_t *bytes, uint8_t byte, uint8_t other) {
#if defined(__SSE2__)
  const __m128i one = _mm_set1_epi8((char)byte), two = _mm_set1_epi8((char)other);
  uint64_t bits = 0;
  for (int block = 0; block < 4; block++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * block));
    __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, one), _mm_cmpeq_epi8(v, two));
    bits |= (uint64_t)(uint32_t)_mm_movemask_epi8(hits) << (16 * block);
  }
  return bits;
#else
  uint64_t bits = 0;
  for (int k = 0; k < 64; k++) bits |= (uint64_t)(bytes[k] == byte || bytes[k] == other) << k;
  return bits;
#endif
}

/// Reads bytes one by one from `*at` until the markup open ends (the state is TEXT again) or the
/// bytes do. Returns the offset of the `=` that takes a start tag past `limit`, or -1.
static long read_markup(supplier_trust_xml_tags *tags, const uint8_t *bytes, long *at, long count,
                        uint32_t limit) {
  uint8_t state = tags->state, quote = tags->quote, closing = tags->closing;
  uint32_t attributes = tags->attributes;
  long result = -1;
  long k = *at;
  for (; k < count && state != TEXT; k++) {
    uint8_t b = bytes[k];
    switch (state) {
    case OPENED:
      if (b == '/') state = END_TAG;
      else if (b == '!') state = BANG;
      else if (b == '?') { state = PI; closing = 0; }
      else { state = START_TAG; quote = 0; attributes = 0; }
      break;
    case START_TAG:
      if (quote) {
        if (b == quote) quote = 0;
      } else if (b == '"' || b == '\'') {
        quote = b;
      } else if (b == '=') {
        if (++attributes > limit) { result = k; goto done; }
      } else if (b == '>') {
        state = TEXT;
      }
      break;
    case END_TAG:
      if (b == '>') state = TEXT;
      break;
    case BANG:
      if (b == '-') state = BANG_DASH;
      else if (b == '[') { state = CDATA; closing = 0; }
      else state = b == '>' ? TEXT : END_TAG;
      break;
    case BANG_DASH:
      if (b == '-') { state = COMMENT; closing = 0; }
      else state = b == '>' ? TEXT : END_TAG;
      break;
    case COMMENT:
      if (b == '-') { if (closing < 2) closing++; }
      else if (b == '>' && closing == 2) state = TEXT;
      else closing = 0;
      break;
    case CDATA:
      if (b == ']') { if (closing < 2) closing++; }
      else if (b == '>' && closing == 2) state = TEXT;
      else closing = 0;
      break;
    case PI:
      if (b == '?') closing = 1;
      else if (b == '>' && closing) state = TEXT;
      else closing = 0;
      break;
    }
  }
done:
  *at = k;
  tags->state = state;
  tags->quote = quote;
  tags->closing = closing;
  tags->attributes = attributes;
  return result;
}

long supplier_trust_xml_attribute_scan(
    supplier_trust_xml_tags *tags, const uint8_t *bytes, long count, uint32_t limit) {
  // Byte by byte, this pass took 40 % of the time of a check of an XML catalog. But XML allows
  // no `<` inside a tag or an attribute's value, and an attribute takes at least five bytes
  // (` a=""`): a start tag of more than `limit` spans that many bytes with no `<`. So between
  // tags the bytes are skipped 64 at a time, and read one by one only from a `<` that a long run
  // without one follows, from a `<!` or `<?` (comments, CDATA and processing instructions may
  // hold a `<` and must be read to their end), and from the last `<` of the chunk on, whose
  // markup may go on in the next chunk.
  // The skip needs a limit whose tags are long (at least 32 attributes: 128 bytes of slack);
  // below that every `<` is read on (correct, slower). UTF-16 text is read byte by byte as if it
  // were ASCII: its `<!` is not seen as one, so a comment's equals signs may count.
  const long gap = limit >= 32 ? 4L * (long)limit - 128 : 0;
  long k = 0;
  for (;;) {
    long over = read_markup(tags, bytes, &k, count, limit);
    if (over >= 0 || k >= count) return over;
    long last = -1;
    while (k + 65 <= count) {
      uint64_t opens = match_mask64(bytes + k, '<', '<');
      if (opens) {
        uint64_t special = opens & match_mask64(bytes + k + 1, '!', '?');
        if (special) {
          last = k + __builtin_ctzll(special);
          break;
        }
        last = k + 63 - __builtin_clzll(opens);
      } else if (last >= 0 && k + 64 - last > gap) {
        break;
      }
      k += 64;
    }
    if (k + 65 > count && last < 0) {
      // The chunk's last bytes, one by one from their first `<` (or from the last `<` of the
      // blocks before, which covers them too).
      const uint8_t *first = memchr(bytes + k, '<', (size_t)(count - k));
      if (!first) return -1;
      last = first - bytes;
    }
    tags->state = OPENED;
    k = last + 1;
  }
}

long supplier_trust_count_byte(const uint8_t *bytes, long count, uint8_t byte) {
  long found = 0;
  for (long k = 0; k < count; k++) found += bytes[k] == byte;
  return found;
}
