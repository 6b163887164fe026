-- Where each active mentor and mentee stands in onboarding (issue 4): roles, the consents in force and the
-- intake questionnaire. The nudges and the weekly digest both read it, so they count the same people.
CREATE VIEW member_onboarding AS
SELECT m.id AS membership_id, m.organisation_id, m.participant_id, m.joined_at,
       bool_or(r.role = 'mentor') AS is_mentor,
       bool_or(r.role = 'mentee') AS is_mentee,
       EXISTS (SELECT 1 FROM current_consents c WHERE c.organisation_id = m.organisation_id AND c.participant_id = m.participant_id
                  AND c.kind = 'personal_data' AND c.event = 'given') AS has_consent,
       EXISTS (SELECT 1 FROM current_consents c WHERE c.organisation_id = m.organisation_id AND c.participant_id = m.participant_id
                  AND c.kind = 'mentoring_duties' AND c.event = 'given') AS has_duties,
       EXISTS (SELECT 1 FROM questionnaire_responses q WHERE q.membership_id = m.id AND q.questionnaire = 'mentor_intake'
                  AND q.context_key = '' AND q.status = 'completed') AS mentor_done,
       EXISTS (SELECT 1 FROM questionnaire_responses q WHERE q.membership_id = m.id AND q.questionnaire = 'mentee_intake'
                  AND q.context_key = '' AND q.status = 'completed') AS mentee_done
  FROM memberships m JOIN membership_roles r ON r.membership_id = m.id AND r.role IN ('mentor', 'mentee')
 WHERE m.status = 'active'
 GROUP BY m.id;
