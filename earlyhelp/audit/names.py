"""Every audit event name, declared once.

`record_event` accepts only a member of `AuditAction` and refuses any other string, so a
misspelt name fails at once instead of writing an event nobody will find. The values are
the names already stored in the audit trail: never change one, add a new member instead.
"""

from enum import StrEnum, unique


@unique
class AuditAction(StrEnum):
    ASSESSMENT_COMPLETED = "assessment.completed"

    ATTENDANCE_FIRST_DAY_CALL_RECORDED = "attendance.first_day_call_recorded"
    ATTENDANCE_REGISTER_IMPORTED = "attendance.register_imported"
    ATTENDANCE_THRESHOLD_CROSSED = "attendance.threshold_crossed"
    ATTENDANCE_MISSING_EDUCATION_NOTIFIED = "attendance.missing_education_notified"
    ATTENDANCE_LETTER_WORDING_SAVED = "attendance.letter_wording_saved"
    ATTENDANCE_LETTERS_STARTED = "attendance.letters_started"
    ATTENDANCE_LETTERS_MADE = "attendance.letters_made"

    CASEWORK_CLOCK = "casework.clock"
    CASEWORK_REVIEW_INTERVAL_SET = "casework.review_interval_set"
    CASEWORK_TERM_REMOVED = "casework.term_removed"
    CASEWORK_TERM_SET = "casework.term_set"

    CHILD_RECORD_SUBJECT_ACCESS_EXPORTED = "child_record.subject_access_exported"
    CHILD_RECORD_VIEWED = "child_record.viewed"

    CONCERN_LOGGED = "concern.logged"
    CONCERN_MESSAGE_RECEIVED = "concern.message_received"
    CONCERN_TRIAGED = "concern.triaged"

    CONSENT_RECORDED = "consent.recorded"
    CONSENT_WITHDRAWN = "consent.withdrawn"

    DATABASE_BACKED_UP = "database.backed_up"
    DATABASE_RESTORED = "database.restored"

    DIRECTORY_CONCEPT_ADDED = "directory.concept_added"
    DIRECTORY_CONCEPT_CHANGED = "directory.concept_changed"
    DIRECTORY_CONCEPT_REMOVED = "directory.concept_removed"
    DIRECTORY_POSTCODES_LOADED = "directory.postcodes_loaded"
    DIRECTORY_SEARCH_LOG_PURGED = "directory.search_log_purged"
    DIRECTORY_SEARCH_WITHOUT_RESULTS_LOGGED = "directory.search_without_results_logged"
    DIRECTORY_SERVICES_CREATED = "directory.services_created"
    DIRECTORY_SYNTHESISED = "directory.synthesised"

    EARLY_HELP_CLOSED = "early_help.closed"
    EARLY_HELP_LEAD_SET = "early_help.lead_set"
    EARLY_HELP_ATTENDANCE_TARGET_SET = "early_help.attendance_target_set"
    EARLY_HELP_LEVEL_CHANGE = "early_help.level_change"
    EARLY_HELP_OPENED = "early_help.opened"
    EARLY_HELP_STEP_DOWN = "early_help.step_down"
    EARLY_HELP_STEP_UP = "early_help.step_up"

    ENCRYPTION_KEYS_ROTATED = "encryption.keys_rotated"

    GOVERNORS_REPORT_REQUESTED = "governors_report.requested"

    HARVEST_APPLIED = "harvest.applied"
    HARVEST_FINISHED = "harvest.finished"
    HARVEST_SERVICE_WITHDRAWN = "harvest.service_withdrawn"
    HARVEST_STARTED = "harvest.started"

    HARVEST_SOURCE_CREATED = "harvest_source.created"
    HARVEST_SOURCE_UPDATED = "harvest_source.updated"

    IMPORT_REVIEWED = "import.reviewed"
    IMPORT_SAVED = "import.saved"
    IMPORT_UPLOAD_FAILED = "import.upload_failed"
    IMPORT_UPLOAD_STARTED = "import.upload_started"
    IMPORT_WITHDRAWN = "import.withdrawn"

    KEY_PERSON_ADDED = "key_person.added"
    KEY_PERSON_MOVED = "key_person.moved"
    KEY_PERSON_REMOVED = "key_person.removed"
    KEY_PERSON_UPDATED = "key_person.updated"

    LINKS_CHECKED = "links.checked"

    LOCAL_AUTHORITY_CREATED = "local_authority.created"
    LOCAL_AUTHORITY_VIEWED = "local_authority.viewed"

    MEETING_DECISION = "meeting.decision"
    MEETING_HELD = "meeting.held"

    OFFER_CREATED = "offer.created"
    OFFER_ENTRIES_REORDERED = "offer.entries_reordered"
    OFFER_ENTRY_ADDED = "offer.entry_added"
    OFFER_ENTRY_LEVEL_SET = "offer.entry_level_set"
    OFFER_ENTRY_MOVED = "offer.entry_moved"
    OFFER_ENTRY_REMOVED = "offer.entry_removed"
    OFFER_LEVEL_HEADING_SET = "offer.level_heading_set"
    OFFER_PUBLISHED = "offer.published"
    OFFER_REVIEW_REMINDER_SENT = "offer.review_reminder_sent"
    OFFER_SERVICE_CHANGE_DISMISSED = "offer.service_change_dismissed"
    OFFER_TEXT_UPDATED = "offer.text_updated"

    ORGANIZATION_CREATED = "organization.created"
    ORGANIZATION_RENAMED = "organization.renamed"

    PERMISSION_REFUSED = "permission.refused"

    PLAN_ACTION_ADDED = "plan.action_added"
    PLAN_ACTION_DONE = "plan.action_done"

    PUPILS_ROLL_IMPORT_STARTED = "pupils.roll_import_started"
    PUPILS_ROLL_IMPORTED = "pupils.roll_imported"

    PUPIL_VOICE_ANSWERED = "pupil_voice.answered"
    PUPIL_VOICE_QUESTION_ADDED = "pupil_voice.question_added"
    PUPIL_VOICE_QUESTION_CHANGED = "pupil_voice.question_changed"
    PUPIL_VOICE_QUESTION_RETIRED = "pupil_voice.question_retired"
    PUPIL_VOICE_SESSION_CLOSED = "pupil_voice.session_closed"
    PUPIL_VOICE_SESSION_OPENED = "pupil_voice.session_opened"

    REFERRAL_SENT = "referral.sent"
    REFERRAL_STATUS = "referral.status"

    RETENTION_CHILD_RECORD_DELETED = "retention.child_record_deleted"
    RETENTION_HOLD_LIFTED = "retention.hold_lifted"
    RETENTION_HOLD_PLACED = "retention.hold_placed"

    REVIEW_RECORDED = "review.recorded"

    SCHOOL_CREATED = "school.created"

    SERVICE_CHECKED = "service.checked"
    SERVICE_CREATED = "service.created"
    SERVICE_DELETED = "service.deleted"
    SERVICE_LOCATIONS_SET = "service.locations_set"
    SERVICE_STATUS_CHANGED = "service.status_changed"
    SERVICE_UPDATED = "service.updated"

    SIGN_IN_FAILED = "sign_in.failed"
    SIGN_IN_LOCKED = "sign_in.locked"
    SIGN_IN_SUCCEEDED = "sign_in.succeeded"

    TAXONOMY_CREATED = "taxonomy.created"

    TAXONOMY_TERM_CREATED = "taxonomy_term.created"

    TRAINING_DOCUMENT_EDITION_PUBLISHED = "training.document_edition_published"
    TRAINING_DOCUMENT_SIGNED = "training.document_signed"
    TRAINING_EVIDENCE_DOWNLOADED = "training.evidence_downloaded"
    TRAINING_PERIOD_SET = "training.period_set"
    TRAINING_RECORDED = "training.recorded"
    TRAINING_RECORDS_IMPORTED = "training.records_imported"
    TRAINING_REMINDERS_SENT = "training.reminders_sent"

    TRANSFER_ACKNOWLEDGED = "transfer.acknowledged"
    TRANSFER_DOWNLOADED = "transfer.downloaded"
    TRANSFER_STARTED = "transfer.started"

    TWO_FACTOR_DEVICE_ADDED = "two_factor.device_added"
    TWO_FACTOR_DEVICE_REMOVED = "two_factor.device_removed"
    TWO_FACTOR_RECOVERY_CODE_USED = "two_factor.recovery_code_used"
    TWO_FACTOR_RECOVERY_CODES_GENERATED = "two_factor.recovery_codes_generated"
    TWO_FACTOR_RESET = "two_factor.reset"

    USER_CREATED = "user.created"
    USER_DEACTIVATED = "user.deactivated"
    USER_ROLE_GRANTED = "user.role_granted"
    USER_ROLE_REVOKED = "user.role_revoked"
