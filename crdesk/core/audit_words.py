"""Audit entries in plain English: who did what to which record.

The log itself stores codes and ids only (no identifiers: it is handed to information
governance as it is); the admin screen turns each entry into a sentence, naming the
patient on screen. An action without words here is shown by its code, never dropped.
"""

from __future__ import annotations

import json

# {who}: the user; {record}: the patient ("PEMBERTON, Edith"), or "patient 12" when the
# record no longer exists.
PHRASES: dict[str, str] = {
    "login": "{who} signed in",
    "logout": "{who} signed out",
    "lock": "{who} locked the screen",
    "login.failures": "Failed sign-ins for {who} were recorded",
    "patient.list": "{who} opened the patient list",
    "patient.view": "{who} opened the record of {record}",
    "patient.create": "{who} added the patient {record}",
    "patient.update": "{who} changed the details of {record}",
    "progress.view": "{who} looked at the progress of {record}",
    "report.write": "{who} saved a progress report for {record} as a PDF file",
    "report.print": "{who} printed a progress report for {record}",
    "episode.create": "{who} added a referral for {record}",
    "episode.update": "{who} changed a referral of {record}",
    "assessment.done": "{who} recorded an assessment date for {record}",
    "assessment.due": "{who} set an assessment due date for {record}",
    "assessment.open": "{who} opened an assessment for {record}",
    "clinical.record": "{who} entered clinical measures for {record}",
    "goal.create": "{who} agreed a goal with {record}",
    "goal.update": "{who} changed a goal of {record}",
    "goal.review": "{who} reviewed a goal of {record}",
    "kiosk.start": "{who} handed the laptop to {record} for a questionnaire",
    "kiosk.exit": "{who} closed the patient questionnaire screen",
    "kiosk.staff_failures": "Failed staff unlocks of the questionnaire screen were recorded",
    "response.view": "{who} looked at a questionnaire of {record}",
    "response.start": "A questionnaire was started for {record} ({who} signed in)",
    "response.complete": "{record} finished a questionnaire ({who} signed in)",
    "entry.start": "{who} started typing in a questionnaire for {record}",
    "entry.first_done": "{who} finished the first entry of a paper questionnaire for {record}",
    "entry.second_start": "{who} started the checking entry of a paper questionnaire for "
                          "{record}",
    "entry.second_done": "{who} finished the checking entry of a paper questionnaire for "
                         "{record}",
    "entry.resolve": "{who} settled a difference between the two entries of a questionnaire "
                     "for {record}",
    "answer.second_save": "{who} saved an answer of the checking entry for {record}",
    "section.skip": "{who} skipped a licensed section of a questionnaire for {record}, with a "
                    "reason",
    "section.unskip": "{who} took back the skip of a questionnaire section for {record}",
    "questionnaire.print": "{who} printed a paper questionnaire for {record}",
    "opt_out.kiosk": "{record} chose at the kiosk not to be sent to NACR, or to talk to staff "
                     "first ({who} signed in)",
    "opt_out.confirm": "{who} confirmed the NACR opt-out of {record}",
    "opt_out.clear": "{who} cleared the NACR opt-out of {record}, with a reason",
    "contact.update": "{who} changed the contact details of {record}",
    "forms.install_text": "{who} installed a questionnaire text pack",
    "audit.anchor_mismatch": "At sign-in the audit log did not match its last anchor (see the "
                             "check)",
    "clinic.restore": "{who} restored the clinic from a backup",
    "clinic.restore_replacing": "{who} replaced this clinic with a restored backup",
    "clinic.admin_key_create": "{who} created the clinic's admin key",
    "clinic.admin_key_pass_on": "{who} passed the admin key on to another admin",
    "clinic.auto_lock": "{who} changed the auto-lock time",
    "response.review": "{who} reviewed a questionnaire of {record}",
    "response.import": "{who} imported a questionnaire of {record}",
    "answer.save": "An answer was saved in a questionnaire of {record} ({who} signed in)",
    "answer.clear": "An answer was cleared in a questionnaire of {record} ({who} signed in)",
    "answer.correct": "{who} corrected an answer in a questionnaire of {record}",
    "user.add": "{who} added a user",
    "user.remove": "{who} removed a user",
    "user.password": "{who} changed their password",
    "user.password_reset": "{who} reset a user's password",
    "backup": "{who} made a backup",
    "backup.offsite": "A backup to the off-laptop folder(s) was made and checked, or failed "
                      "({who} signed in)",
    "backup.offsite_settings": "{who} changed where and when off-laptop backups are made",
    "backup.drill": "{who} tested a backup (restored it into a temporary folder and compared "
                    "it with the clinic)",
    "backup.verify": "{who} checked a backup file",
    "demo.populate": "{who} filled the demo clinic with synthetic patients",
    "demo.episodes": "{who} added synthetic referrals to the demo clinic",
    "demo.goals": "{who} added synthetic goals to the demo clinic",
    "audit.view": "{who} searched the audit log",
    "export.batch": "{who} exported a batch of records",
    "export.reissue": "{who} issued an earlier export batch again",
    "report.service": "{who} made a service report",
    "dashboard.drill_down": "{who} listed the patients behind a dashboard figure",
    "dashboard.nation": "{who} changed the clinic's nation for the dashboard",
    "clinic.create": "{who} set up the clinic",
    "clinic.settings": "{who} changed the clinic settings",
    "clinic.rekey": "{who} changed the clinic's data key",
    "clinic.recover": "{who} opened the clinic with the recovery key",
    "clinic.recipients": "{who} changed the export receivers",
    "clinic.identity_create": "{who} made the clinic's signing certificate",
    "clinic.identity_import": "{who} imported the clinic's signing certificate",
    "clinic.pseudonym_key_create": "{who} made the key for de-identified exports",
    "deprivation.import": "{who} imported deprivation data",
    "records.restrict": "{who} restricted the record of {record} (held back from exports and "
                        "shared reports), with a reason",
    "records.release": "{who} released the restriction of the record of {record}, with a reason",
    "records.subject_access": "{who} made a subject-access copy of the record of {record}",
    "records.purge": "{who} purged the record of {record}, with a reason",
    "records.due_list": "{who} listed the records past their retention period",
    "clinic.retention": "{who} changed the clinic's retention period",
}


def detail_of(detail: str) -> dict[str, object]:
    try:
        value = json.loads(detail or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def describe(action: str, who: str, record: str | None, entity: str = "",
             entity_id: str = "") -> str:
    """One entry as a sentence. ``record``: the patient the entry is about, when it is."""
    phrase = PHRASES.get(action)
    if phrase is None:
        about = f" ({entity} {entity_id})".replace(" )", ")") if entity else ""
        return f"{who or 'crdesk'}: {action}{about}"
    if "{record}" in phrase and record is None:
        record = "a patient no longer on record"
    return phrase.format(who=who or "crdesk", record=record or "")
