"""A small clinic built by hand, whose every figure is worked out in test_kpis.py.

Period: financial year 2026/27 (2026-04-01 .. 2027-03-31, both days included); figures as
of 2027-06-30. Episodes (referral; start; end; A1; A2; group; outcome):

E1  2026-04-01 (first day)  start 05-01 (wait 30)  end 07-01 (61 d)  A1 04-20  A2 08-01
    MI + PCI, completed. A2 is 103 days after A1: inside NACR's 20 weeks (140 days).
E2  2027-03-31 (last day)   start 2027-05-20 (wait 50), no end      A1 2027-05-10, no A2
    CABG (NSTEMI treated by bypass), in programme; its A2 window closes 2027-09-27.
E3  2026-03-31 (day before the period): out.   E4  2027-04-01 (day after): out.
E5  2026-06-01  start 06-15 (wait 14)  end 08-10 (56 d)  A1 06-10  A2 12-01 (174 days:
    outside the window) heart failure, completed, OPTED OUT of NACR.
E6  2026-07-01  start 08-10 (wait 40)  end 09-20 (41 d)  no A1, no A2; CABG; withdrew.
E7  2026-09-01  never started; PCI (angina + PCI); declined.
E8  2026-10-01  start 10-21 (wait 20)  no end  A1 10-15 (window closed 2027-03-04), no
    A2; MI (medical management); in programme.
E9  no referral date: excluded and counted.
E10 2026-11-01  not started, no outcome (still waiting); MI + PCI.
"""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.periods import financial_year

D = dt.date
PERIOD = financial_year(2026)
AS_OF = D(2027, 6, 30)


def facts() -> list[EpisodeFacts]:
    return [
        EpisodeFacts(1, 101, D(2026, 4, 1), D(2026, 5, 1), D(2026, 7, 1), D(2026, 4, 20),
                     D(2026, 8, 1), None, "mi_stemi", "pci", outcome="completed", age=55,
                     sex="1", ethnic="A", decile=1,
                     a1_values={"bmi": 31, "hads_anxiety": 9, "smoking": 1,
                                "active_minutes_week": 60},
                     a2_values={"bmi": 29, "hads_anxiety": 6, "smoking": 0,
                                "active_minutes_week": 150}),
        EpisodeFacts(2, 102, D(2027, 3, 31), D(2027, 5, 20), None, D(2027, 5, 10), None, None,
                     "mi_nstemi", "cabg", age=72, sex="2", ethnic="H", decile=10),
        EpisodeFacts(3, 103, D(2026, 3, 31), D(2026, 4, 10), None, None, None, None,
                     "mi_stemi", "pci", age=60, sex="1", ethnic="A"),
        EpisodeFacts(4, 104, D(2027, 4, 1), None, None, None, None, None, "mi_stemi", "pci",
                     age=60, sex="1", ethnic="A"),
        EpisodeFacts(5, 105, D(2026, 6, 1), D(2026, 6, 15), D(2026, 8, 10), D(2026, 6, 10),
                     D(2026, 12, 1), None, "heart_failure", "medical", outcome="completed",
                     age=45, sex="2", ethnic="Z", decile=None, opted_out=True,
                     a1_values={"bmi": 28, "hads_anxiety": 7},
                     a2_values={"bmi": 27, "hads_anxiety": 7}),
        EpisodeFacts(6, 106, D(2026, 7, 1), D(2026, 8, 10), D(2026, 9, 20), None, None, None,
                     "angina", "cabg", outcome="withdrew", age=81, sex="1", ethnic="M",
                     decile=3),
        EpisodeFacts(7, 107, D(2026, 9, 1), None, None, None, None, None, "angina", "pci",
                     outcome="declined", age=39, sex="1", ethnic=None, decile=4),
        EpisodeFacts(8, 108, D(2026, 10, 1), D(2026, 10, 21), None, D(2026, 10, 15), None,
                     None, "mi_nstemi", "medical", age=60, sex="9", ethnic="R", decile=2,
                     a1_values={"bmi": 32}),
        EpisodeFacts(9, 109, None, D(2026, 6, 1), None, None, None, None, "mi_stemi", "pci"),
        EpisodeFacts(10, 110, D(2026, 11, 1), None, None, None, None, None, "mi_stemi", "pci",
                     age=None, sex="2", ethnic="B", decile=9),
    ]
