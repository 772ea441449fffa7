"""French for practices/submissions (case studies submitted by members, their review)."""

FRENCH = {
    "Case study submissions": "Études de cas soumises",
}
