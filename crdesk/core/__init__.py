"""Pure-Python domain: no Qt, no SQL driver, no cryptography library, no PDF library."""
