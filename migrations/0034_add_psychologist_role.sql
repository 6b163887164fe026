-- Input from colleagues (issue 15, «сбор информации о запросах наставляемых от третьих лиц: психолог, руководитель»):
-- the psychologist is a role of its own, invited like the others.
ALTER TABLE membership_roles DROP CONSTRAINT membership_roles_role_check;
ALTER TABLE membership_roles ADD CONSTRAINT membership_roles_role_check
    CHECK (role IN ('curator', 'mentor', 'mentee', 'head', 'psychologist'));
ALTER TABLE invites DROP CONSTRAINT invites_role_check;
ALTER TABLE invites ADD CONSTRAINT invites_role_check
    CHECK (role IN ('curator', 'mentor', 'mentee', 'head', 'psychologist'));
