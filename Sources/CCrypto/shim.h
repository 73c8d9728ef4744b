// SHA-256 and a CSPRNG from OpenSSL's libcrypto (already linked by libwebsockets).
#ifndef GAVEL_CCRYPTO_SHIM_H
#define GAVEL_CCRYPTO_SHIM_H
// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but they remain, and
// they cost less: no algorithm lookup, context set-up, allocation or cleansing per hash. Every
// SHA-256 in Gavel (chain links, snapshots, token hashes) goes through gavel_sha256.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <openssl/rand.h>

/// SHA-256 of `count` bytes at `data` into the 32 bytes at `out`, on a stack context.
static inline void gavel_sha256(const void *data, size_t count, unsigned char *out) {
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, data, count);
  SHA256_Final(out, &context);
}
#endif
