"""earlyhelp: early help and safeguarding for English schools."""
