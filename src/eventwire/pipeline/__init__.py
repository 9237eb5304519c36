"""Pipeline stages, in the order data flows: readers → structure → nlp → events → places
→ actors → dates → casualties → attribution → finalize (→ dedup and store)."""
