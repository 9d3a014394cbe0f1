"""Every measure the progress view compares, and the thresholds that decide "better".

This is the one place where a change counts as clinically meaningful. Each threshold names
its source; where none was found the value is crdesk's own choice and says so, so a clinic
lead can review it (and a later version can make it a clinic setting).

Measure: better when; meaningful change; source.

- HADS anxiety and depression: lower; >= 2 points or a band crossed (0-7 / 8-10 / 11-21).
  Bands: Zigmond & Snaith 1983 (nacr.md 2.1). MCID 1.5 points: Puhan et al. 2008, Health
  Qual Life Outcomes 6:46, rounded up to whole points.
- Active minutes a week: higher; crossing 150, else >= 30 min. 150: UK CMO physical activity
  guideline 2019, the NACR measure (nacr.md 1.3); 30 min = one more session (crdesk's choice).
- Reaches 150 minutes (yes/no): "yes"; any change of answer. NACR measure (nacr.md 1.3).
- Smoking status: not smoking; moving between current / ex / never (nacr.md 1.3).
- BMI: towards 18.5-24.9; >= 0.5 kg/m2 or a band crossed. Bands: WHO / NICE CG189;
  0.5 kg/m2 is crdesk's choice.
- Weight: towards a healthy BMI; >= 2 % of the first weight. crdesk's choice (NICE PH53
  treats 5 % loss as clinically meaningful over a longer time).
- Waist: lower; >= 2 cm (crdesk's choice).
- Blood pressure: towards < 140 / < 90 (NICE NG136 clinic threshold); >= 5 mmHg (crdesk's).
- Total cholesterol: lower; >= 0.5 mmol/L (crdesk's choice).
- ISWT distance: higher; >= 70 m. Houchen-Wolloff et al. 2015, Eur J Prev Cardiol 22(8),
  MCID in cardiac rehabilitation.
- 6-minute walk: higher; >= 25 m. Gremeaux et al. 2011, Ann Phys Rehabil Med 54(6),
  coronary artery disease.
- Each Dartmouth COOP chart (1 best to 5): lower; >= 1 step. Each chart is reported alone
  (nacr.md 2.1); one step is crdesk's choice.
"""

from __future__ import annotations

from dataclasses import dataclass

# How a measure moves: "lower"/"higher" is better; "target" is better inside a range;
# "order" ranks categories; "yes" means the answer "yes" is the better one.
Kind = str


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    group: str  # heading in the progress view and the report
    source: str  # "score", "patient" (questionnaire answer), "staff" (clinical form answer)
    key: str  # score id or question id
    kind: Kind
    unit: str = ""
    places: int = 0
    min_change: float = 0.0  # a smaller change is "no change"
    relative: bool = False  # min_change is a fraction of the first value
    target: tuple[float | None, float | None] = (None, None)  # (low, high) for "target"
    bands: tuple[tuple[float, str], ...] = ()  # (lower bound, name), ascending
    order: tuple[str, ...] = ()  # categories, worst first, for "order"
    labels: tuple[tuple[str, str], ...] = ()  # category value -> words
    explain: str = ""  # one plain-English sentence for patients (report and view)
    fallback: tuple[str, str] | None = None  # (source, key) when the first has no value


HADS_BANDS = ((0, "normal"), (8, "borderline"), (11, "abnormal"))
BMI_BANDS = ((0, "underweight"), (18.5, "healthy weight"), (25, "overweight"), (30, "obese"))
HEALTHY_BMI = (18.5, 24.99)
ACTIVE_MINUTES_GOAL = 150
SMOKING_ORDER = ("current", "ex_under_6m", "ex_over_6m", "never")
SMOKING_WORDS = (("current", "smokes"), ("ex_under_6m", "stopped less than 6 months ago"),
                 ("ex_over_6m", "stopped more than 6 months ago"), ("never", "never smoked"))
# NACR's two assessment windows (nacr.md 1.1): A2 within 20 weeks of A1; A3 at 12 months.
A2_WINDOW_WEEKS = 20
A2_DUE_WEEKS = 12  # "as close as possible to 12 weeks after it started"
A3_DUE_MONTHS = 12

_COOP = (
    ("coop_physical_fitness", "Physical fitness"),
    ("coop_feelings", "Feelings"),
    ("coop_daily_activities", "Daily activities"),
    ("coop_social_activities", "Social activities"),
    ("coop_pain", "Pain"),
    ("coop_change_in_health", "Change in health"),
    ("coop_overall_health", "Overall health"),
    ("coop_social_support", "Social support"),
    ("coop_quality_of_life", "Quality of life"),
)

MEASURES: tuple[Measure, ...] = (
    Measure("hads_anxiety", "Anxiety (HADS)", "Feelings", "score", "hads_anxiety", "lower",
            min_change=2, bands=HADS_BANDS,
            explain="A score of 0 to 7 is in the normal range; 8 or more suggests anxiety "
                    "worth talking about. Lower is better."),
    Measure("hads_depression", "Depression (HADS)", "Feelings", "score", "hads_depression",
            "lower", min_change=2, bands=HADS_BANDS,
            explain="A score of 0 to 7 is in the normal range; 8 or more suggests low mood "
                    "worth talking about. Lower is better."),
    Measure("active_minutes_week", "Active minutes a week", "Activity", "patient",
            "active_minutes_week", "higher", unit="min", min_change=30,
            target=(ACTIVE_MINUTES_GOAL, None),
            explain="The aim is at least 150 minutes of moderate activity a week."),
    Measure("reaches_150_minutes", "Reaches 150 minutes a week", "Activity", "patient",
            "reaches_150_minutes", "yes",
            explain="Whether you are active for at least 150 minutes a week."),
    Measure("smoking", "Smoking", "Smoking", "staff", "smoking_status_verified", "order",
            order=SMOKING_ORDER, labels=SMOKING_WORDS,
            fallback=("patient", "smoking_status"),
            explain="Stopping smoking is the biggest single thing that protects the heart."),
    Measure("bmi", "Body mass index (BMI)", "Body", "score", "bmi", "target", unit="kg/m²",
            places=1, min_change=0.5, target=HEALTHY_BMI, bands=BMI_BANDS,
            explain="A BMI of 18.5 to 24.9 is a healthy weight for most adults."),
    Measure("weight", "Weight", "Body", "staff", "weight", "bmi_weight", unit="kg", places=1,
            min_change=0.02, relative=True, fallback=("patient", "weight"),
            explain="Weight moving towards a healthy BMI counts as better."),
    Measure("waist", "Waist", "Body", "staff", "waist", "lower", unit="cm", places=1,
            min_change=2, explain="A smaller waist means less fat around the middle."),
    Measure("systolic_bp", "Blood pressure (upper number)", "Heart", "staff", "systolic_bp",
            "target", unit="mmHg", min_change=5, target=(None, 139),
            explain="Below 140 is the usual aim for the upper number."),
    Measure("diastolic_bp", "Blood pressure (lower number)", "Heart", "staff", "diastolic_bp",
            "target", unit="mmHg", min_change=5, target=(None, 89),
            explain="Below 90 is the usual aim for the lower number."),
    Measure("total_cholesterol", "Total cholesterol", "Heart", "staff", "total_cholesterol",
            "lower", unit="mmol/L", places=1, min_change=0.5,
            explain="Lower cholesterol protects the heart's arteries."),
    Measure("iswt_distance", "Shuttle walk distance", "Fitness", "staff", "iswt_distance",
            "higher", unit="m", min_change=70,
            explain="A longer walk means better fitness; 70 metres more is a real change."),
    Measure("six_minute_distance", "6-minute walk distance", "Fitness", "staff",
            "six_minute_distance", "higher", unit="m", min_change=25,
            explain="A longer walk means better fitness; 25 metres more is a real change."),
    *(Measure(sid, f"{label} (COOP chart)", "Quality of life", "score", sid, "lower",
              min_change=1,
              explain="Charts run from 1 (best) to 5 (worst).")
      for sid, label in _COOP),
)

MEASURE_BY_ID = {m.id: m for m in MEASURES}
GROUPS = tuple(dict.fromkeys(m.group for m in MEASURES))
