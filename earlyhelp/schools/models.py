"""Local authorities, schools, and the key people a school names in its Offer."""

from django.db import models
from django.db.models import Q

from earlyhelp.lib.validators import validate_extension, validate_stored_phone


class LocalAuthority(models.Model):
    """A council: its children's services front door is on every public page."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    front_door_name = models.CharField(
        max_length=200, help_text="What families call it, e.g. 'Family Front Door'."
    )
    front_door_phone = models.CharField(
        max_length=20, help_text="E.164", validators=[validate_stored_phone]
    )
    out_of_hours_phone = models.CharField(
        max_length=20, help_text="E.164", validators=[validate_stored_phone]
    )
    front_door_url = models.URLField(blank=True)

    class Meta:
        verbose_name_plural = "local authorities"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Phase(models.TextChoices):
    NURSERY = "nursery", "Nursery"
    FIRST = "first", "First"
    PRIMARY = "primary", "Primary"
    MIDDLE = "middle", "Middle"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision"
    SIXTH_FORM = "sixth_form", "Sixth form"


class School(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    urn = models.CharField(
        "URN", max_length=8, blank=True, help_text="Unique reference number from GIAS."
    )
    phase = models.CharField(max_length=32, choices=Phase.choices)
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="schools"
    )
    phone = models.CharField(
        max_length=20, blank=True, help_text="E.164", validators=[validate_stored_phone]
    )
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~Q(urn=""), name="school_unique_urn"),
        ]

    def __str__(self) -> str:
        return self.name


class KeyRole(models.TextChoices):
    """The roles a school names in its Offer (the import contract's vocabulary)."""

    DSL = "dsl", "Designated Safeguarding Lead"
    DEPUTY_DSL = "deputy_dsl", "Deputy Designated Safeguarding Lead"
    HEADTEACHER = "headteacher", "Headteacher"
    DEPUTY_HEADTEACHER = "deputy_headteacher", "Deputy headteacher"
    SAFEGUARDING_GOVERNOR = "safeguarding_governor", "Safeguarding governor"
    CHAIR_OF_GOVERNORS = "chair_of_governors", "Chair of governors"
    SENCO = "senco", "SENCO"
    FAMILY_SUPPORT_LEAD = "family_support_lead", "Family support lead"
    DESIGNATED_TEACHER_LAC = (
        "designated_teacher_lac",
        ("Designated teacher for looked-after children"),
    )
    ATTENDANCE_OFFICER = "attendance_officer", "Attendance officer"
    PASTORAL_LEAD = "pastoral_lead", "Pastoral lead"
    MENTAL_HEALTH_LEAD = "mental_health_lead", "Mental health lead"
    OTHER = "other", "Other"


class KeyPerson(models.Model):
    """A person the Offer names, with how to reach them. One person may hold several roles."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="key_people")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(
        max_length=20, blank=True, help_text="E.164", validators=[validate_stored_phone]
    )
    phone_extension = models.CharField(
        max_length=10, blank=True, help_text="Digits only", validators=[validate_extension]
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "key people"

    def __str__(self) -> str:
        return self.name


class KeyPersonRole(models.Model):
    person = models.ForeignKey(KeyPerson, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=32, choices=KeyRole.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="key_person_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"
