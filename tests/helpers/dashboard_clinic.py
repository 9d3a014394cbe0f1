"""Write the hand-built clinic (tests/core/dashboard/hand_clinic.py) into a real encrypted
clinic through the repositories, so the services' figures can be checked against the
hand-worked answers."""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo
from tests.core.dashboard.hand_clinic import facts

# decile -> a postcode of the fixture lookup (tests/fixtures/deprivation/)
POSTCODE_OF_DECILE = {1: "LS1 1AA", 2: "LS2 2AA", 3: "LS3 3AA", 4: "LS4 4AA",
                      9: "LS9 9AA", 10: "LS10 1AA"}
LOOKUP_CSV = "postcode,decile\n" + "".join(f"{pc},{d}\n" for d, pc in POSTCODE_OF_DECILE.items())
NHS = ("9434765919", "6716689966", "9434765870", "9434765889", "9434765897", "9434765900",
       "9434765862", "9434765854", "9434765846", "9434765838")


def d(x: dt.date | None) -> str | None:
    return None if x is None else x.isoformat()


def _dob(f: EpisodeFacts) -> str:
    if f.age is None:
        return ""
    ref = f.referral or dt.date(2026, 6, 1)
    return dt.date(ref.year - f.age, 1, 1).isoformat()


def _response(session: Session, pid: int, aid: int, values: dict[str, float],
              when: dt.date) -> None:
    scores = {k: (v, None, {}) for k, v in values.items() if k in ("bmi", "hads_anxiety",
                                                                    "hads_depression")}
    answers: dict[str, object] = {}
    if "smoking" in values:
        answers["smoking_status"] = "current" if values["smoking"] else "never"
    if "active_minutes_week" in values:
        answers["active_minutes_week"] = int(values["active_minutes_week"])
    responses_repo.import_complete_response(
        session._db, patient_id=pid, assessment_id=aid, form_id="nacr_patient",
        form_version="1", form_hash="test", locale="en-GB", mode="patient",
        actor=session.username, answers=answers, scores=scores,  # type: ignore[arg-type]
        completed_at=f"{when.isoformat()}T10:00:00+00:00")


def write_hand_clinic(session: Session) -> dict[int, int]:
    """Returns hand-clinic episode id -> database episode id."""
    ids: dict[int, int] = {}
    with session._db.transaction():
        for i, f in enumerate(facts()):
            pid = patients_repo.insert(session._db, Patient(
                None, NHS[i], f"H{i}", f"Family{i}", f"Given{i}", _dob(f), f.sex, f.ethnic,
                POSTCODE_OF_DECILE.get(f.decile or 0, "ZZ9 9ZZ"), None,
                nacr_opt_out=f.opted_out))
            eid = episodes_repo.insert(session._db, Episode(
                None, pid, initiating_event=f.initiating_event,
                event_date=d(f.referral - dt.timedelta(days=5)) if f.referral else None,
                treatment=f.treatment, referral_source="nhs_trust", referral_date=d(f.referral),
                referred_by="consultant", programme_start=d(f.start), programme_end=d(f.end),
                outcome=f.outcome))
            ids[f.episode_id] = eid
            for kind, when, values in (("A1", f.a1, f.a1_values), ("A2", f.a2, f.a2_values)):
                if when is None:
                    continue
                aid = episodes_repo.set_assessment(session._db, eid, kind,
                                                   done_date=when.isoformat())
                if values:
                    _response(session, pid, aid, dict(values), when)
    return ids
