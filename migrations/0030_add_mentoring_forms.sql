-- Forms of mentoring (issue 15): the methodology's full list for pairs.form, chosen by the curator at approval,
-- and the forms an organisation switched off (codes of MentoringForms; empty = every form is used).
ALTER TABLE pairs DROP CONSTRAINT pairs_form_check;
ALTER TABLE pairs ADD CONSTRAINT pairs_form_check CHECK (form IN (
    'teacher_teacher', 'head_teacher', 'student_student', 'employer_student', 'group',
    'virtual', 'reverse', 'situational', 'short_term', 'speed', 'traditional'));
ALTER TABLE organisations ADD COLUMN mentoring_forms_off text[] NOT NULL DEFAULT '{}';
