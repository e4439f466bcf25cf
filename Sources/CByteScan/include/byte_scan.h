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

#endif
