"""Writes to Offers: `editing` changes the draft, `publishing` freezes it into a version."""
