"""The only home of cryptography and argon2 in crdesk.

Every format written here carries a version so that a later crdesk can still read it.
"""
