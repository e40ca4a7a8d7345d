"""The Offer editor in the staff area, one module per resource.

Every view loads the school through `schools.access.get_school_for_user` first (404 for
another school, 403 without the permission), then finds what it changes *within* that
school, so another school's ids are 404 too. Views validate a form, call one action and
redirect; POST-only views answer 405 to a GET only after the access check.
"""
