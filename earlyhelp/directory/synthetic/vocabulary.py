"""Words for the synthetic directory: invented places, organisations and services.

Every place is made up, no service or organisation is named after a person, and each
topic of `taxonomies.TOPICS` has its own service names and sentences, written the way
county directories describe their services.
"""

# fmt: off
PLACES = (
    "Brackenmere", "Kestrelford", "Hollowmere", "Larkhaven", "Thistlecombe", "Marrowby",
    "Cindersley", "Otterwick", "Fallowmead", "Quillbury", "Amberlode", "Rookhallow",
    "Sedgecombe", "Tansley Vale", "Wimbrel Cross", "Dunmarsh", "Elderwick", "Foxhallow",
    "Gorsebury", "Harrowmead", "Ivyford", "Juniper Green", "Kingsmere Vale", "Lindenholt",
    "Moorcastle", "Nettlecombe", "Orchardleigh Vale", "Pebblewick", "Reedmarsh", "Saltersby",
    "Teasleford", "Upperbrook Vale", "Willowmere", "Yarrowby", "Alderhithe", "Bramblecote",
    "Copperdale", "Dovecombe", "Emberley Vale", "Fernhithe", "Greystoke Vale", "Heathermere",
    "Ironbridge Vale", "Jessamine Cross", "Kilnworth", "Lavenham Vale", "Millhallow",
    "Northmere", "Oakhithe", "Pikestone", "Quarrymead", "Ravensmere", "Stonehallow",
    "Thornbeck", "Umberleigh Vale", "Vetchford", "Wheatcombe", "Yewbury", "Ashenthorpe",
    "Birchmere", "Chalkhithe", "Dewbury", "Eastmarsh Vale", "Flintcombe",
)
COUNCILS = (
    "Brackenshire", "Kestrel Vale", "Hollowmere Borough", "North Larkshire", "Thistledown",
    "Marrow Valley", "Cinder Coast", "Otterdale",
)
SCHOOL_QUARTERS = (
    "", "Park", "Hill", "Green", "Meadow", "Brook", "Lane", "Fields", "Road",
)
SCHOOL_KINDS = (
    ("Primary School", "primary"),
    ("First School", "first"),
    ("Middle School", "middle"),
    ("High School", "secondary"),
    ("Academy", "secondary"),
    ("Church of England Primary School", "primary"),
    ("Nursery School", "nursery"),
    ("Special School", "special"),
)
ORGANISATION_KINDS = (
    "Family Trust", "Youth Network", "Community Partnership", "Children's Charity",
    "Health and Care Trust", "Early Help Partnership", "Wellbeing Collective",
    "Family Centres", "Youth Service", "Advice Centre", "Community Foundation",
)
NATIONAL_ORGANISATIONS = (
    "Brightline UK", "Safe Harbour Helpline", "Open Door Foundation", "Kindred Lines",
    "Steady Ground", "Lantern Trust", "Clearwater Youth", "Hearthside Families",
    "Waypoint National", "Harbour Lights Charity", "Northstar Young People",
    "Common Ground Network", "Quiet Hour Helpline", "Bluebell Bereavement Trust",
)
LANGUAGES = (
    "Polish", "Urdu", "Punjabi", "Romanian", "Arabic", "Bengali", "Portuguese",
)

# topic code -> (service names, with {place} where a place fits; sentences about the work)
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "mental-health": (
        (
            "{place} Mind Space", "Calm Minds Counselling", "{place} Wellbeing Hub",
            "Talking Therapies for Young People", "{place} Emotional Health Service",
            "Headroom Drop-in",
        ),
        (
            "Counselling for children and young people feeling anxious, low or stressed.",
            "We help young people who self-harm or have thoughts of suicide to stay safe.",
            "Short courses teach coping skills for worry, panic and low mood.",
            "Our mental health practitioners work in schools alongside CAMHS.",
            "Group sessions help teenagers build confidence and resilience.",
        ),
    ),
    "bullying": (
        (
            "{place} Anti-Bullying Project", "Stand Together Peer Mentors",
            "Bullying Advice Line", "Kind Schools Programme",
        ),
        (
            "Advice for children who are being bullied at school, online or on the way home.",
            "Trained peer mentors listen and help pupils sort out falling-outs before they grow.",
            "We work with schools to write and review their anti-bullying policy.",
            "Parents can get advice on talking to the school about cyberbullying.",
        ),
    ),
    "online-safety": (
        (
            "{place} Online Safety Workshops", "Safer Screens", "Digital Parenting Sessions",
            "Gaming and Grooming Awareness",
        ),
        (
            "Workshops for parents on apps, games, screen time and parental controls.",
            "We explain grooming, sexting and sharing images, and what to do if it happens.",
            "Pupils learn how to stay safe on social media and report worrying messages.",
            "Advice for families when a child has seen something upsetting online.",
        ),
    ),
    "domestic-abuse": (
        (
            "{place} Domestic Abuse Service", "Safe Steps Outreach",
            "Children Affected by Domestic Abuse Programme", "{place} Refuge",
            "Freedom Programme",
        ),
        (
            "Confidential support for anyone living with domestic abuse or coercive control.",
            "Outreach workers help families make a safety plan and find safe housing.",
            "Group work helps children who have lived with violence at home make sense of it.",
            "Independent domestic violence advisers support victims through court and police.",
        ),
    ),
    "sexual-abuse": (
        (
            "{place} Sexual Assault Referral Centre", "Rape and Sexual Abuse Support",
            "Hope After Harm", "Children's Sexual Abuse Counselling",
        ),
        (
            "Specialist counselling for children and adults after rape or sexual assault.",
            "Independent sexual violence advisers support survivors whether or not they report.",
            "Medical care and forensic examinations are available at any time.",
            "We help families when a child has told someone about sexual abuse.",
        ),
    ),
    "exploitation": (
        (
            "{place} Exploitation Team", "County Lines Rescue and Response",
            "Safer Streets Youth Work", "Missing and Exploitation Service",
        ),
        (
            "Youth workers support young people at risk of criminal or sexual exploitation.",
            "We work with children drawn into county lines, gangs and drug running.",
            "Return home interviews after a young person has gone missing.",
            "Advice for parents worried about older friends, gifts, money or a new phone.",
        ),
    ),
    "radicalisation": (
        (
            "Prevent Advice Line", "{place} Channel Panel", "Building Resilience to Extremism",
        ),
        (
            "Advice for families and schools worried that a young person is being radicalised.",
            "Mentors help young people question extremist ideas they have met online.",
            "Prevent training for school staff and youth workers.",
        ),
    ),
    "fgm": (
        (
            "FGM Support Clinic", "{place} FGM Prevention Project", "Ending Cutting Together",
        ),
        (
            "A specialist clinic for women and girls affected by female genital mutilation.",
            "Community workers talk with families about the harm FGM causes and the law.",
            "Training for teachers on the duty to report FGM to the police.",
        ),
    ),
    "forced-marriage": (
        (
            "Forced Marriage Advice Line", "{place} Choice and Consent Project",
        ),
        (
            "Confidential advice for anyone being forced into marriage, in the UK or abroad.",
            "We help young people who fear being taken abroad to marry.",
            "Caseworkers can help with protection orders and safe accommodation.",
        ),
    ),
    "honour-based-abuse": (
        (
            "Honour Abuse Helpline", "{place} Karma Support Project",
        ),
        (
            "Support for people at risk of so-called honour-based abuse from their family.",
            "Advice in several community languages, with interpreters when needed.",
            "We train professionals to recognise honour-based violence.",
        ),
    ),
    "young-carers": (
        (
            "{place} Young Carers", "Young Carers Project", "Carers' Break Club",
            "{place} Young Carers Hub", "Young Adult Carers Group",
        ),
        (
            "We support children and young people who look after a parent, brother or sister.",
            "Regular clubs and trips give young carers a break from caring.",
            "A young carers assessment looks at what caring means for you and your family.",
            "We help schools spot young carers and make sure they get support.",
        ),
    ),
    "send": (
        (
            "{place} SENDIASS", "Autism Family Support", "ADHD Parent Workshops",
            "Dyslexia Drop-in", "{place} SEND Local Offer Advice", "Speech and Language Team",
        ),
        (
            "Impartial advice on SEN support, EHC needs assessments and EHC plans.",
            "Courses for parents of autistic children and children with ADHD.",
            "Specialist teachers advise schools on dyslexia and learning difficulties.",
            "Help to prepare for annual reviews and transitions between schools.",
            "Speech and language therapists work with children who find talking hard.",
        ),
    ),
    "disability": (
        (
            "{place} Short Breaks", "Disabled Children's Team", "Inclusive Play Sessions",
            "Sensory Saturday Club",
        ),
        (
            "Short breaks and activities for disabled children and young people.",
            "Inclusive play sessions where every child can join in.",
            "Advice on equipment, adaptations and disability benefits.",
            "Support for children with long-term health conditions in school.",
        ),
    ),
    "health": (
        (
            "{place} School Nursing", "Health Visiting Team", "Children's Community Nursing",
            "Teen Health Drop-in", "{place} Healthy Lifestyles",
        ),
        (
            "School nurses offer drop-ins about health, growing up and emotional wellbeing.",
            "Health visitors support families with babies and children under five.",
            "Advice on sleep, continence, healthy eating and minor illness.",
            "Confidential sexual health advice and contraception for young people.",
        ),
    ),
    "bereavement": (
        (
            "{place} Child Bereavement Service", "Rainbow Grief Group", "Remembering Together",
            "Bereavement Counselling for Young People",
        ),
        (
            "Support for children and young people after someone important has died.",
            "Groups where bereaved children meet others who understand.",
            "Advice for parents on talking to children about death and grief.",
            "Help for schools supporting a pupil after a sudden death.",
        ),
    ),
    "substance-misuse": (
        (
            "{place} Young People's Drug and Alcohol Service", "Hidden Harm Project",
            "Family Recovery Group", "Clear Choices",
        ),
        (
            "Confidential help for young people worried about their drinking or drug use.",
            "Support for children living with a parent who misuses drugs or alcohol.",
            "Harm reduction advice about cannabis, vapes, ketamine and alcohol.",
            "Family sessions help rebuild trust during recovery.",
        ),
    ),
    "parenting": (
        (
            "{place} Parenting Programme", "Incredible Families Course",
            "Teen Parenting Group", "Parenting Advice Line", "Dads' Group",
        ),
        (
            "Parenting courses on routines, boundaries and managing behaviour.",
            "Group sessions for parents of teenagers facing conflict at home.",
            "A friendly place for parents to share what works and what does not.",
            "One-to-one parenting support at home when things feel hard.",
        ),
    ),
    "family-support": (
        (
            "{place} Family Support", "Early Help Family Support", "{place} Family Hub",
            "Team Around the Family", "Targeted Family Support",
        ),
        (
            "Family support workers help with routines, school attendance and relationships.",
            "An Early Help Assessment brings the family and professionals together around a plan.",
            "Family hubs offer stay and play, advice and activities for all ages.",
            "Whole-family support when several worries come at once.",
        ),
    ),
    "relationships": (
        (
            "Healthy Relationships Project", "{place} Friendship Groups",
            "Respect Young People",
        ),
        (
            "Sessions on friendships, consent and healthy relationships.",
            "Support for teenagers who are abusive or controlling towards a partner or parent.",
            "Small groups help children who find friendships difficult.",
        ),
    ),
    "attendance": (
        (
            "{place} Attendance Support", "Education Welfare Service",
            "Back to School Project", "Missing Education Team",
        ),
        (
            "Help for families when a child is missing school or finds it hard to go.",
            "Education welfare officers work with schools on persistent absence.",
            "We find children missing education and help them back into school.",
            "Support for emotionally based school avoidance.",
        ),
    ),
    "education": (
        (
            "{place} Alternative Provision", "Exclusions Advice Service", "Learning Mentors",
            "Homework Club", "Reading Buddies",
        ),
        (
            "Advice for parents when a child has been suspended or excluded.",
            "Alternative provision for pupils who cannot attend mainstream school.",
            "Learning mentors help pupils catch up and stay on track.",
            "After-school clubs with help for homework and reading.",
        ),
    ),
    "home-education": (
        (
            "{place} Elective Home Education Team", "Home Education Advice",
        ),
        (
            "Advice for families thinking about educating their child at home.",
            "Regular contact and guidance for home-educating families.",
        ),
    ),
    "private-fostering": (
        (
            "Private Fostering Team", "{place} Kinship Care Support",
            "Grandparents Raising Grandchildren",
        ),
        (
            "Advice when a child lives with someone who is not a close relative for 28 days.",
            "Support groups for kinship carers, grandparents and family friends raising children.",
            "We check that privately fostered children are safe and well.",
        ),
    ),
    "gender-identity": (
        (
            "{place} LGBTQ+ Youth Group", "Gender Questioning Support", "Proud Together",
        ),
        (
            "A safe youth group for lesbian, gay, bisexual, trans and questioning young people.",
            "Advice for parents whose child is exploring their gender identity.",
            "Training for schools on inclusion and tackling homophobic bullying.",
        ),
    ),
    "stalking": (
        (
            "Stalking Advocacy Service", "{place} Harassment Support",
        ),
        (
            "Specialist advocates support people who are being stalked or harassed.",
            "Help to record incidents, stay safe and report to the police.",
        ),
    ),
    "prison": (
        (
            "Families of Prisoners Support", "{place} Hidden Sentence Project",
            "Visits and Family Days",
        ),
        (
            "Support for children with a parent or carer in prison.",
            "Advice on prison visits, letters and keeping in touch.",
            "Training for schools about the hidden sentence children of prisoners serve.",
        ),
    ),
    "court": (
        (
            "Young Witness Service", "{place} Court Support", "Family Court Advice",
        ),
        (
            "Support for children and young people who are witnesses in criminal court cases.",
            "Pre-trial visits help young witnesses know what to expect.",
            "Advice for parents going through the family court.",
        ),
    ),
    "crime-victims": (
        (
            "{place} Victim Support", "Young Victims Service", "After Crime Support",
        ),
        (
            "Free emotional and practical support after any crime.",
            "Caseworkers help young victims cope and feel safe again.",
        ),
    ),
    "faith-abuse": (
        (
            "Faith and Belief Safeguarding Project", "{place} Faith Communities Forum",
        ),
        (
            "Advice on abuse linked to faith or belief, such as accusations of witchcraft.",
            "We work with faith leaders to keep children safe in places of worship.",
        ),
    ),
    "hate-crime": (
        (
            "{place} Hate Crime Reporting Centre", "Stop Hate Advice",
        ),
        (
            "Report racist, religious, disability, homophobic or transphobic hate crime.",
            "Support after hate incidents, whether or not you tell the police.",
        ),
    ),
    "police": (
        (
            "{place} Police Schools Team", "Neighbourhood Policing Team",
            "Youth Justice Service",
        ),
        (
            "Police officers who work with schools on safety and prevention.",
            "Youth justice workers help young people who have offended make a fresh start.",
        ),
    ),
    "emergency": (
        (
            "{place} Crisis Line", "Out of Hours Emergency Duty Team", "24 Hour Helpline",
        ),
        (
            "Urgent help at any time of day or night.",
            "A crisis line for young people in distress.",
            "Out of hours social workers respond when a child is at immediate risk.",
        ),
    ),
    "safeguarding-general": (
        (
            "{place} Family Front Door", "Safeguarding Advice Line",
            "{place} Children's Services",
        ),
        (
            "Professionals and families can share worries that a child is being harmed.",
            "Advice on neglect, abuse and keeping children safe at home.",
            "Social workers decide what help a family needs after a referral.",
        ),
    ),
    "housing-money": (
        (
            "{place} Money Advice", "Housing Options Team", "Food Bank and Advice Café",
            "Holiday Activities and Food",
        ),
        (
            "Free advice on debt, benefits, budgeting and the cost of living.",
            "Help for families who are homeless or at risk of losing their home.",
            "Food parcels, fuel vouchers and school uniform support.",
            "Free holiday clubs with meals for children on free school meals.",
        ),
    ),
}

# How common each topic is among services, roughly as in county directories: many services
# for mental health, SEND and family support, few for forced marriage or faith-based abuse.
TOPIC_WEIGHTS: dict[str, float] = {
    "mental-health": 10, "send": 9, "family-support": 9, "health": 8, "parenting": 8,
    "disability": 6, "education": 6, "housing-money": 5, "domestic-abuse": 4, "bullying": 3,
    "online-safety": 3, "substance-misuse": 3, "attendance": 3, "safeguarding-general": 3,
    "bereavement": 2, "young-carers": 2, "relationships": 2, "emergency": 2, "exploitation": 2,
    "sexual-abuse": 1.5, "crime-victims": 1.5, "police": 1.5, "court": 1, "hate-crime": 1,
    "gender-identity": 1, "prison": 1, "private-fostering": 1, "home-education": 0.5,
    "radicalisation": 0.5, "fgm": 0.5, "forced-marriage": 0.5, "honour-based-abuse": 0.5,
    "stalking": 0.5, "faith-abuse": 0.3,
}

GENERAL_SENTENCES = (
    "Sessions are friendly, informal and confidential.",
    "You can talk to us in person, by phone or online.",
    "We work closely with schools, GPs and social care.",
    "Interpreters can be arranged for appointments.",
    "There is usually no waiting list.",
    "Appointments can be made at a time that suits the family.",
    "We listen first and agree together what would help.",
    "Evening and weekend sessions are available.",
    "Our staff are trained and DBS checked.",
    "Brothers and sisters are welcome too.",
    "We can meet at home, at school or in the community.",
    "Tell us if you need the building to be accessible.",
)
APPLICATION_PROCESSES = (
    "Call us or fill in the form on our website.",
    "Ask your school's designated safeguarding lead to refer you.",
    "Your GP, health visitor or school nurse can refer you.",
    "Professionals refer through the local authority's early help request form.",
    "Drop in during opening times: no appointment needed.",
    "Text or call and we will ring you back within two working days.",
)
PAID_DESCRIPTIONS = (
    "£5 a session; free for families on benefits.",
    "£25 for the six-week course.",
    "Small charge for trips and activities.",
)
# fmt: on
