#ifndef SUPPLIER_TRUST_BYTE_SCAN_H
#define SUPPLIER_TRUST_BYTE_SCAN_H

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// One bit per byte of the 64 bytes at `bytes` (bit k for byte k): whether it is a comma, a line
/// feed or a double quote, the bytes that end or disturb an unquoted CSV field.
///
/// Static inline so that Swift inlines it into the CSV reader's scanning loop. With SSE2 (every
/// x86-64) it is four 16-byte compares and byte masks; Swift's SIMD types have no byte-mask
/// operation, and the eight-bytes-at-a-time arithmetic it replaces took 8-9 % of a one-core
/// check of the L catalog.
static inline uint64_t supplier_trust_csv_stops64(const uint8_t *bytes) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"');
  uint64_t bits = 0;
  for (int block = 0; block < 4; block++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * block));
    __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)), _mm_cmpeq_epi8(v, quote));
    bits |= (uint64_t)(uint32_t)_mm_movemask_epi8(hits) << (16 * block);
  }
  return bits;
#else
  // Eight bytes at a time elsewhere (arm64): `((t & 0x7F..) + 0x7F..) | t` has a byte's high bit
  // set exactly when that byte of `t` is not zero, with no carry between bytes.
  const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
  const uint64_t ones = 0x0101010101010101ULL;
  uint64_t bits = 0;
  for (int word = 0; word < 8; word++) {
    uint64_t w;
    memcpy(&w, bytes + 8 * word, 8);
    uint64_t c = w ^ (ones * 0x2C), n = w ^ (ones * 0x0A), q = w ^ (ones * 0x22);
    uint64_t kept = (((c & low7) + low7) | c) & (((n & low7) + low7) | n) & (((q & low7) + low7) | q);
    uint64_t stops = ~kept & ~low7;
    bits |= (((stops >> 7) * 0x0102040810204080ULL) >> 56) << (8 * word);
  }
  return bits;
#endif
}

#if defined(__SSE2__)
/// Whether each of the 16 bytes of `v` is one of `A-Z a-z 0-9 . _ -`. The compares are signed, so
/// bytes of 0x80 and above (negative) fail every range test.
static inline int supplier_trust_identifier_bytes16(__m128i v) {
  __m128i digit = _mm_and_si128(
      _mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  // Setting bit 5 folds A-Z onto a-z and moves no other byte into that range.
  __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  __m128i letter = _mm_and_si128(
      _mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
  __m128i mark = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
      _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, letter), mark)) == 0xFFFF;
}

static inline uint64_t supplier_trust_load8(const uint8_t *bytes) {
  uint64_t word;
  memcpy(&word, bytes, 8);
  return word;
}

static inline uint32_t supplier_trust_load4(const uint8_t *bytes) {
  uint32_t word;
  memcpy(&word, bytes, 4);
  return word;
}
#endif

/// Whether the `count` bytes at `bytes` are an identifier of the formats spec: 1 to 64 of
/// `A-Z a-z 0-9 . _ -`. The same answer as the model's `Identifier.isValid(utf8:)` (the tests
/// compare them), in 16-byte SSE2 compares: ids are checked three or four times per review, and
/// the model's eight-bytes-at-a-time check cost about 120 instructions per id, a tenth of a
/// check's. Reads only the given bytes: shorter ids are gathered from overlapping loads, and a
/// byte checked twice changes nothing.
static inline int supplier_trust_is_identifier(const uint8_t *bytes, long count) {
  if (count <= 0 || count > 64) return 0;
#if defined(__SSE2__)
  if (count >= 16) {
    long offset = 0;
    for (; offset + 16 <= count; offset += 16) {
      if (!supplier_trust_identifier_bytes16(_mm_loadu_si128((const __m128i *)(const void *)(bytes + offset)))) {
        return 0;
      }
    }
    return offset == count ||
        supplier_trust_identifier_bytes16(_mm_loadu_si128((const __m128i *)(const void *)(bytes + count - 16)));
  }
  uint64_t low, high;
  if (count >= 8) {
    low = supplier_trust_load8(bytes);
    high = supplier_trust_load8(bytes + count - 8);
  } else {
    // The rest padded with a digit, which is allowed.
    high = 0x3030303030303030ULL;
    if (count >= 4) {
      low = (uint64_t)supplier_trust_load4(bytes) | (uint64_t)supplier_trust_load4(bytes + count - 4) << 32;
    } else {
      low = 0x3030303030000000ULL | (uint64_t)bytes[0] | (uint64_t)bytes[count / 2] << 8 |
          (uint64_t)bytes[count - 1] << 16;
    }
  }
  return supplier_trust_identifier_bytes16(_mm_set_epi64x((long long)high, (long long)low));
#else
  for (long k = 0; k < count; k++) {
    uint8_t b = bytes[k], folded = b | 0x20;
    if (!((b >= '0' && b <= '9') || (folded >= 'a' && folded <= 'z') || b == '-' || b == '.' || b == '_')) {
      return 0;
    }
  }
  return 1;
#endif
}

/// Whether the `count` bytes at `bytes` are ASCII without a carriage return or a NUL: the common
/// case of a review text, which is then stored as it lies. 16 bytes per SSE2 compare (the eight-bytes-at-a-
/// time check cost about one instruction per byte of text); the tail is an overlapping load, so
/// only the given bytes are read. The same answer as the Swift reference (the tests compare them).
static inline int supplier_trust_is_ascii_without_cr(const uint8_t *bytes, long count) {
#if defined(__SSE2__)
  if (count >= 16) {
    __m128i seen = _mm_setzero_si128();
    const __m128i cr = _mm_set1_epi8(0x0D);
    const __m128i nul = _mm_setzero_si128();
    long offset = 0;
    for (; offset + 16 <= count; offset += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + offset));
      seen = _mm_or_si128(seen, _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, nul))));
    }
    if (offset < count) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + count - 16));
      seen = _mm_or_si128(seen, _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, nul))));
    }
    // A byte of 0x80 or more, or a compare that matched (0xFF), sets its top bit.
    return _mm_movemask_epi8(seen) == 0;
  }
#endif
  if (count >= 8) {
    // Eight bytes at a time, the last word overlapping: a zero byte of `word ^ 0x0D...` is a
    // carriage return, and its test sets that byte's top bit.
    const uint64_t ones = 0x0101010101010101ULL, crs = 0x0D0D0D0D0D0D0D0DULL;
    uint64_t seen = 0, word, x;
    long offset = 0;
    // A zero byte of `word` itself is a NUL.
    for (; offset + 8 <= count; offset += 8) {
      memcpy(&word, bytes + offset, 8);
      x = word ^ crs;
      seen |= word | ((x - ones) & ~x) | ((word - ones) & ~word);
    }
    if (offset < count) {
      memcpy(&word, bytes + count - 8, 8);
      x = word ^ crs;
      seen |= word | ((x - ones) & ~x) | ((word - ones) & ~word);
    }
    return (seen & 0x8080808080808080ULL) == 0;
  }
  for (long k = 0; k < count; k++) {
    if (bytes[k] >= 0x80 || bytes[k] == 0x0D || bytes[k] == 0) return 0;
  }
  return 1;
}

/// What a CSV cell's bytes hold, as flags: 1 a byte that may be a control character (below a
/// space, DEL, 0xC2, the lead byte of the C1 controls, or 0xE2 followed by 0x80 or 0x81, the
/// first two bytes of the bidirectional overrides and isolates, but not of the star or arrows
/// that suggestions write: the byte-by-byte check then decides),
/// 2 a byte that makes the cell quoted (comma, double quote, line feed, carriage return), 4 a
/// double quote. 0 for most cells (ids, numbers, dates, plain text), which are written as they
/// are. 16 bytes per SSE2 compare, the tail an overlapping load; the same answer as the loop
/// below (the tests compare them).
static inline int supplier_trust_csv_cell_flags(const uint8_t *bytes, long count) {
#if defined(__SSE2__)
  if (count >= 16) {
    __m128i maybeControl = _mm_setzero_si128(), quoted = _mm_setzero_si128(), quotes = _mm_setzero_si128();
    const __m128i below = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F), c1 = _mm_set1_epi8((char)0xC2);
    const __m128i bidi = _mm_set1_epi8((char)0xE2), bidi80 = _mm_set1_epi8((char)0x80);
    const __m128i bidi81 = _mm_set1_epi8((char)0x81);
    // The last lane's next byte is in the next load: an 0xE2 there counts whatever follows.
    const __m128i lastLane = _mm_set_epi8((char)0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m128i comma = _mm_set1_epi8(0x2C), quote = _mm_set1_epi8(0x22);
    const __m128i lf = _mm_set1_epi8(0x0A), cr = _mm_set1_epi8(0x0D);
    long offset = 0;
    for (;; offset += 16) {
      if (offset + 16 > count) offset = count - 16;
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + offset));
      // Unsigned v <= 0x1F: the larger of v and 0x1F is 0x1F.
      __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, below), below);
      maybeControl = _mm_or_si128(
        maybeControl, _mm_or_si128(low, _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c1))));
      // Lane k of `next` holds byte k + 1.
      __m128i next = _mm_srli_si128(v, 1);
      __m128i follows = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(next, bidi80), _mm_cmpeq_epi8(next, bidi81)), lastLane);
      maybeControl = _mm_or_si128(maybeControl, _mm_and_si128(_mm_cmpeq_epi8(v, bidi), follows));
      __m128i q = _mm_cmpeq_epi8(v, quote);
      quotes = _mm_or_si128(quotes, q);
      quoted = _mm_or_si128(
        quoted, _mm_or_si128(_mm_or_si128(q, _mm_cmpeq_epi8(v, comma)), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
      if (offset + 16 >= count) break;
    }
    return (_mm_movemask_epi8(maybeControl) != 0 ? 1 : 0) | (_mm_movemask_epi8(quoted) != 0 ? 2 : 0) |
           (_mm_movemask_epi8(quotes) != 0 ? 4 : 0);
  }
#endif
  int flags = 0;
  for (long k = 0; k < count; k++) {
    uint8_t b = bytes[k];
    if (b <= 0x1F || b == 0x7F || b == 0xC2) flags |= 1;
    if (b == 0xE2 && (k + 1 == count || bytes[k + 1] == 0x80 || bytes[k + 1] == 0x81)) flags |= 1;
    if (b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D) flags |= 2;
    if (b == 0x22) flags |= 4;
  }
  return flags;
}

/// Asks for the cache line at `address` ahead of its use: hash-table look-ups done in groups
/// (reviewers numbered while a catalog is read) prefetch the slot of a later key while this one
/// is compared, instead of waiting for one cache miss after another. Swift has no prefetch.
static inline void supplier_trust_prefetch(const void *address) { __builtin_prefetch(address); }

/// Where ``supplier_trust_xml_attribute_scan`` is between two chunks of a document: inside text, a
/// start tag (and a quoted value in it), an end tag, a comment, a CDATA section, a processing
/// instruction or a declaration, with the bytes of a closing sequence (`-->`, `]]>`, `?>`) seen
/// so far, and the attributes of the start tag open. Zeroed: before the document.
typedef struct {
  uint8_t state;
  uint8_t quote;
  uint8_t closing;
  uint32_t attributes;
} supplier_trust_xml_tags;

/// Counts the attributes (an `=` outside quotes) of the start tags in the `count` bytes at
/// `bytes`, carrying `tags` from one chunk of a document to the next. Returns the offset of the
/// `=` that makes a start tag's attributes more than `limit`, or -1. libxml2 2.9 checks each
/// attribute of a start tag against all those before it, so a tag of 400,000 attributes took 31
/// s; this pass lets the reader refuse such a tag before libxml2 sees it.
long supplier_trust_xml_attribute_scan(
    supplier_trust_xml_tags *tags, const uint8_t *bytes, long count, uint32_t limit);

/// How many bytes of the `count` at `bytes` are `byte` (a loop the compiler vectorises).
long supplier_trust_count_byte(const uint8_t *bytes, long count, uint8_t byte);

#endif
