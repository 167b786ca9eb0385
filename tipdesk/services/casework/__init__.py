"""The work on cases: persons and cases with their services, referrals and notes, the
case journey (assessments, plan, legal steps, restitution, LPSK, returns, incidents), the
duplicate check, the lists the app shows, and a person's rights (access, erasure)."""
