#ifndef SUPPLIER_TRUST_BYTE_SCAN_H
#define SUPPLIER_TRUST_BYTE_SCAN_H

#include <stdint.h>
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
  uint64_t bits = 0;
  for (int k = 0; k < 64; k++) {
    uint8_t b = bytes[k];
    if (b == ',' || b == '\n' || b == '"') bits |= (uint64_t)1 << k;
  }
  return bits;
#endif
}

#endif
