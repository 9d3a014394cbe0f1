"""Schema 6: the NACR opt-out as a state with its history, the consent each patient gave at
the kiosk (which information text they read and what they chose), and contact details.

Everything here lives inside the encrypted database like every other row. The audit log
names the event or patient id only: reasons and contact details stay in these tables.
"""

STATEMENTS = (
    # The opt-out state (core/opt_out.py). ``nacr_opt_out`` stays, kept equal to "treated as
    # opted out" (to confirm or confirmed) by every write, for the readers that use it.
    """ALTER TABLE patients ADD COLUMN nacr_opt_out_state TEXT NOT NULL DEFAULT 'none'
        CHECK (nacr_opt_out_state IN ('none', 'to_confirm', 'confirmed', 'cleared'))""",
    # The worklist and the export find the few patients with an opt-out by this.
    "CREATE INDEX patients_opt_out_state ON patients (nacr_opt_out_state)",
    # Before schema 6 an opt-out was a staff-entered flag with its date: confirmed.
    "UPDATE patients SET nacr_opt_out_state = 'confirmed' WHERE nacr_opt_out = 1",
    # Every change of state, newest last: who, when, from which kiosk answer, the date of a
    # confirmed opt-out and the reason for clearing one. Never updated or deleted.
    """CREATE TABLE nacr_opt_out_events (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        state TEXT NOT NULL
            CHECK (state IN ('none', 'to_confirm', 'confirmed', 'cleared')),
        opt_out_date TEXT,
        reason TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        response_id INTEGER REFERENCES responses (id),
        choice TEXT,
        CHECK (state <> 'confirmed' OR opt_out_date IS NOT NULL),
        CHECK (state <> 'cleared' OR length(trim(coalesce(reason, ''))) > 0))""",
    "CREATE INDEX nacr_opt_out_events_patient ON nacr_opt_out_events (patient_id, id)",
    """CREATE TRIGGER nacr_opt_out_events_no_update BEFORE UPDATE ON nacr_opt_out_events
        BEGIN SELECT RAISE(ABORT, 'opt-out history is append-only'); END""",
    """CREATE TRIGGER nacr_opt_out_events_no_delete BEFORE DELETE ON nacr_opt_out_events
        BEGIN SELECT RAISE(ABORT, 'opt-out history is append-only'); END""",
    # The patient's answer to the information page, one row per response: what they chose
    # and exactly which information text they were shown (text pack version and hash, and a
    # hash of the resolved words of that page).
    """CREATE TABLE nacr_consents (
        response_id INTEGER PRIMARY KEY REFERENCES responses (id),
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        choice TEXT NOT NULL,
        text_pack TEXT NOT NULL,
        text_pack_version INTEGER NOT NULL,
        text_pack_sha256 TEXT NOT NULL,
        info_sha256 TEXT NOT NULL,
        at TEXT NOT NULL)""",
    # Contact details, for booking assessments. A table of their own so that no export
    # (which reads patients and episodes) can reach them.
    """CREATE TABLE patient_contacts (
        patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
        phone_main TEXT,
        phone_other TEXT,
        address TEXT,
        preferred_contact TEXT,
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        interpreter_language TEXT,
        carer_name TEXT,
        carer_relationship TEXT,
        carer_phone TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)""",
)
