# The report's typeface (SIL OFL 1.1): its TTF files and licence are package data.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("fontpkg_atkinson_hyperlegible", includes=["files/*.ttf", "LICENSE",
                                                                       "metadata.json"])
