-- The consent in force per person, organisation and kind, kept by the ledger itself (issue 18).
-- current_consents was a DISTINCT ON over the whole ledger: PostgreSQL cannot push a correlated condition into it,
-- so every «EXISTS (SELECT 1 FROM current_consents c WHERE c.participant_id = m.participant_id …)» — the membership
-- read of every update, the banks, the pairs, the onboarding view — sorted every consent event of the region, once
-- per outer row. Now a trigger on the append-only ledger keeps the latest event per key in a table with that key as
-- its primary key, and the view reads the table: the same columns and meaning, an index lookup per person.

CREATE TABLE consent_states (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    participant_id   bigint NOT NULL REFERENCES participants (id),
    kind             text NOT NULL,
    event_id         bigint NOT NULL,  -- consent_events.id of the event in force (ties on occurred_at go to the later id)
    event            text NOT NULL,
    text_version     text NOT NULL,
    channel          text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, participant_id, kind)
);

-- The latest event wins by (occurred_at, id), exactly the old view's order, even when an event is recorded with an
-- earlier moment than one already in the ledger.
CREATE FUNCTION consent_states_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO consent_states (organisation_id, participant_id, kind, event_id, event, text_version, channel, occurred_at)
    VALUES (NEW.organisation_id, NEW.participant_id, NEW.kind, NEW.id, NEW.event, NEW.text_version, NEW.channel, NEW.occurred_at)
    ON CONFLICT (organisation_id, participant_id, kind) DO UPDATE
       SET event_id = EXCLUDED.event_id, event = EXCLUDED.event, text_version = EXCLUDED.text_version,
           channel = EXCLUDED.channel, occurred_at = EXCLUDED.occurred_at
     WHERE (consent_states.occurred_at, consent_states.event_id) < (EXCLUDED.occurred_at, EXCLUDED.event_id);
    RETURN NULL;
END $$;
CREATE TRIGGER consent_events_keep_state AFTER INSERT ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_states_keep();

INSERT INTO consent_states (organisation_id, participant_id, kind, event_id, event, text_version, channel, occurred_at)
SELECT DISTINCT ON (organisation_id, participant_id, kind)
       organisation_id, participant_id, kind, id, event, text_version, channel, occurred_at
  FROM consent_events
 ORDER BY organisation_id, participant_id, kind, occurred_at DESC, id DESC;

-- The latest consent event per person, organisation and kind: «given» means the consent is in force.
CREATE OR REPLACE VIEW current_consents AS
SELECT organisation_id, participant_id, kind, event, text_version, channel, occurred_at
  FROM consent_states;
