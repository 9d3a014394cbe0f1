"""Password policy (NCSC / Cyber Essentials): at least 12 characters, no maximum, no forced
expiry, no composition rules, and a block-list of passwords people commonly choose.
"""

from __future__ import annotations

from crdesk.errors import ValidationError

MIN_LENGTH = 12

# Common passwords of 12+ characters from public breach top lists, plus clinic-flavoured ones.
# Shorter common passwords are already refused by the length rule.
_BLOCKLIST = frozenset(
    """
    123456789012 1234567890123 12345678901234 123456789123 1234567891011 123123123123
    111111111111 000000000000 123412341234 qwertyuiopas qwertyuiop123 qwertyuiop1234
    1q2w3e4r5t6y 1qaz2wsx3edc qazwsxedcrfv zaq12wsxcde3 asdfghjkl123 zxcvbnm12345
    password1234 password12345 password123456 password1234! passwordpassword password123!
    passw0rd1234 p@ssw0rd1234 p@ssword1234 mypassword123 thisismypassword letmein12345
    iloveyou1234 welcome12345 welcome123456 welcometothejungle changeme1234 changemenow!
    abc123456789 abcdefghijkl abcd12345678 administrator admin1234567 adminadmin123
    administrator1 football1234 baseball1234 sunshine1234 princess1234 superman1234
    trustno1trustno1 monkey123456 dragon123456 starwars1234 liverpool123 chelsea12345
    arsenal12345 manchester123 manutd123456 qwerty123456 qwertyqwerty 987654321000
    98765432109876 999999999999 888888888888 777777777777 666666666666 555555555555
    nhsnhsnhsnhs nhspassword123 hospital1234 hospital12345 cardiac12345 cardiacrehab
    cardiacrehab1 cardiacrehab123 rehabilitation rehabilitation1 physiotherapy
    nurse1234567 nursing12345 doctor123456 patient12345 welcome2024! welcome2025!
    welcome2026! welcome2027! summer2025!! winter2025!! autumn2026!! spring2026!!
    january2026! password2024 password2025 password2026 password2027 correcthorsebatterystaple
    crdesk123456 crdeskcrdesk crdesk-password
    """.split()
)


def problems(password: str, *, username: str = "", clinic_name: str = "") -> list[str]:
    """Every reason ``password`` is refused, in plain words; empty when it is acceptable."""
    issues: list[str] = []
    if len(password) < MIN_LENGTH:
        issues.append(f"Use at least {MIN_LENGTH} characters (this has {len(password)}).")
        return issues
    low = password.lower()
    if low in _BLOCKLIST or low.rstrip("!.?1") in _BLOCKLIST:
        issues.append("This is one of the most common passwords: choose something less guessable.")
    if len(set(password)) <= 2:
        issues.append("Use more than one or two different characters.")
    if username and len(username) >= 3 and username.lower() in low:
        issues.append("Do not include your user name in your password.")
    if clinic_name and len(clinic_name) >= 4 and clinic_name.lower() in low:
        issues.append("Do not include the clinic's name in your password.")
    return issues


def is_acceptable(password: str, *, username: str = "", clinic_name: str = "") -> bool:
    return not problems(password, username=username, clinic_name=clinic_name)


def require_acceptable(password: str, *, username: str = "", clinic_name: str = "") -> None:
    """Raise ValidationError naming every problem; the one policy check for all doors."""
    issues = problems(password, username=username, clinic_name=clinic_name)
    if issues:
        raise ValidationError(" ".join(issues), "Choose a longer or less common password.")
