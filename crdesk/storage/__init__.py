"""The only package that imports sqlcipher3: connection, migrations, repositories."""
