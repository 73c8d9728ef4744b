// SHA-256 and a CSPRNG from OpenSSL's libcrypto (already linked by libwebsockets).
#ifndef GAVEL_CCRYPTO_SHIM_H
#define GAVEL_CCRYPTO_SHIM_H
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#endif
