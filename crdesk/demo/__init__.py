"""Demo clinics: synthetic data, clearly labelled as demo, for newcomers, screenshots, tests
and benchmarks. Qt-free.

``patients`` and ``answers`` are pure generators (they import only ``crdesk.core``);
``episodes`` and ``goals`` write them through a session; ``clinic.make_demo`` sets up a
whole demo clinic. Nothing is imported here, so importing one part loads only that part.
"""
