"""Topic codes for a service from the words around it: its name, its section and its line.

Only generic words are used (what a service is about), never names of organisations. Every
code here is a topic code of `earlyhelp.directory.taxonomies.TOPICS`.
"""

import re
from collections import Counter

MAX_TOPICS = 3
NAME_WEIGHT, SECTION_WEIGHT, CONTEXT_WEIGHT = 3, 2, 1

KEYWORDS: dict[str, str] = {
    "mental-health": r"mental\s+health|well[\s-]?being|anxiety|depress|self[\s-]harm|suicid|camhs|"
    r"counsell|emotional|psycholog|mental\s+illness|distress",
    "bullying": r"bull(?:y|ied|ying)",
    "online-safety": r"online|e-?safety|internet|sexting|social\s+media|gaming|cyber|apps?\b|"
    r"sextortion|nudes",
    "domestic-abuse": r"domestic\s+(?:abuse|violence)|coercive|refuge|abusive\s+relationship|"
    r"perpetrator|women'?s\s+aid|idva",
    "sexual-abuse": r"sexual\s+(?:abuse|assault|violence|harassment)|rape|\bsarc\b|\bisva\b|"
    r"sexually\s+(?:abused|assaulted)|child\s+sexual\s+abuse",
    "exploitation": r"exploitation|county\s+lines|\bgangs?\b|trafficking|modern\s+slavery|"
    r"\bcse\b|\bcce\b|criminal\s+activity|drug\s+networks?",
    "radicalisation": r"radicali[sz]|extremis|\bprevent\b|terroris|channel\s+duty",
    "fgm": r"female\s+genital|\bfgm\b",
    "forced-marriage": r"forced\s+marriage",
    "honour-based-abuse": r"honour",
    "young-carers": r"young\s+carers?|caring\s+role",
    "send": r"\bsend\b|\bsen\b|special\s+(?:educational|school)|autis|asperger|adhd|dyslex|"
    r"speech\s+and\s+language|\behcp?\b|learning\s+disabilit|sendiass|paediatric",
    "disability": r"disabilit|disabled",
    "health": r"(?<!mental\s)\bhealth\b|nurs(?:e|ing)|\bnhs\b|medical|illness|\bgp\b|therap|"
    r"hospital|hospice",
    "bereavement": r"bereave|grief|griev|death|died",
    "substance-misuse": r"\bdrugs?\b|alcohol|substance",
    "parenting": r"parent(?:s|ing)?\b|family\s+learning",
    "family-support": r"family\s+support|early\s+help|famil(?:y|ies)|kinship",
    "relationships": r"relationship|dating|healthy\s+relationships",
    "attendance": r"attendance|missing\s+(?:from\s+)?education|absence|truan",
    "education": r"education|learning|courses?\b|tuition|school",
    "home-education": r"home\s+educat|elective\s+home",
    "private-fostering": r"fostering|kinship|foster\s+care",
    "gender-identity": r"gender\s+identity|transgender|\btrans\b|lgbt",
    "stalking": r"stalk|harass",
    "prison": r"prison|offenders?\b|custody",
    "court": r"\bcourts?\b|witness|injunction",
    "crime-victims": r"victims?\b",
    "faith-abuse": r"faith|belief|witchcraft|spirit\s+possession",
    "hate-crime": r"\bhate\b",
    "police": r"police|\bpcso\b",
    "emergency": r"emergenc|\b999\b|24[\s-]?hours?|crisis|urgent|immediate\s+risk",
    "safeguarding-general": r"safeguarding|child\s+protection|front\s+door|social\s+care|"
    r"children'?s\s+services|missing\s+(?:children|people)",
    "housing-money": r"housing|benefits?\b|\bdebt|money|food\s+bank|homeless|financ",
}
PATTERNS = {code: re.compile(words, re.IGNORECASE) for code, words in KEYWORDS.items()}


MAX_CONTEXT = 3000


def choose_topics(name: str, section: str, context: str) -> list[str]:
    scores: Counter[str] = Counter()
    context = context[:MAX_CONTEXT]
    for text, weight in ((name, NAME_WEIGHT), (section, SECTION_WEIGHT), (context, CONTEXT_WEIGHT)):
        for code, pattern in PATTERNS.items():
            if pattern.search(text):
                scores[code] += weight
    if not scores:
        return ["family-support"]
    top = scores.most_common(1)[0][1]
    ranked = [code for code, score in scores.most_common() if score * 2 >= top]
    return ranked[:MAX_TOPICS]
