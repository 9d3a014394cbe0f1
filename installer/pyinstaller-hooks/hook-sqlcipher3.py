# sqlcipher3 ships its SQLCipher build as a native extension module; collect it explicitly.
from PyInstaller.utils.hooks import collect_dynamic_libs

hiddenimports = ["sqlcipher3.dbapi2", "sqlcipher3._sqlite3"]
binaries = collect_dynamic_libs("sqlcipher3")
