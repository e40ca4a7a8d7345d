"""Our taxonomies: the vocabulary families search by and schools arrange their Offer by.

Plain data, loaded into Taxonomy / TaxonomyTerm by a data migration and kept in step by
`sync_taxonomies`. Codes are stable identifiers (they appear in URLs, in the import contract
and in HSDS feeds); names are what people read.
"""

from dataclasses import dataclass, field
from enum import IntEnum


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str = ""
    # Topics only: show the quick-exit button wherever this topic is shown.
    quick_exit: bool = False
    # Topics only: words a family might type that mean this topic.
    synonyms: tuple[str, ...] = field(default_factory=tuple)


TOPIC = "earlyhelp-topic"
LEVEL_OF_NEED = "earlyhelp-level-of-need"
REFERRAL_ROUTE = "earlyhelp-referral-route"
DELIVERY = "earlyhelp-delivery"
FEATURE = "earlyhelp-feature"

TOPICS: tuple[Term, ...] = (
    Term(
        "mental-health",
        "Mental health and wellbeing",
        "Anxiety, low mood, self-harm, suicidal thoughts, emotional wellbeing.",
        synonyms=("anxiety", "depression", "self-harm", "suicide", "wellbeing", "camhs"),
    ),
    Term(
        "bullying",
        "Bullying",
        "Bullying in person and online.",
        synonyms=("cyberbullying", "bullied"),
    ),
    Term(
        "online-safety",
        "Online safety",
        "Staying safe online, sexting, grooming, gaming.",
        synonyms=("internet", "e-safety", "sexting", "social media"),
    ),
    Term(
        "domestic-abuse",
        "Domestic abuse",
        "Abuse between partners or family members, including coercive control.",
        quick_exit=True,
        synonyms=("domestic violence", "coercive control"),
    ),
    Term(
        "sexual-abuse",
        "Sexual abuse and assault",
        "Rape, sexual assault and child sexual abuse.",
        quick_exit=True,
        synonyms=("rape", "sexual assault"),
    ),
    Term(
        "exploitation",
        "Exploitation and county lines",
        "Child sexual and criminal "
        "exploitation, county lines, gangs, modern slavery and trafficking.",
        quick_exit=True,
        synonyms=("cse", "cce", "county lines", "gangs", "trafficking", "modern slavery"),
    ),
    Term(
        "radicalisation",
        "Radicalisation and extremism",
        "Prevent, extremism and radicalisation.",
        synonyms=("prevent", "extremism", "terrorism"),
    ),
    Term(
        "fgm",
        "Female genital mutilation (FGM)",
        "FGM and the duty to report it.",
        quick_exit=True,
        synonyms=("female genital mutilation",),
    ),
    Term("forced-marriage", "Forced marriage", "Being forced to marry.", quick_exit=True),
    Term(
        "honour-based-abuse",
        "Honour-based abuse",
        "Abuse committed to protect or defend the perceived honour of a family.",
        quick_exit=True,
        synonyms=("honour based violence", "hbv"),
    ),
    Term(
        "young-carers",
        "Young carers",
        "Children who look after someone at home.",
        synonyms=("carer", "caring"),
    ),
    Term(
        "send",
        "Special educational needs and disabilities (SEND)",
        "SEN support, EHC plans, assessments.",
        synonyms=("sen", "ehcp", "autism", "adhd", "dyslexia"),
    ),
    Term(
        "disability",
        "Disability and health conditions",
        "Disabled children and children with health conditions.",
    ),
    Term(
        "health",
        "Health",
        "School nurse, GP, physical health, medical needs.",
        synonyms=("nurse", "medical"),
    ),
    Term(
        "bereavement", "Bereavement and loss", "When someone has died.", synonyms=("grief", "death")
    ),
    Term(
        "substance-misuse",
        "Drugs and alcohol",
        "A child's or a parent's use of drugs or alcohol.",
        synonyms=("drugs", "alcohol", "substance"),
    ),
    Term("parenting", "Parenting", "Parenting support and advice."),
    Term(
        "family-support",
        "Family support",
        "Early help for the whole family.",
        synonyms=("early help",),
    ),
    Term("relationships", "Healthy relationships", "Friendships, relationships and consent."),
    Term(
        "attendance",
        "Attendance and missing education",
        "School attendance, children missing education, children missing from home or care.",
        synonyms=("absence", "missing"),
    ),
    Term("education", "Education", "Learning, exclusions, alternative provision."),
    Term("home-education", "Home education", "Elective home education."),
    Term(
        "private-fostering",
        "Private fostering and kinship care",
        "A child living with someone who is not a close relative, or with relatives.",
        synonyms=("kinship", "fostering"),
    ),
    Term(
        "gender-identity",
        "Gender identity",
        "Gender identity and questioning.",
        synonyms=("transgender", "lgbt", "lgbtq"),
    ),
    Term("stalking", "Stalking and harassment", "Stalking and harassment.", quick_exit=True),
    Term(
        "prison",
        "Children of prisoners",
        "A parent or carer in custody.",
        synonyms=("prisoner", "custody", "parental offending"),
    ),
    Term("court", "Courts and witnesses", "Going to court as a victim or witness."),
    Term("crime-victims", "Victims of crime", "Support after a crime."),
    Term(
        "faith-abuse",
        "Faith-based abuse",
        "Abuse linked to faith or belief, including "
        "accusations of witchcraft or spirit possession.",
        quick_exit=True,
    ),
    Term("hate-crime", "Hate crime", "Crime motivated by prejudice."),
    Term("police", "Police", "Reporting a crime."),
    Term("emergency", "Emergency help", "Help now, at any time."),
    Term("safeguarding-general", "Safeguarding", "Keeping children safe from harm."),
    Term(
        "housing-money",
        "Housing and money",
        "Housing, debt and benefits.",
        synonyms=("debt", "benefits", "homeless"),
    ),
)

# KCSIE 2025, "who may benefit from early help": each indicator and the topics that answer it.
KCSIE_EARLY_HELP_INDICATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "is disabled or has certain health conditions and has specific additional needs",
        ("disability", "health"),
    ),
    ("has special educational needs (whether or not they have a statutory EHC plan)", ("send",)),
    ("has a mental health need", ("mental-health",)),
    ("is a young carer", ("young-carers",)),
    (
        "is showing signs of being drawn in to anti-social or criminal behaviour, including gang "
        "involvement and association with organised crime groups or county lines",
        ("exploitation",),
    ),
    ("is frequently missing/goes missing from education, home or care", ("attendance",)),
    (
        "has experienced multiple suspensions, is at risk of being permanently excluded from "
        "schools, colleges and in Alternative Provision or a Pupil Referral Unit",
        ("education",),
    ),
    (
        "is at risk of modern slavery, trafficking, sexual and/or criminal exploitation",
        ("exploitation",),
    ),
    ("is at risk of being radicalised or exploited", ("radicalisation", "exploitation")),
    ("has a parent or carer in custody, or is affected by parental offending", ("prison",)),
    (
        "is in a family circumstance presenting challenges for the child, such as drug and "
        "alcohol misuse, adult mental health issues and domestic abuse",
        ("substance-misuse", "mental-health", "domestic-abuse"),
    ),
    ("is misusing alcohol and other drugs themselves", ("substance-misuse",)),
    (
        "is at risk of so-called 'honour'-based abuse such as Female Genital Mutilation or "
        "Forced Marriage",
        ("honour-based-abuse", "fgm", "forced-marriage"),
    ),
    ("is a privately fostered child", ("private-fostering",)),
    (
        "is persistently absent from education, including persistent absences for part of the "
        "school day",
        ("attendance",),
    ),
    ("has returned home to their family from care", ("family-support",)),
    ("is showing early signs of abuse and/or neglect", ("safeguarding-general",)),
)


class Level(IntEnum):
    """The four levels of need. Their names are here, once: the Offer, the directory, the
    service pages, the editor, casework and the local authority's pages all say `label`
    ("Level 2: additional needs"). A school's own wording ("Need a bit of help?") is a
    heading shown beside it, never instead of it in staff pages."""

    UNIVERSAL = 1
    ADDITIONAL = 2
    TARGETED = 3
    SPECIALIST = 4

    @property
    def code(self) -> str:
        return f"level-{self.value}"

    @property
    def label(self) -> str:
        return f"Level {self.value}: {LEVEL_NAMES[self]}"


LEVEL_NAMES: dict[int, str] = {
    Level.UNIVERSAL: "universal",
    Level.ADDITIONAL: "additional needs",
    Level.TARGETED: "targeted",
    Level.SPECIALIST: "specialist",
}


LEVELS: tuple[Term, ...] = (
    Term("level-1", Level(1).label, "Everyone: the school's own universal offer."),
    Term(
        "level-2",
        Level(2).label,
        "Need a bit of help: school-led early "
        "help, with an Early Help Assessment where the family agrees.",
    ),
    Term(
        "level-3",
        Level(3).label,
        "If the school can't help alone: targeted family support "
        "and outside services with the school, Team Around the Family.",
    ),
    Term(
        "level-4",
        Level(4).label,
        "Specialist support: children's social care through the front door, child protection.",
    ),
)

# How schools word the levels for families, unless a school words them its own way.
DEFAULT_LEVEL_HEADINGS: dict[int, str] = {
    1: "Everyone",
    2: "Need a bit of help?",
    3: "If we can't help",
    4: "Specialist support",
}

REFERRAL_ROUTES: tuple[Term, ...] = (
    Term("self", "You can contact them yourself"),
    Term("parent", "A parent or carer can ask"),
    Term("school", "The school can refer"),
    Term("gp", "A GP can refer"),
    Term("professional", "Another professional can refer"),
)

DELIVERY_MODES: tuple[Term, ...] = (
    Term("in-person", "In person"),
    Term("phone", "By phone"),
    Term("online", "Online"),
    Term("home-visit", "Home visits"),
)

FEATURES: tuple[Term, ...] = (
    Term(
        "open-bank-holidays",
        "Open on bank holidays",
        "The schedule also applies on England's bank holidays.",
    ),
)

TAXONOMIES: dict[str, tuple[str, tuple[Term, ...]]] = {
    TOPIC: ("What the support is about.", TOPICS),
    LEVEL_OF_NEED: ("The level of need the support is for (graduated approach).", LEVELS),
    REFERRAL_ROUTE: ("Who can ask for the support.", REFERRAL_ROUTES),
    DELIVERY: ("How the support is given.", DELIVERY_MODES),
    FEATURE: ("Other facts about a service that HSDS has no field for.", FEATURES),
}

QUICK_EXIT_TOPICS = frozenset(t.code for t in TOPICS if t.quick_exit)
