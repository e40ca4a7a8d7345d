"""The demo directory's places: fictional family hubs, clinics and schools (`data/locations.toml`)
with addresses, and coordinates from the postcodes the directory has loaded, so that service
pages show where to go and postcode and proximity searches find them.

Written through the harvest's own action (`oruk.actions.set_locations`), audited.
"""

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from earlyhelp.accounts.models import User
from earlyhelp.directory.models import Postcode, Service
from earlyhelp.oruk.actions import set_locations
from earlyhelp.oruk.feed import AddressData, LocationData

LOCATIONS_FILE = Path(__file__).resolve().parent / "data" / "locations.toml"


def read_locations(path: Path = LOCATIONS_FILE) -> dict[str, list[LocationData]]:
    """Each service key's places; a postcode the directory has not loaded is refused."""
    with path.open("rb") as handle:
        entries: list[dict[str, Any]] = tomllib.load(handle)["location"]
    by_key: dict[str, list[LocationData]] = defaultdict(list)
    for entry in entries:
        place = _location(entry)
        for key in entry["services"]:
            by_key[key].append(place)
    return dict(by_key)


def _location(entry: dict[str, Any]) -> LocationData:
    postcode = Postcode.objects.filter(postcode=entry["postcode"]).first()
    if postcode is None:
        raise ValueError(f"{entry['name']}: postcode {entry['postcode']} is not loaded.")
    address = AddressData(
        address_1=entry["address"], city=entry["city"], postal_code=entry["postcode"]
    )
    return LocationData(
        name=entry["name"],
        description=entry["description"],
        latitude=postcode.latitude,
        longitude=postcode.longitude,
        addresses=(address,),
    )


def add_demo_locations(services: dict[str, Service], *, by: User) -> int:
    """Give each listed service its places; how many services were given places."""
    places = read_locations()
    unknown = sorted(set(places) - set(services))
    if unknown:
        raise ValueError(f"locations.toml names unknown services: {', '.join(unknown)}")
    for key, locations in places.items():
        set_locations(by=by, service=services[key], locations=locations)
    return len(places)
