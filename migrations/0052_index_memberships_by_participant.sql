-- Every update reads the sender's membership by participant (MembershipStore.CurrentAsync); the only index on memberships
-- led with organisation_id, so each read scanned the whole table (bench pipeline profile, issue 18: the costliest
-- statement of the mix, growing with the region's size).
CREATE INDEX memberships_participant_idx ON memberships (participant_id) WHERE status = 'active';
