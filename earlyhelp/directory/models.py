"""The support directory, in Open Referral UK 3.0 / HSDS 3.0 terms.

Tables and field names follow HSDS so that a county feed can be read and published as it
is. Each table keeps an integer primary key for joins and full-text search, and an HSDS
`hsds_id` (UUID) for exchange. Our own classifications (topic, level of need, referral
route, delivery, features) are taxonomy terms linked through `Attribute`, never columns.

Ownership is ours, not HSDS's: a service is the school's own provision, a county service
kept by a local authority, or a national service.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from earlyhelp.lib.validators import validate_stored_phone


def new_hsds_id() -> uuid.UUID:
    return uuid.uuid4()


class HsdsModel(models.Model):
    hsds_id = models.UUIDField("HSDS id", default=new_hsds_id, unique=True, editable=False)

    class Meta:
        abstract = True


class Organization(HsdsModel):
    name = models.CharField(max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    legal_status = models.CharField(max_length=200, blank=True)
    uri = models.URLField(max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Defunct"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


class Scope(models.TextChoices):
    SCHOOL = "school", "In school"
    LOCAL = "local", "Local"
    NATIONAL = "national", "National"


class CheckMethod(models.TextChoices):
    """How a service's details were last confirmed (`Service.assured_method`)."""

    PHONE_CALL = "phone_call", "Phone call"
    PROVIDER_CONFIRMED = "provider_confirmed", "Provider confirmed"
    LINK_ALIVE = "link_alive", "Web address works"


class Service(HsdsModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(blank=True)
    fees_description = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(blank=True)
    minimum_age = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    maximum_age = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    assured_date = models.DateField(null=True, blank=True)
    assurer_email = models.EmailField(blank=True)
    # The last check (HSDS `assured_date` is its day): how, and by whom (a name, as the audit
    # trail keeps the person). Blank for a service never checked by those means.
    assured_method = models.CharField(max_length=20, choices=CheckMethod.choices, blank=True)
    assured_by_name = models.CharField(max_length=200, blank=True)
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    # Ownership: who keeps this record.
    scope = models.CharField(max_length=10, choices=Scope.choices)
    owner_school = models.ForeignKey(
        "schools.School",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_services",
    )
    owner_local_authority = models.ForeignKey(
        "schools.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
    )
    # What full-text search reads: kept by directory.search.index_service on every write.
    search_text = models.TextField(blank=True, editable=False)

    terms: "models.ManyToManyField[TaxonomyTerm, Attribute]" = models.ManyToManyField(
        "TaxonomyTerm",
        through="Attribute",
        through_fields=("service", "taxonomy_term"),
        related_name="services",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="service_owner_matches_scope",
                condition=(
                    Q(scope="school", owner_school__isnull=False)
                    | Q(
                        scope="local",
                        owner_school__isnull=True,
                        owner_local_authority__isnull=False,
                    )
                    | Q(
                        scope="national",
                        owner_school__isnull=True,
                        owner_local_authority__isnull=True,
                    )
                ),
            ),
            models.CheckConstraint(
                name="service_ages_in_order",
                condition=(
                    Q(minimum_age__isnull=True)
                    | Q(maximum_age__isnull=True)
                    | Q(minimum_age__lte=models.F("maximum_age"))
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "scope"]),
            # Directory listings by name without a full sort (directory.search).
            models.Index(fields=["status", "name"], name="service_status_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Url(HsdsModel):
    """HSDS `url`: an additional web address of a service or an organization."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="additional_urls"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="additional_websites",
    )
    label = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url


class Location(HsdsModel):
    class LocationType(models.TextChoices):
        PHYSICAL = "physical", "Physical"
        POSTAL = "postal", "Postal"
        VIRTUAL = "virtual", "Virtual"

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    url = models.URLField(max_length=500, blank=True)
    name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    def __str__(self) -> str:
        return self.name or str(self.hsds_id)


class Address(HsdsModel):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=200, blank=True)
    address_1 = models.CharField(max_length=300)
    address_2 = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=200)
    region = models.CharField(max_length=200, blank=True)
    state_province = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(max_length=10)
    country = models.CharField(max_length=2, default="GB")
    address_type = models.CharField(
        max_length=10, choices=Location.LocationType.choices, default="physical"
    )

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(p for p in [self.address_1, self.city, self.postal_code] if p)


class ServiceAtLocation(HsdsModel):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="sal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} at {self.location}"


class Contact(HsdsModel):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.email or str(self.hsds_id)


class PhoneType(models.TextChoices):
    VOICE = "voice", "Phone"
    TEXT = "text", "Text message"
    TEXTPHONE = "textphone", "Textphone"
    VIDEO = "video", "Video call"
    FAX = "fax", "Fax"


class Phone(HsdsModel):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(
        max_length=20,
        help_text="E.164, or a short code's digits",
        validators=[validate_stored_phone],
    )
    extension = models.CharField(max_length=10, blank=True)
    type = models.CharField(max_length=10, choices=PhoneType.choices, default=PhoneType.VOICE)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.number


class Schedule(HsdsModel):
    """HSDS schedule: an iCal RRULE subset. Times are local to England."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", "Weekly"
        MONTHLY = "MONTHLY", "Monthly"

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    freq = models.CharField(max_length=10, choices=Freq.choices, default=Freq.WEEKLY)
    interval = models.PositiveSmallIntegerField(default=1)
    byday = models.CharField(max_length=40, blank=True, help_text="e.g. MO,TU,WE,TH,FR")
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.CharField(max_length=500, blank=True)
    attending_type = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at}-{self.closes_at}"


class CostOption(HsdsModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.CharField(max_length=300, blank=True)
    currency = models.CharField(max_length=3, default="GBP")
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.option or str(self.amount)


class ServiceArea(HsdsModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=20, blank=True)
    uri = models.URLField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.name


class Language(HsdsModel):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    name = models.CharField(max_length=100)
    code = models.CharField(max_length=8, blank=True)
    note = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name


class Taxonomy(HsdsModel):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    uri = models.URLField(max_length=500, blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(HsdsModel):
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="terms")
    code = models.SlugField(max_length=100)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    term_uri = models.URLField(max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["taxonomy_id", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="term_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Attribute(HsdsModel):
    """HSDS attribute: links a taxonomy term to a service or an organization."""

    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="attributes"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="attributes"
    )
    link_type = models.CharField(max_length=50, blank=True)
    value = models.CharField(max_length=300, blank=True)
    label = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="attribute_links_one_entity",
                condition=(
                    Q(service__isnull=False, organization__isnull=True)
                    | Q(service__isnull=True, organization__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["service", "taxonomy_term"],
                name="attribute_unique_service_term",
                condition=Q(service__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["taxonomy_term", "service"])]

    def __str__(self) -> str:
        return f"{self.taxonomy_term} on {self.service or self.organization}"

    @property
    def link_entity(self) -> str:
        return "service" if self.service_id else "organization"


class Postcode(models.Model):
    """A postcode's centroid, loaded from an ONS Postcode Directory file (`load-postcodes`)."""

    postcode = models.CharField(max_length=8, unique=True)  # "WR9 8AA", as pcds writes it
    district = models.CharField(max_length=4, db_index=True)  # "WR9"
    area = models.CharField(max_length=2, db_index=True)  # "WR"
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    place = models.CharField(max_length=100, blank=True, db_index=True)  # "Droitwich Spa"

    def __str__(self) -> str:
        return self.postcode


class ConceptEntry(models.Model):
    """A phrase directory editors added to the concept lexicon, and the topics it means."""

    phrase = models.CharField(max_length=200, unique=True)  # kept in lower case
    topics = models.CharField(max_length=500, help_text="Topic codes, comma separated")
    words = models.CharField(max_length=200, blank=True, help_text="Words added to the search")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["phrase"]
        verbose_name_plural = "concept entries"

    def __str__(self) -> str:
        return self.phrase

    @property
    def topic_codes(self) -> tuple[str, ...]:
        return tuple(code for code in self.topics.split(",") if code)


class ConceptEntryChange(models.Model):
    """History of the lexicon additions: who changed what, and when."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Changed"
        REMOVED = "removed", "Removed"

    entry = models.ForeignKey(
        ConceptEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    phrase = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by_name = models.CharField(max_length=300, blank=True)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.phrase} {self.kind}"


class ZeroResultSearch(models.Model):
    """A search that found nothing: the words only (no address, session or user), per day."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-day", "-count", "query"]
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="zero_result_unique_day_query")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.query} ({self.count})"
