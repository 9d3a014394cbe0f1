"""Schema 7: the NACR programme fields on the episode (issue 10 item 4).

Date first invited, risk stratification, mode of delivery, sessions offered and attended,
the reasons for not starting and for not completing, and the date of death. All nullable:
episodes already stored simply have them unrecorded, nothing is guessed. The values are the
option values of forms/nacr_referral.yaml version 2 (crdesk's own codes, see that file).
"""

STATEMENTS = (
    "ALTER TABLE episodes ADD COLUMN first_invited_date TEXT",
    "ALTER TABLE episodes ADD COLUMN risk_level TEXT",
    "ALTER TABLE episodes ADD COLUMN delivery_mode TEXT",
    "ALTER TABLE episodes ADD COLUMN sessions_offered INTEGER",
    "ALTER TABLE episodes ADD COLUMN sessions_attended INTEGER",
    "ALTER TABLE episodes ADD COLUMN not_started_reason TEXT",
    "ALTER TABLE episodes ADD COLUMN not_completed_reason TEXT",
    "ALTER TABLE episodes ADD COLUMN date_of_death TEXT",
)
